// Loads the converted face models (../onnx) into sessions on the chosen provider. Sessions are
// created one after another: WebGPU wants a single thread driving its device, and creating them
// in parallel would gain nothing on a 2-core desk.
import { createOnnxNet, type OnnxNet } from '../onnx/onnx-net';
import { onnxModelPath, type OnnxNetworkName } from '../onnx/onnx-model-paths';
import { onnxNetworks } from '../onnx/onnx-networks';
import { blazeFaceOnnxPath } from '../onnx/onnx-blazeface';
import type { OnnxNetworksLoader } from './load-networks';

export const loadOnnxFaceNetworks: OnnxNetworksLoader = async (ort, session, options) => {
  const load = (name: OnnxNetworkName): Promise<OnnxNet> =>
    createOnnxNet(ort, onnxModelPath(name, options.modelDir), session);
  const tinyDetector = await load('tinyDetector');
  const landmarks = await load('landmarks');
  const recognition = await load('recognition');
  const ssdDetector = options.loadSsd ? await load('ssdDetector') : undefined;
  // The covered-face stage (issue 13): BlazeFace, converted from @vladmandic/human's graph model.
  const blazeFace = options.loadCovered
    ? await createOnnxNet(ort, blazeFaceOnnxPath(options.modelDir), session)
    : undefined;
  const provider = String(session.executionProviders?.[0] ?? 'cpu');
  return onnxNetworks(
    {
      tinyDetector,
      landmarks,
      recognition,
      ...(ssdDetector ? { ssdDetector } : {}),
      ...(blazeFace ? { blazeFace } : {}),
    },
    `onnx-${provider}`,
  );
};
