import { describe, expect, it } from 'vitest';
import { faceBoxStyle } from './face-box-style';

describe('faceBoxStyle', () => {
  it('places a box inside the frame as percentages', () => {
    expect(faceBoxStyle({ x: 80, y: 60, width: 160, height: 120 }, 320, 240)).toEqual({
      left: '25%',
      top: '25%',
      width: '50%',
      height: '50%',
    });
  });

  it('draws only the part of a box that reaches past the frame', () => {
    expect(faceBoxStyle({ x: -32, y: -24, width: 96, height: 72 }, 320, 240)).toEqual({
      left: '0%',
      top: '0%',
      width: '20%',
      height: '20%',
    });
    expect(faceBoxStyle({ x: 288, y: 216, width: 64, height: 48 }, 320, 240)).toEqual({
      left: '90%',
      top: '90%',
      width: '10%',
      height: '10%',
    });
  });
});
