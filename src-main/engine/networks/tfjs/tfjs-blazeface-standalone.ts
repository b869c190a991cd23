// BlazeFace on TensorFlow.js (wasm, one thread) for an engine whose other networks run on ONNX
// Runtime. Interim: until the converter (scripts/models/onnx, branch graph-onnx) produces
// blazeface.onnx and its runner, the ONNX engine borrows this so the covered-face stage runs on
// every runtime. Only the covered-face stage calls it, i.e. only frames where every other detector
// found nothing; tfjs is imported lazily so an engine started without the stage never loads it.
import type * as tfjs from '@tensorflow/tfjs';
import { loadBlazeFaceTf, type BlazeFaceNet } from '../../detect/blazeface-model';
import { defaultWasmDir } from '../../models/model-paths';

export async function loadBlazeFaceStandalone(): Promise<BlazeFaceNet> {
  const tf = (await import('@tensorflow/tfjs')) as typeof tfjs;
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  setWasmPaths(defaultWasmDir());
  if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js wasm backend did not start');
  await tf.ready();
  return loadBlazeFaceTf(tf);
}
