// Loads the converted face models (../onnx) into sessions on the chosen provider. Sessions are
// created one after another: WebGPU wants a single thread driving its device, and creating them
// in parallel would gain nothing on a 2-core desk.
// SsdMobilenetv1, the last-resort detector, is loaded on its first use: it runs only when
// TinyFaceDetector finds nothing twice, and its session (+30 MB per CPU worker, measured) would
// otherwise sit in every worker for the few frames that need it. Its file is checked here, so a
// missing model still fails the start-up (and the next provider or TensorFlow.js is tried).
import fs from 'node:fs';
import { EngineError } from '../errors/engine-error';
import type { FaceNetworks } from '../networks/face-networks';
import { createOnnxNet, type OnnxNet } from '../onnx/onnx-net';
import { onnxModelPath, type OnnxNetworkName } from '../onnx/onnx-model-paths';
import { onnxNetworks } from '../onnx/onnx-networks';
import { blazeFaceOnnxPath } from '../onnx/onnx-blazeface';
import { lazyOnnxFaceMesh } from '../onnx/onnx-facemesh';
import type { OnnxNetworksLoader } from './load-networks';

export const loadOnnxFaceNetworks: OnnxNetworksLoader = async (ort, session, options) => {
  const load = (name: OnnxNetworkName): Promise<OnnxNet> =>
    createOnnxNet(ort, onnxModelPath(name, options.modelDir), session);
  const tinyDetector = await load('tinyDetector');
  const landmarks = await load('landmarks');
  const recognition = await load('recognition');
  const runtime = `onnx-${String(session.executionProviders?.[0] ?? 'cpu')}`;
  // The covered-face stage (issue 13): BlazeFace, converted from @vladmandic/human's graph model.
  const blazeFace = options.loadCovered
    ? await createOnnxNet(ort, blazeFaceOnnxPath(options.modelDir), session)
    : undefined;
  const always = { tinyDetector, landmarks, recognition, ...(blazeFace ? { blazeFace } : {}) };
  // With it, the face mesh for the landmarks of the faces only BlazeFace finds, loaded on the first
  // such face (rare: it does not sit in every worker for nothing).
  const mesh = options.loadCovered ? lazyOnnxFaceMesh(ort, session, options.modelDir) : undefined;
  const withMesh = (nets: FaceNetworks): FaceNetworks =>
    mesh === undefined
      ? nets
      : {
          ...nets,
          faceMesh: mesh.net,
          dispose: async () => {
            await nets.dispose();
            await mesh.release();
          },
        };
  const base = withMesh(onnxNetworks(always, runtime));
  if (!options.loadSsd) return base;
  const ssdPath = onnxModelPath('ssdDetector', options.modelDir);
  if (!fs.existsSync(ssdPath)) throw new Error(`${ssdPath} not found (npm run models:onnx)`);

  let ssd: Promise<OnnxNet> | undefined;
  const ssdNet = (): Promise<OnnxNet> => {
    ssd ??= load('ssdDetector').catch((err: unknown) => {
      ssd = undefined; // a later frame tries again
      throw new EngineError('detection_server_error', `SsdMobilenetv1 failed to load: ${err}`, {
        cause: err,
      });
    });
    return ssd;
  };
  return {
    ...base,
    ssdLoaded: true,
    ssdFaces: async (img, opts) =>
      onnxNetworks({ ...always, ssdDetector: await ssdNet() }, runtime).ssdFaces(img, opts),
    dispose: async () => {
      await base.dispose();
      const loaded = await ssd?.catch(() => undefined);
      await loaded?.session.release();
    },
  } satisfies FaceNetworks;
};
