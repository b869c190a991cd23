// The ONNX runners on real sessions: wrong input is a typed engine error (never a crash or a
// silent wrong answer), an ONNX Runtime failure is the engine's model error, and a blank frame
// finds no face. No photos needed.
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../../src-main/engine/errors/engine-error';
import type { FaceNetworks } from '../../../src-main/engine/networks/face-networks';
import { createOnnxNet } from '../../../src-main/engine/onnx/onnx-net';
import { onnxLandmarks68 } from '../../../src-main/engine/onnx/onnx-landmarks';
import { onnxModelPath } from '../../../src-main/engine/onnx/onnx-model-paths';
import { onnxNetworks } from '../../../src-main/engine/onnx/onnx-networks';
import { ensureOnnxModels } from '../../support/onnx-models-setup';
import { loadOnnxCpuNetworks } from '../../support/onnx-networks';

const engineError = (detail: RegExp) =>
  expect.objectContaining({
    name: 'EngineError',
    code: 'detection_server_error',
    detail: expect.stringMatching(detail),
  });

describe('ONNX runners', () => {
  let nets: FaceNetworks;
  beforeAll(async () => {
    nets = await loadOnnxCpuNetworks();
  });
  afterAll(async () => {
    await nets?.dispose();
  });

  it('rejects patches of the wrong size with a typed error', async () => {
    await expect(nets.recognitionTrunk(new Uint8Array(100), 150)).rejects.toEqual(
      engineError(/150x150/),
    );
    await expect(nets.recognitionTrunk(new Uint8Array(112 * 112 * 3), 112)).rejects.toEqual(
      engineError(/converted for 150/),
    );
    await expect(nets.landmarks68(new Uint8Array(5))).rejects.toEqual(engineError(/112x112/));
    const img = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3) };
    await expect(nets.tinyFaces(img, { inputSize: 100, scoreThreshold: 0.5 })).rejects.toEqual(
      engineError(/multiple of 32/),
    );
  });

  it('turns an ONNX Runtime failure into the engine’s model error', async () => {
    // The recognition session fed a landmark patch: ORT refuses the input's shape.
    const dir = ensureOnnxModels();
    const wrong = await createOnnxNet(ort, onnxModelPath('recognition', dir));
    const err = await onnxLandmarks68(wrong, new Uint8Array(112 * 112 * 3)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toEqual(engineError(/landmark network: ONNX Runtime failed/));
    await wrong.session.release();
  });

  it('finds no face on a blank frame, with either detector', async () => {
    const img = { width: 320, height: 240, data: new Uint8Array(320 * 240 * 3).fill(128) };
    expect(await nets.tinyFaces(img, { inputSize: 320, scoreThreshold: 0.5 })).toEqual([]);
    expect(await nets.ssdFaces(img, { minConfidence: 0.5 })).toEqual([]);
  });

  it('says so when SsdMobilenetv1 was not loaded', async () => {
    const dir = ensureOnnxModels();
    const load = (name: 'tinyDetector' | 'landmarks' | 'recognition') =>
      createOnnxNet(ort, onnxModelPath(name, dir));
    const withoutSsd = onnxNetworks(
      {
        tinyDetector: await load('tinyDetector'),
        landmarks: await load('landmarks'),
        recognition: await load('recognition'),
      },
      'onnx-cpu',
    );
    expect(withoutSsd.ssdLoaded).toBe(false);
    const img = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 3) };
    await expect(withoutSsd.ssdFaces(img, { minConfidence: 0.5 })).rejects.toEqual(
      engineError(/not loaded/),
    );
    await withoutSsd.dispose();
  });
});
