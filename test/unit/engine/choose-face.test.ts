import { describe, expect, it } from 'vitest';
import { chooseFace } from '../../../src-main/engine/detect/choose-face';
import type { DetectedFace } from '../../../src-main/engine/detect/face-box';
import { frameGuidance } from '../../../src-main/engine/pipeline/analyze-frame';

const face = (x: number, y: number, side: number, score = 0.9): DetectedFace => ({
  box: { x, y, width: side, height: side },
  score,
  detector: 'tiny',
});

describe('face choice', () => {
  it('returns nothing when no face was found', () => {
    expect(chooseFace([])).toBeUndefined();
  });

  it('takes the largest face and counts comparable ones', () => {
    const choice = chooseFace([face(0, 0, 50), face(100, 0, 200), face(400, 0, 150)]);
    expect(choice?.face.box.width).toBe(200);
    expect(choice?.competing).toBe(1); // 150² ≥ 0.36 · 200², 50² is not
  });

  it('breaks a size tie by detector score', () => {
    expect(chooseFace([face(0, 0, 100, 0.6), face(200, 0, 100, 0.95)])?.face.score).toBe(0.95);
  });
});

describe('live preview guidance', () => {
  const frame = { width: 640, height: 480 };
  it.each([
    { faces: [], guidance: 'no_face' },
    { faces: [face(240, 140, 200), face(20, 20, 180)], guidance: 'several_faces' },
    { faces: [face(300, 200, 60)], guidance: 'move_closer' },
    { faces: [face(0, 0, 150)], guidance: 'center_face' },
    { faces: [face(220, 120, 200)], guidance: undefined },
    // Only the covered-face detector saw the face: covered, or turned when its yaw is large.
    { faces: [{ ...face(220, 120, 200), coveredYaw: 0.1 }], guidance: 'face_covered' },
    { faces: [{ ...face(220, 120, 200), coveredYaw: -0.5 }], guidance: 'turn_to_camera' },
    // A masked face turned some 30° (yaw proxy 0.4): the mask, not the turn, is what to fix.
    { faces: [{ ...face(220, 120, 200), coveredYaw: 0.4 }], guidance: 'face_covered' },
    // Too far still comes first: a small face is hard for every detector.
    { faces: [{ ...face(300, 200, 60), coveredYaw: 0 }], guidance: 'move_closer' },
  ])('$guidance', ({ faces, guidance }) => {
    expect(frameGuidance(frame, faces)).toBe(guidance);
  });
});
