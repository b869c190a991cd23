// The station's default networks for the covered-face experiments: ONNX Runtime's CPU provider
// through the engine's own loader, covered-face stage included, and the same object without the
// stage (today's detector chain) for before/after comparisons.
import * as ort from 'onnxruntime-node';
import os from 'node:os';
import type { FaceNetworks } from '../../src-main/engine/networks/face-networks';
import { loadOnnxFaceNetworks } from '../../src-main/engine/runtime/onnx-loader';

export async function loadStationNetworks(): Promise<{
  nets: FaceNetworks;
  withoutStage: FaceNetworks;
}> {
  const nets = await loadOnnxFaceNetworks(
    ort,
    { executionProviders: ['cpu'], intraOpNumThreads: Math.min(2, os.availableParallelism()) },
    { loadSsd: true, loadCovered: true },
  );
  return { nets, withoutStage: { ...nets, coveredFaces: undefined } };
}
