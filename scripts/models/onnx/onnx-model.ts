// The ONNX messages the converter writes (ModelProto and what it contains), encoded with the
// hand-written protobuf writer. Field numbers follow onnx/onnx.proto (IR version 8, the one that
// goes with opset 17): https://github.com/onnx/onnx/blob/main/onnx/onnx.proto
import { ProtoWriter } from './protobuf-writer';

/** TensorProto.DataType values used here. */
export const ElemType = { float: 1, int64: 7 } as const;
export type ElemTypeName = keyof typeof ElemType;

export interface TensorData {
  name: string;
  type: ElemTypeName;
  dims: readonly number[];
  /** Little-endian element bytes (TensorProto.raw_data). */
  raw: Uint8Array;
}

export type Attribute =
  | { name: string; int: number }
  | { name: string; ints: readonly number[] }
  | { name: string; float: number }
  | { name: string; text: string };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes: readonly Attribute[];
}

/** A graph input or output: element type and shape; a string dimension is symbolic. */
export interface ValueInfo {
  name: string;
  type: ElemTypeName;
  shape: readonly (number | string)[];
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly TensorData[];
  inputs: readonly ValueInfo[];
  outputs: readonly ValueInfo[];
}

export interface OnnxModelSpec {
  graph: OnnxGraph;
  opset: number;
  /** What the model was made from, kept in doc_string (no dates: output must be reproducible). */
  docString: string;
}

export const IR_VERSION = 8;
export const PRODUCER = 'faceauth-station models:onnx';

// AttributeProto.AttributeType
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_INTS = 7;

function writeTensor(w: ProtoWriter, t: TensorData): void {
  for (const d of t.dims) w.varint(1, d);
  w.varint(2, ElemType[t.type]);
  w.string(8, t.name);
  w.bytes(9, t.raw);
}

function writeAttribute(w: ProtoWriter, a: Attribute): void {
  w.string(1, a.name);
  if ('int' in a) w.varint(3, a.int).varint(20, ATTR_INT);
  else if ('float' in a) w.float(2, a.float).varint(20, ATTR_FLOAT);
  else if ('text' in a) w.string(4, a.text).varint(20, ATTR_STRING);
  else {
    for (const v of a.ints) w.varint(8, v);
    w.varint(20, ATTR_INTS);
  }
}

function writeNode(w: ProtoWriter, n: OnnxNode): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name);
  w.string(4, n.opType);
  for (const a of n.attributes) w.message(5, (aw) => writeAttribute(aw, a));
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensorType) => {
      tensorType.varint(1, ElemType[v.type]);
      tensorType.message(2, (shape) => {
        for (const d of v.shape) {
          shape.message(1, (dim) => (typeof d === 'number' ? dim.varint(1, d) : dim.string(2, d)));
        }
      });
    }),
  );
}

function writeGraph(w: ProtoWriter, g: OnnxGraph): void {
  for (const n of g.nodes) w.message(1, (nw) => writeNode(nw, n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, (tw) => writeTensor(tw, t));
  for (const i of g.inputs) w.message(11, (vw) => writeValueInfo(vw, i));
  for (const o of g.outputs) w.message(12, (vw) => writeValueInfo(vw, o));
}

/** Serialises a model to the bytes of an .onnx file. */
export function encodeModel(spec: OnnxModelSpec): Uint8Array {
  const w = new ProtoWriter();
  w.varint(1, IR_VERSION);
  w.string(2, PRODUCER);
  w.string(3, '1');
  w.string(6, spec.docString);
  w.message(7, (gw) => writeGraph(gw, spec.graph));
  w.message(8, (ow) => ow.string(1, '').varint(2, spec.opset));
  return w.finish();
}
