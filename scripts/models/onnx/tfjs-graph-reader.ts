// Reads a TensorFlow.js graph model (model.json with a GraphDef-style `modelTopology` plus the
// binary weight shards its manifest names) into plain nodes and decoded constants. Weights are
// decoded as tfjs-core's io.decodeWeights does (float32/int32, uint8/uint16 affine quantisation,
// float16), so every constant here is the float the tfjs path computes with.
import fs from 'node:fs';
import path from 'node:path';

export interface TfAttrValue {
  s?: string;
  i?: string;
  f?: number;
  b?: boolean;
  type?: string;
  list?: { i?: string[]; s?: string[]; f?: number[] };
  shape?: { dim?: { size: string }[] };
}

export interface TfNode {
  name: string;
  op: string;
  /** Producer node names; `name:0` is written `name`, control inputs (`^name`) are dropped. */
  inputs: string[];
  attr: Readonly<Record<string, TfAttrValue>>;
}

export interface TfConst {
  dtype: 'float32' | 'int32';
  shape: readonly number[];
  values: Float32Array | Int32Array;
}

export interface TfGraphModel {
  nodes: readonly TfNode[];
  consts: ReadonlyMap<string, TfConst>;
}

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}
interface ModelJson {
  modelTopology: { node: { name: string; op: string; input?: string[]; attr?: object }[] };
  weightsManifest: { paths: string[]; weights: ManifestEntry[] }[];
}

/** The model.json and the shards it names, in manifest order (the converter hashes them). */
export function graphModelFiles(jsonPath: string): string[] {
  const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as ModelJson;
  const dir = path.dirname(jsonPath);
  return [jsonPath, ...json.weightsManifest.flatMap((g) => g.paths.map((p) => path.join(dir, p)))];
}

/** IEEE half to float: exact (every half is a float32), as tfjs's lookup tables compute it. */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

function decodeEntry(entry: ManifestEntry, bytes: Uint8Array): { value: TfConst; used: number } {
  const count = entry.shape.reduce((a, b) => a * b, 1);
  const dtype = entry.dtype;
  if (dtype !== 'float32' && dtype !== 'int32') {
    throw new Error(`weight ${entry.name}: dtype ${dtype} unsupported`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const q = entry.quantization;
  const out = dtype === 'int32' ? new Int32Array(count) : new Float32Array(count);
  let used: number;
  if (q === undefined) {
    used = count * 4;
    if (used > bytes.length) throw new Error(`weight ${entry.name}: shard data too short`);
    for (let i = 0; i < count; i++) {
      out[i] = dtype === 'int32' ? view.getInt32(i * 4, true) : view.getFloat32(i * 4, true);
    }
  } else if (q.dtype === 'float16') {
    used = count * 2;
    if (used > bytes.length) throw new Error(`weight ${entry.name}: shard data too short`);
    for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
  } else if (q.dtype === 'uint8' || q.dtype === 'uint16') {
    const width = q.dtype === 'uint8' ? 1 : 2;
    used = count * width;
    if (used > bytes.length) throw new Error(`weight ${entry.name}: shard data too short`);
    const scale = q.scale ?? 1;
    const min = q.min ?? 0;
    for (let i = 0; i < count; i++) {
      const code = width === 1 ? view.getUint8(i) : view.getUint16(i * 2, true);
      // tfjs: v * scale + min in doubles, stored as float32 (int32 rounds).
      out[i] = dtype === 'int32' ? Math.round(code * scale + min) : code * scale + min;
    }
  } else {
    throw new Error(`weight ${entry.name}: ${q.dtype} quantisation unsupported`);
  }
  return { value: { dtype, shape: entry.shape, values: out }, used };
}

function producerName(input: string): string | undefined {
  if (input.startsWith('^')) return undefined;
  const colon = input.lastIndexOf(':');
  if (colon < 0) return input;
  if (input.slice(colon + 1) !== '0') {
    throw new Error(`input ${input}: only the first output of a node is supported`);
  }
  return input.slice(0, colon);
}

export function readGraphModel(jsonPath: string): TfGraphModel {
  const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as ModelJson;
  const dir = path.dirname(jsonPath);
  const consts = new Map<string, TfConst>();
  for (const group of json.weightsManifest) {
    const data = new Uint8Array(
      Buffer.concat(group.paths.map((p) => fs.readFileSync(path.join(dir, p)))),
    );
    let offset = 0;
    for (const entry of group.weights) {
      const { value, used } = decodeEntry(entry, data.subarray(offset));
      consts.set(entry.name, value);
      offset += used;
    }
  }
  const nodes = json.modelTopology.node.map((n) => ({
    name: n.name,
    op: n.op,
    inputs: (n.input ?? []).map(producerName).filter((i): i is string => i !== undefined),
    attr: (n.attr ?? {}) as Record<string, TfAttrValue>,
  }));
  return { nodes, consts };
}

const decodeBase64 = (s: string): string => Buffer.from(s, 'base64').toString('utf8');

export function attrInts(node: TfNode, name: string): number[] | undefined {
  return node.attr[name]?.list?.i?.map(Number);
}

export function attrString(node: TfNode, name: string): string | undefined {
  const s = node.attr[name]?.s;
  return s === undefined ? undefined : decodeBase64(s);
}

export function attrStrings(node: TfNode, name: string): string[] {
  return (node.attr[name]?.list?.s ?? []).map(decodeBase64);
}

export function attrBool(node: TfNode, name: string): boolean {
  return node.attr[name]?.b === true;
}

export function attrFloat(node: TfNode, name: string): number | undefined {
  return node.attr[name]?.f;
}
