// The converted ONNX networks on ONNX Runtime's CPU provider, for tests. The models are written
// from the face-api weights in node_modules first when they are missing or stale (a no-op when
// they are current), so a test never depends on an earlier `npm run build`.
import * as ort from 'onnxruntime-node';
import { createOnnxNet } from '../../src-main/engine/onnx/onnx-net';
import { onnxNetworks } from '../../src-main/engine/onnx/onnx-networks';
import { onnxModelPath } from '../../src-main/engine/onnx/onnx-model-paths';
import type { FaceNetworks } from '../../src-main/engine/networks/face-networks';
import { ensureOnnxModels } from './onnx-models-setup';

export async function loadOnnxCpuNetworks(): Promise<FaceNetworks> {
  const dir = ensureOnnxModels();
  const options: ort.InferenceSession.SessionOptions = { executionProviders: ['cpu'] };
  const load = (name: Parameters<typeof onnxModelPath>[0]) =>
    createOnnxNet(ort, onnxModelPath(name, dir), options);
  return onnxNetworks(
    {
      tinyDetector: await load('tinyDetector'),
      landmarks: await load('landmarks'),
      recognition: await load('recognition'),
      ssdDetector: await load('ssdDetector'),
    },
    'onnx-cpu',
  );
}
