// Writes small TensorFlow.js graph models (model.json + one .bin shard, the layout tfjs-converter
// produces) for converter tests: each op given with its attributes, constants with seeded
// pseudo-random values, so a test can build exactly the case it wants (odd sizes, stride 2 SAME,
// an op the converter lacks) and run it on both tfjs and ONNX Runtime.
import fs from 'node:fs';
import path from 'node:path';

type Attr = Record<string, unknown>;

export interface FixtureConst {
  name: string;
  shape: number[];
  values?: number[];
  dtype?: 'float32' | 'int32';
}

export interface FixtureOp {
  name: string;
  op: string;
  inputs: string[];
  attr?: Attr;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');
export const ints = (...v: number[]): Attr => ({ list: { i: v.map(String) } });
export const text = (s: string): Attr => ({ s: b64(s) });
export const texts = (...v: string[]): Attr => ({ list: { s: v.map(b64) } });

/** A deterministic generator in [-1, 1) (an LCG), so fixtures are the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/** Writes model.json + weights.bin into `dir`; returns the model.json path. */
export function writeGraphModel(
  dir: string,
  input: { name: string; shape: number[] },
  consts: readonly FixtureConst[],
  ops: readonly FixtureOp[],
  seed = 1,
): string {
  const random = seeded(seed);
  const nodes: object[] = [
    {
      name: input.name,
      op: 'Placeholder',
      attr: {
        dtype: { type: 'DT_FLOAT' },
        shape: { shape: { dim: input.shape.map((d) => ({ size: String(d) })) } },
      },
    },
  ];
  const chunks: Buffer[] = [];
  const weights = consts.map((c) => {
    const dtype = c.dtype ?? 'float32';
    const count = c.shape.reduce((a, b) => a * b, 1);
    const values = c.values ?? Array.from({ length: count }, random);
    const data = dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
    chunks.push(Buffer.from(data.buffer));
    const tfType = dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT';
    nodes.push({
      name: c.name,
      op: 'Const',
      attr: {
        dtype: { type: tfType },
        value: {
          tensor: {
            dtype: tfType,
            tensorShape: { dim: c.shape.map((d) => ({ size: String(d) })) },
          },
        },
      },
    });
    return { name: c.name, shape: c.shape, dtype };
  });
  for (const op of ops) {
    nodes.push({
      name: op.name,
      op: op.op,
      input: op.inputs,
      attr: { T: { type: 'DT_FLOAT' }, ...op.attr },
    });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.concat(chunks));
  const json = {
    format: 'graph-model',
    modelTopology: { node: nodes, versions: { producer: 1 } },
    weightsManifest: [{ paths: ['weights.bin'], weights }],
  };
  const jsonPath = path.join(dir, 'model.json');
  fs.writeFileSync(jsonPath, JSON.stringify(json));
  return jsonPath;
}
