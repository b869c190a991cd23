// The converter's hand-written protobuf/ONNX encoder: wire bytes as the protobuf spec gives them,
// and a tiny model, written by the encoder and the graph builder, that ONNX Runtime loads and runs
// to known outputs (every attribute kind and a reordered weight included).
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, permute } from '../../../../scripts/models/onnx/graph-builder';
import { encodeModel } from '../../../../scripts/models/onnx/onnx-model';
import { ProtoWriter } from '../../../../scripts/models/onnx/protobuf-writer';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('ProtoWriter', () => {
  it('encodes the spec’s examples', () => {
    // https://protobuf.dev/programming-guides/encoding/: field 1 = 150 is 08 96 01.
    expect(hex(new ProtoWriter().varint(1, 150).finish())).toBe('089601');
    // Field 2 = "testing" is 12 07 74 65 73 74 69 6e 67.
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
  });

  it('writes negative int64 as ten-byte two’s complement, floats as little-endian fixed32', () => {
    expect(hex(new ProtoWriter().varint(1, -1).finish())).toBe('08ffffffffffffffffff01');
    expect(hex(new ProtoWriter().float(2, 1).finish())).toBe('150000803f');
  });

  it('nests messages with their length, and refuses non-integers', () => {
    const bytes = new ProtoWriter().message(3, (w) => w.varint(1, 150)).finish();
    expect(hex(bytes)).toBe('1a03089601');
    expect(() => new ProtoWriter().varint(1, 1.5)).toThrow(RangeError);
  });
});

describe('permute', () => {
  it('reorders HWIO to OIHW', () => {
    // A [1, 2, 2, 1] tensor (h=1, w=2, in=2, out=1) -> [1, 2, 1, 2].
    const data = Float32Array.from([1, 2, 3, 4]);
    expect(Array.from(permute(data, [1, 2, 2, 1], [3, 2, 0, 1]))).toEqual([1, 3, 2, 4]);
  });
});

/** y = Pad(Transpose(LeakyRelu(x · W + b, 0.5))); W is stored HWIO-style and reordered. */
function tinyModel(): Uint8Array {
  const g = new GraphBuilder('tiny');
  const x = g.input('image', 'float', ['batch', 2]);
  // Written as its transpose [3, 2] and permuted back, as filters are.
  const weight = { shape: [3, 2], values: Float32Array.from([0, 2, 1, 0, -1, -0.5]) };
  const w = g.weight('w', weight, [1, 0]);
  const b = g.floats('b', Float32Array.from([0, -10, 1]), [3]);
  const z = g.op('Add', [g.op('MatMul', [x, w]), b]);
  const leaky = g.op('LeakyRelu', [z], [{ name: 'alpha', float: 0.5 }]);
  const t = g.op('Transpose', [leaky], [{ name: 'perm', ints: [1, 0] }]);
  const padded = g.op('Pad', [t, g.int64s([0, 0, 0, 1])], [{ name: 'mode', text: 'constant' }]);
  g.output(padded, 'y', [3, 'batch_plus_one']);
  return encodeModel({ graph: g.build(), opset: 17, docString: 'unit test' });
}

describe('encodeModel', () => {
  it('gives a model ONNX Runtime loads and runs to the expected numbers', async () => {
    const session = await ort.InferenceSession.create(tinyModel());
    expect(session.inputNames).toEqual(['image']);
    expect(session.outputNames).toEqual(['y']);
    const x = new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4]), [2, 2]);
    const { y } = await session.run({ image: x });
    // W = [[0, 1, -1], [2, 0, -0.5]]; x·W + b = [[4, -9, -1], [8, -7, -4]];
    // leaky(0.5) = [[4, -4.5, -0.5], [8, -3.5, -2]]; transposed and padded with a zero column.
    expect(y!.dims).toEqual([3, 3]);
    expect(Array.from(y!.data as Float32Array)).toEqual([4, 8, 0, -4.5, -3.5, 0, -0.5, -2, 0]);
    await session.release();
  });

  it('is byte-for-byte reproducible', () => {
    expect(hex(tinyModel())).toBe(hex(tinyModel()));
  });
});
