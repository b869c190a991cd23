// Issue 13's cost rule: the covered-face stage runs only when every other detector found nothing,
// so a frame with a face costs exactly what it did before. Networks are counted fakes here; the
// stage on the real networks is test/integration/engine/covered-faces.test.ts.
import { describe, expect, it } from 'vitest';
import { BLAZEFACE_ROW } from '../../../src-main/engine/detect/blazeface-decode';
import { DEFAULT_DETECTOR_CONFIG, detectFaces } from '../../../src-main/engine/detect/detect-faces';
import type { RgbImage } from '../../../src-main/engine/image/rgb-image';
import type { FaceNetworks, RawDetection } from '../../../src-main/engine/networks/face-networks';

const img: RgbImage = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3) };

function countingNetworks(tinyFinds: RawDetection[]) {
  const calls = { tiny: 0, ssd: 0, covered: 0 };
  const nets: FaceNetworks = {
    runtime: 'fake',
    ssdLoaded: true,
    tinyFaces: async () => {
      calls.tiny++;
      return tinyFinds;
    },
    ssdFaces: async () => {
      calls.ssd++;
      return [];
    },
    landmarks68: async () => [],
    recognitionTrunk: async () => {
      throw new Error('not used');
    },
    coveredFaces: {
      inputSize: 256,
      run: async () => {
        calls.covered++;
        // Every anchor at logit -10: BlazeFace sees nothing either.
        return new Float32Array(896 * BLAZEFACE_ROW).fill(-10);
      },
    },
    dispose: async () => undefined,
  };
  return { nets, calls };
}

describe('covered-face stage cost', () => {
  it('is never called when TinyFaceDetector finds the face', async () => {
    const face = { box: { x: 10, y: 10, width: 20, height: 20 }, score: 0.9 };
    const { nets, calls } = countingNetworks([face]);
    const result = await detectFaces(nets, img, DEFAULT_DETECTOR_CONFIG, true);
    expect(result.stage).toBe('tiny');
    expect(calls).toEqual({ tiny: 1, ssd: 0, covered: 0 });
  });

  it('runs its letterboxes, after every other detector, when nothing was found', async () => {
    const { nets, calls } = countingNetworks([]);
    const result = await detectFaces(nets, img, DEFAULT_DETECTOR_CONFIG, true);
    expect(result).toEqual({ faces: [], stage: 'none' });
    expect(calls).toEqual({
      tiny: 2,
      ssd: 1,
      covered: DEFAULT_DETECTOR_CONFIG.covered.padFractions.length,
    });
  });

  it('stays out of the live preview pass of detectFaces (no fallbacks)', async () => {
    const { nets, calls } = countingNetworks([]);
    await detectFaces(nets, img, DEFAULT_DETECTOR_CONFIG, false);
    expect(calls.covered).toBe(0);
  });
});
