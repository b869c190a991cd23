// Reads face-api's shipped weights (a tfjs weights manifest plus its binary shards) the way
// TensorFlow.js does (tfjs-core io_utils.decodeWeights), so that every float here is the float
// the tfjs path computes with.
import fs from 'node:fs';
import path from 'node:path';

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  quantization?: { dtype: string; scale: number; min: number };
}
interface ManifestGroup {
  paths: string[];
  weights: ManifestEntry[];
}

export interface Weight {
  shape: readonly number[];
  /** The tensor as tfjs holds it (row-major, tfjs layout: HWIO filters, [in, out] matrices). */
  values: Float32Array;
}

export type WeightMap = ReadonlyMap<string, Weight>;

function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function decodeEntry(entry: ManifestEntry, bytes: Uint8Array): { weight: Weight; used: number } {
  const count = elementCount(entry.shape);
  const q = entry.quantization;
  if (q !== undefined) {
    if (q.dtype !== 'uint8') throw new Error(`${entry.name}: ${q.dtype} quantisation unsupported`);
    const codes = bytes.subarray(0, count);
    const table = new Float32Array(256);
    // tfjs: values[i] = v * scale + min, computed in doubles, stored as float32 (int32 rounds).
    for (let v = 0; v < 256; v++) {
      const x = v * q.scale + q.min;
      table[v] = entry.dtype === 'int32' ? Math.round(x) : x;
    }
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = table[codes[i] as number] as number;
    return { weight: { shape: entry.shape, values }, used: count };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 4);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    values[i] = entry.dtype === 'int32' ? view.getInt32(i * 4, true) : view.getFloat32(i * 4, true);
  }
  return { weight: { shape: entry.shape, values }, used: count * 4 };
}

/** The manifest and shard files a model is made of (the converter hashes them). */
export function weightFiles(modelDir: string, modelName: string): string[] {
  const manifestPath = path.join(modelDir, `${modelName}-weights_manifest.json`);
  const groups = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as ManifestGroup[];
  return [manifestPath, ...groups.flatMap((g) => g.paths.map((p) => path.join(modelDir, p)))];
}

export function readWeights(modelDir: string, modelName: string): WeightMap {
  const manifestPath = path.join(modelDir, `${modelName}-weights_manifest.json`);
  const groups = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as ManifestGroup[];
  const map = new Map<string, Weight>();
  for (const group of groups) {
    const shards = group.paths.map((p) => fs.readFileSync(path.join(modelDir, p)));
    const data = new Uint8Array(Buffer.concat(shards));
    let offset = 0;
    for (const entry of group.weights) {
      const { weight, used } = decodeEntry(entry, data.subarray(offset));
      if (offset + used > data.length) throw new Error(`${entry.name}: shard data too short`);
      map.set(entry.name, weight);
      offset += used;
    }
  }
  return map;
}

export function requireWeight(map: WeightMap, name: string, shape?: readonly number[]): Weight {
  const w = map.get(name);
  if (w === undefined) throw new Error(`weight ${name} missing from the manifest`);
  if (shape !== undefined && w.shape.join('x') !== shape.join('x')) {
    throw new Error(`weight ${name}: shape ${w.shape.join('x')}, expected ${shape.join('x')}`);
  }
  return w;
}
