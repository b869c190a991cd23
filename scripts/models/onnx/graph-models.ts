// The TensorFlow.js graph models shipped in @vladmandic/human (MIT) that the engine runs on ONNX
// Runtime, converted from the package's own model.json + .bin (never copied into the repository;
// provenance and licence in resources/models/README.md). Each recipe names the input, the
// normalisation human's tfjs code applies before the network, and the outputs kept.
import path from 'node:path';
import type { GraphConversionSpec } from './tfjs-graph-convert';

export interface GraphModelRecipe {
  /** File name in the output folder. */
  file: string;
  /** model.json in @vladmandic/human's models/ folder. */
  source: string;
  spec: GraphConversionSpec;
}

export const GRAPH_MODELS: readonly GraphModelRecipe[] = [
  {
    // MediaPipe's short-range face detector (four-output variant): RGB scaled to [-1, 1].
    file: 'blazeface.onnx',
    source: 'blazeface.json',
    spec: {
      name: 'blazeface',
      input: { tfName: 'input', shape: [1, 256, 256, 3] },
      normalize: { divide: 127.5, subtract: 1 },
      outputs: [
        { tfName: 'Identity', onnxName: 'scores16' },
        { tfName: 'Identity_1', onnxName: 'scores8' },
        { tfName: 'Identity_2', onnxName: 'boxes16' },
        { tfName: 'Identity_3', onnxName: 'boxes8' },
      ],
    },
  },
  {
    // MediaPipe's face mesh (468 landmarks, x y z in pixels of the 192 px crop): RGB in [0, 1].
    file: 'facemesh.onnx',
    source: 'facemesh.json',
    spec: {
      name: 'facemesh',
      input: { tfName: 'input_1', shape: [1, 192, 192, 3] },
      normalize: { divide: 255, subtract: 0 },
      outputs: [
        { tfName: 'Identity_2', onnxName: 'mesh' },
        // Identity (266 contour values) is left out: nothing reads it, and pruning it saves a head.
        { tfName: 'Identity_1', onnxName: 'faceflag' },
      ],
    },
  },
  {
    // human's face description network: raw 0-255 RGB of a 224 px crop; the 1024-D descriptor
    // (global average pool) plus the age and gender heads.
    file: 'faceres.onnx',
    source: 'faceres.json',
    spec: {
      name: 'faceres',
      input: { tfName: 'input_1', shape: [1, 224, 224, 3] },
      outputs: [
        { tfName: 'global_pooling/Mean', onnxName: 'descriptor' },
        { tfName: 'gender_pred/Sigmoid', onnxName: 'gender' },
        { tfName: 'age_pred/Softmax', onnxName: 'age' },
      ],
    },
  },
];

export function graphModelJson(recipe: GraphModelRecipe, humanModelDir: string): string {
  return path.join(humanModelDir, recipe.source);
}
