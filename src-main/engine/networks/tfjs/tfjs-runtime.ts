// Loads TensorFlow.js on the chosen backend and face-api's networks from disk, once per worker.
// face-api's node-wasm bundle requires @tensorflow/tfjs and @tensorflow/tfjs-backend-wasm; the
// native backends (@tensorflow/tfjs-node[-gpu]) register themselves on the same tf engine when
// imported, so one face-api build serves every backend.
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { selectBackend, type TfBackendControl } from '../../backend/select-backend';
import type { BackendChoice } from '../../backend/backend-names';
import { defaultModelDir, defaultWasmDir } from '../../models/model-paths';
import { loadBlazeFaceTf, type BlazeFaceNet } from '../../detect/blazeface-model';
import type * as tfjs from '@tensorflow/tfjs';

export type FaceApi = typeof faceapi;

export interface RuntimeOptions {
  backend?: string;
  modelDir?: string;
  wasmDir?: string;
  /** Also load SsdMobilenetv1: the fallback detector, and the reference pipeline of the bench. */
  loadSsd?: boolean;
  /** Also load BlazeFace: the covered-face stage after the other detectors (default true). */
  loadCovered?: boolean;
}

export interface FaceRuntime {
  faceapi: FaceApi;
  backend: BackendChoice;
  modelLoadMs: number;
  ssdLoaded: boolean;
  /** BlazeFace, when loaded: finds faces behind masks and under helmets (../../detect/). */
  coveredFaceNet?: BlazeFaceNet;
}

export async function loadFaceRuntime(options: RuntimeOptions = {}): Promise<FaceRuntime> {
  const wasmDir = options.wasmDir ?? defaultWasmDir();
  const backend = await selectBackend(
    {
      // face-api's type declarations list only the tf ops it uses; at run time faceapi.tf is the
      // full @tensorflow/tfjs instance it was loaded with (the one whose backend must be set).
      tf: faceapi.tf as unknown as TfBackendControl,
      importModule: (specifier) => import(/* @vite-ignore */ specifier),
      prepareWasm: async () => {
        // One thread per worker: the pool, not wasm threads, spreads work across cores.
        setWasmPaths(wasmDir);
      },
    },
    options.backend ?? process.env.FACEAUTH_BACKEND,
  );
  const modelDir = options.modelDir ?? defaultModelDir();
  const started = performance.now();
  const loads = [
    faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir),
    faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir),
    faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir),
  ];
  const loadSsd = options.loadSsd ?? true;
  if (loadSsd) loads.push(faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir));
  const coveredLoad =
    (options.loadCovered ?? true)
      ? loadBlazeFaceTf(faceapi.tf as unknown as typeof tfjs)
      : undefined;
  await Promise.all(loads);
  const coveredFaceNet = await coveredLoad;
  return {
    faceapi,
    backend,
    modelLoadMs: performance.now() - started,
    ssdLoaded: loadSsd,
    ...(coveredFaceNet === undefined ? {} : { coveredFaceNet }),
  };
}
