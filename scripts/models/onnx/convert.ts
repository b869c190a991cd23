// Turns face-api's shipped weights into ONNX models. Deterministic: the same weights and the same
// converter give byte-identical files. A stamp next to the models records a hash of everything
// that went in (weights and the converter's own sources); when it matches, nothing is rewritten,
// so `npm run build` and the tests pay for conversion only once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readWeights, weightFiles, type WeightMap } from './face-api-weights';
import { encodeModel, type OnnxGraph } from './onnx-model';
import { buildLandmarkGraph } from './landmark-net';
import { buildRecognitionGraph } from './recognition-net';
import { buildSsdDetectorGraph } from './ssd-detector-net';
import { buildTinyDetectorGraph } from './tiny-detector-net';
import { defaultBlazeFaceDir } from '../../../src-main/engine/detect/blazeface-model';
import { GRAPH_MODELS, graphModelJson, type GraphModelRecipe } from './graph-models';
import { convertTfjsGraph } from './tfjs-graph-convert';
import { graphModelFiles, readGraphModel } from './tfjs-graph-reader';

/** onnxruntime-node 1.30 implements every op used here at this opset on CPU and WebGPU. */
export const OPSET = 17;

export interface NetworkRecipe {
  /** File name in the output folder. */
  file: string;
  /** face-api's model name (the weights manifest's prefix). */
  weights: string;
  build: (w: WeightMap) => OnnxGraph;
}

export const NETWORKS: readonly NetworkRecipe[] = [
  {
    file: 'face_recognition.onnx',
    weights: 'face_recognition_model',
    build: buildRecognitionGraph,
  },
  { file: 'face_landmark_68.onnx', weights: 'face_landmark_68_model', build: buildLandmarkGraph },
  {
    file: 'tiny_face_detector.onnx',
    weights: 'tiny_face_detector_model',
    build: buildTinyDetectorGraph,
  },
  { file: 'ssd_mobilenetv1.onnx', weights: 'ssd_mobilenetv1_model', build: buildSsdDetectorGraph },
];

const STAMP_FILE = 'conversion.stamp';

/** @vladmandic/human's models/ folder, where the graph models are read from. */
export function defaultGraphModelDir(): string {
  return defaultBlazeFaceDir();
}

/** A hash of the inputs: the weight files and this folder's sources (the recipe). */
export function inputsHash(modelDir: string, graphModelDir = defaultGraphModelDir()): string {
  const hash = createHash('sha256');
  const converterDir = import.meta.dirname;
  const sources = fs
    .readdirSync(converterDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(converterDir, f));
  const weights = [
    ...NETWORKS.flatMap((n) => weightFiles(modelDir, n.weights)),
    ...GRAPH_MODELS.flatMap((m) => graphModelFiles(graphModelJson(m, graphModelDir))),
  ];
  for (const file of [...sources, ...weights]) {
    hash.update(path.basename(file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  hash.update(`opset ${OPSET}`);
  return hash.digest('hex');
}

export function convertNetwork(recipe: NetworkRecipe, modelDir: string): Uint8Array {
  const graph = recipe.build(readWeights(modelDir, recipe.weights));
  return encodeModel({
    graph,
    opset: OPSET,
    docString: `${recipe.weights} from @vladmandic/face-api's shipped weights`,
  });
}

export function convertGraphModel(recipe: GraphModelRecipe, graphModelDir: string): Uint8Array {
  const graph = convertTfjsGraph(
    readGraphModel(graphModelJson(recipe, graphModelDir)),
    recipe.spec,
  );
  return encodeModel({
    graph,
    opset: OPSET,
    docString: `${recipe.source} from @vladmandic/human's models/ (TensorFlow.js graph model)`,
  });
}

export interface ConversionResult {
  written: string[];
  upToDate: boolean;
}

/** Writes every model into outDir unless the stamp says they are already current. */
export function convertAll(
  modelDir: string,
  outDir: string,
  graphModelDir = defaultGraphModelDir(),
): ConversionResult {
  const hash = inputsHash(modelDir, graphModelDir);
  const stampPath = path.join(outDir, STAMP_FILE);
  const jobs: { file: string; convert: () => Uint8Array }[] = [
    ...NETWORKS.map((n) => ({ file: n.file, convert: () => convertNetwork(n, modelDir) })),
    ...GRAPH_MODELS.map((m) => ({
      file: m.file,
      convert: () => convertGraphModel(m, graphModelDir),
    })),
  ];
  const files = jobs.map((j) => path.join(outDir, j.file));
  const stamp = fs.existsSync(stampPath) ? fs.readFileSync(stampPath, 'utf8').trim() : '';
  if (stamp === hash && files.every((f) => fs.existsSync(f)))
    return { written: [], upToDate: true };
  fs.mkdirSync(outDir, { recursive: true });
  for (const [i, job] of jobs.entries()) {
    const target = files[i] as string;
    // Written aside and renamed, so a reader never sees half a model.
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, job.convert());
    fs.renameSync(temp, target);
  }
  fs.writeFileSync(stampPath, `${hash}\n`);
  return { written: files, upToDate: false };
}
