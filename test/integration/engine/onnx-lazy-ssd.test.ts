// The last-resort detector on ONNX Runtime loads on its first use (runtime/onnx-loader.ts,
// issue 12 memory): no session at start-up, one on the first SSD call, the same one afterwards,
// the eagerly loaded network's answer, and a missing model still fails the start-up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { FaceNetworks } from '../../../src-main/engine/networks/face-networks';
import { ONNX_MODEL_FILES } from '../../../src-main/engine/onnx/onnx-model-paths';
import { loadOnnxFaceNetworks } from '../../../src-main/engine/runtime/onnx-loader';
import { sessionOptionsFor } from '../../../src-main/engine/runtime/onnx-providers';
import { ensureOnnxModels } from '../../support/onnx-models-setup';
import { loadOnnxCpuNetworks } from '../../support/onnx-networks';
import { HAS_FACEDATA, photo, SKIP_NOTE } from './facedata-guard';

/** The real module, counting the sessions it creates. */
function countingOrt() {
  const created: string[] = [];
  const create = (model: string, options: ort.InferenceSession.SessionOptions) => {
    created.push(path.basename(model));
    return ort.InferenceSession.create(model, options);
  };
  const module = {
    ...ort,
    InferenceSession: { create } as unknown as typeof ort.InferenceSession,
  };
  return { module, created };
}

const opened: FaceNetworks[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'faceauth-lazy-ssd-'));
afterAll(async () => {
  await Promise.all(opened.map((n) => n.dispose()));
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('lazy SsdMobilenetv1 on ONNX Runtime', { timeout: 120_000 }, () => {
  it.skipIf(!HAS_FACEDATA)(`loads it on first use only, same answer${SKIP_NOTE}`, async () => {
    const dir = ensureOnnxModels();
    const { module, created } = countingOrt();
    const nets = await loadOnnxFaceNetworks(module, sessionOptionsFor('cpu', 1), {
      modelDir: dir,
      loadSsd: true,
      loadCovered: false,
    });
    opened.push(nets);
    expect(nets.ssdLoaded).toBe(true);
    expect(created).not.toContain(ONNX_MODEL_FILES.ssdDetector);

    const { data, info } = await sharp(photo('verification/deepface/angelina_jolie/img1.jpg'))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const img = { width: info.width, height: info.height, data: new Uint8Array(data) };
    const first = await nets.ssdFaces(img, { minConfidence: 0.5 });
    await nets.ssdFaces(img, { minConfidence: 0.5 });
    expect(created.filter((f) => f === ONNX_MODEL_FILES.ssdDetector)).toHaveLength(1);

    const eager = await loadOnnxCpuNetworks();
    opened.push(eager);
    expect(first.length).toBeGreaterThan(0);
    expect(first).toEqual(await eager.ssdFaces(img, { minConfidence: 0.5 }));
  });

  it('fails the start-up when the SSD model file is missing', async () => {
    const dir = ensureOnnxModels();
    for (const file of Object.values(ONNX_MODEL_FILES)) {
      if (file !== ONNX_MODEL_FILES.ssdDetector) {
        fs.copyFileSync(path.join(dir, file), path.join(scratch, file));
      }
    }
    await expect(
      loadOnnxFaceNetworks(ort, sessionOptionsFor('cpu', 1), {
        modelDir: scratch,
        loadSsd: true,
        loadCovered: false,
      }),
    ).rejects.toThrow(/ssd_mobilenetv1\.onnx not found/);
  });
});
