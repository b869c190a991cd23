// scaleBox maps a box found on a padded or shrunken copy back onto the original image: the
// detectors' fallbacks, the covered-face stage, the live preview and the pipeline all rely on it.
import { describe, expect, it } from 'vitest';
import { scaleBox } from '../../../src-main/engine/detect/face-box';

describe('scaleBox', () => {
  it('multiplies every side by the scale', () => {
    expect(scaleBox({ x: 10, y: 20, width: 30, height: 40 }, 2)).toEqual({
      x: 20,
      y: 40,
      width: 60,
      height: 80,
    });
  });

  it('removes the padding before scaling, and keeps the size independent of it', () => {
    expect(scaleBox({ x: 110, y: 60, width: 30, height: 40 }, 0.5, 100, 50)).toEqual({
      x: 5,
      y: 5,
      width: 15,
      height: 20,
    });
  });
});
