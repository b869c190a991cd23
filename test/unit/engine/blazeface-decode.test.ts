// BlazeFace's output decoding (src-main/engine/detect/blazeface-decode.ts) on hand-made raw rows:
// anchor layout, box and keypoint offsets, score cut, suppression of overlapping boxes, and the
// yaw proxy the live guidance reads.
import { describe, expect, it } from 'vitest';
import {
  BLAZEFACE_ROW,
  blazeFaceAnchors,
  decodeBlazeFace,
} from '../../../src-main/engine/detect/blazeface-decode';
import { keypointYaw } from '../../../src-main/engine/detect/covered-face-detector';

const anchors = blazeFaceAnchors(256);
const count = anchors.length / 2;

/** Raw rows with every score at logit -10 except the rows given. */
function raw(rows: { index: number; logit: number; box: [number, number, number, number] }[]) {
  const out = new Float32Array(count * BLAZEFACE_ROW);
  for (let i = 0; i < count; i++) out[i * BLAZEFACE_ROW] = -10;
  for (const r of rows) {
    const o = r.index * BLAZEFACE_ROW;
    out[o] = r.logit;
    out.set(r.box, o + 1);
    for (let k = 0; k < 6; k++) out.set([k, -k], o + 5 + k * 2);
  }
  return out;
}

describe('BlazeFace anchors', () => {
  it('lays 2 anchors per cell of 16 x 16 then 6 per cell of 8 x 8', () => {
    expect(count).toBe(896);
    expect([anchors[0], anchors[1], anchors[2], anchors[3]]).toEqual([8, 8, 8, 8]);
    expect([anchors[4], anchors[5]]).toEqual([24, 8]);
    // First anchor of the 8 x 8 grid: centre of its first 32 px cell.
    expect([anchors[512 * 2], anchors[512 * 2 + 1]]).toEqual([16, 16]);
    expect([anchors[895 * 2], anchors[895 * 2 + 1]]).toEqual([240, 240]);
  });
});

describe('decodeBlazeFace', () => {
  it('places the box and the keypoints relative to the anchor', () => {
    // Anchor 600 is in the 8 x 8 grid: cell (88 - 512) / 6 = 14 → gx 6, gy 1 → centre (208, 48).
    const [face] = decodeBlazeFace(
      raw([{ index: 600, logit: 3, box: [4, -2, 40, 50] }]),
      anchors,
      0.5,
      0.3,
    );
    expect(face).toBeDefined();
    expect(face?.score).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(face?.x).toBeCloseTo(208 + 4 - 20, 4);
    expect(face?.y).toBeCloseTo(48 - 2 - 25, 4);
    expect(face?.width).toBe(40);
    expect(face?.height).toBe(50);
    expect(face?.keypoints[2]).toEqual({ x: 210, y: 46 });
  });

  it('drops scores under the cut and overlapping weaker boxes, best first', () => {
    const faces = decodeBlazeFace(
      raw([
        { index: 600, logit: 1, box: [0, 0, 40, 40] },
        { index: 601, logit: 2, box: [2, 0, 40, 40] }, // same cell, stronger: suppresses 600
        { index: 10, logit: 0.5, box: [0, 0, 20, 20] }, // far away, kept
        { index: 20, logit: -3, box: [0, 0, 20, 20] }, // score 0.047: under the cut
      ]),
      anchors,
      0.5,
      0.3,
    );
    expect(faces.map((f) => f.score.toFixed(3))).toEqual(['0.881', '0.622']);
    expect(faces[0]?.x).toBeCloseTo(208 + 2 - 20, 4);
  });

  it('refuses output of the wrong length instead of reading past it', () => {
    expect(() => decodeBlazeFace(new Float32Array(17), anchors, 0.5, 0.3)).toThrow(
      /expected 15232/,
    );
  });
});

describe('keypointYaw', () => {
  // Right eye, left eye, nose, mouth, right ear, left ear (the person's sides).
  const head = (eyeShift: number, noseShift = 0) => [
    { x: 100 + eyeShift, y: 100 },
    { x: 160 + eyeShift, y: 100 },
    { x: 130 + noseShift, y: 140 },
    { x: 130, y: 170 },
    { x: 70, y: 120 },
    { x: 190, y: 120 },
  ];
  it('is 0 for eyes centred between the ears and grows with their offset along the ear axis', () => {
    expect(keypointYaw(head(0))).toBe(0);
    expect(keypointYaw(head(48))).toBeCloseTo(0.4, 6);
    expect(keypointYaw(head(-48))).toBeCloseTo(-0.4, 6);
  });
  it('ignores the nose tip, which BlazeFace places on the bulge of a mask', () => {
    expect(keypointYaw(head(0, 30))).toBe(0);
  });
  it('reads a tilted head as frontal', () => {
    // Ears on a 45° line, the eyes' midpoint in front of their midpoint, perpendicular to it.
    expect(
      keypointYaw([
        { x: 20, y: 0 },
        { x: 40, y: 20 },
        { x: 0, y: 40 },
        { x: 0, y: 50 },
        { x: 0, y: 0 },
        { x: 40, y: 40 },
      ]),
    ).toBeCloseTo(0, 6);
  });
  it('is 0 when the ear keypoints are missing', () => {
    expect(keypointYaw(head(48).slice(0, 4))).toBe(0);
  });
});
