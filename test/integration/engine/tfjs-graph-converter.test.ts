// The TensorFlow.js graph-model converter (scripts/models/onnx/tfjs-*.ts) on graphs built for the
// hard cases: stride-2 SAME convolution and pooling on odd and even sides (TensorFlow's
// asymmetric padding, extra pixel at the end), a depthwise multiplier, channel Pad, constants
// broadcast against NCHW values, Prelu, Reshape of an image (TensorFlow's element order), Mean,
// a fused MatMul and Softmax. Each graph runs on tfjs (CPU backend) and on ONNX Runtime (CPU);
// every output must agree. Graphs with an op the converter lacks are refused with its name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeModel } from '../../../scripts/models/onnx/onnx-model';
import { tfAxisPadding } from '../../../scripts/models/onnx/tfjs-conv-ops';
import { convertTfjsGraph } from '../../../scripts/models/onnx/tfjs-graph-convert';
import { readGraphModel } from '../../../scripts/models/onnx/tfjs-graph-reader';
import { ints, seeded, text, texts, writeGraphModel } from '../../support/tfjs-graph-fixture';
import { maxAbsDiff } from '../../support/graph-model-photos';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tfjs-graph-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const SAME = { padding: text('SAME'), data_format: text('NHWC'), dilations: ints(1, 1, 1, 1) };
const stride2 = { ...SAME, strides: ints(1, 2, 2, 1) };
const INPUT = { name: 'x', shape: [1, 9, 10, 3] };
const OUTPUTS = ['softmax', 'mean', 'flat', 'prelu'];

function hardCases(dir: string): string {
  return writeGraphModel(
    dir,
    INPUT,
    [
      { name: 'w1', shape: [3, 3, 3, 4] },
      { name: 'b1', shape: [4] },
      { name: 'dw', shape: [4, 4, 4, 2] },
      { name: 'pads', shape: [4, 2], dtype: 'int32', values: [0, 0, 0, 0, 0, 0, 0, 4] },
      { name: 'bias8', shape: [8] },
      { name: 'alpha', shape: [1, 1, 8] },
      { name: 'half', shape: [], values: [0.5] },
      { name: 'minus', shape: [], values: [-0.75] },
      { name: 'flat_shape', shape: [2], dtype: 'int32', values: [1, -1] },
      { name: 'mm_w', shape: [72, 5] },
      { name: 'mm_b', shape: [5] },
      { name: 'axes', shape: [2], dtype: 'int32', values: [1, 2] },
    ],
    [
      {
        name: 'conv',
        op: '_FusedConv2D',
        inputs: ['x', 'w1', 'b1'],
        attr: { ...stride2, fused_ops: texts('BiasAdd', 'Relu'), num_args: { i: '1' } },
      },
      { name: 'depthwise', op: 'DepthwiseConv2dNative', inputs: ['conv', 'dw'], attr: stride2 },
      {
        name: 'pool',
        op: 'MaxPool',
        inputs: ['conv'],
        attr: { ...stride2, ksize: ints(1, 2, 2, 1) },
      },
      { name: 'padded', op: 'Pad', inputs: ['pool', 'pads'] },
      { name: 'sum', op: 'AddV2', inputs: ['depthwise', 'padded'] },
      { name: 'biased', op: 'AddV2', inputs: ['bias8', 'sum'] },
      { name: 'prelu', op: 'Prelu', inputs: ['biased', 'alpha'] },
      { name: 'scaled', op: 'Mul', inputs: ['prelu', 'half'] },
      { name: 'low', op: 'Minimum', inputs: ['scaled', 'half'] },
      { name: 'clipped', op: 'Maximum', inputs: ['low', 'minus'] },
      { name: 'flat', op: 'Reshape', inputs: ['clipped', 'flat_shape'] },
      {
        name: 'dense',
        op: '_FusedMatMul',
        inputs: ['flat', 'mm_w', 'mm_b'],
        attr: {
          fused_ops: texts('BiasAdd', 'Relu'),
          num_args: { i: '1' },
          transpose_a: { b: false },
          transpose_b: { b: false },
        },
      },
      { name: 'softmax', op: 'Softmax', inputs: ['dense'] },
      { name: 'mean', op: 'Mean', inputs: ['prelu', 'axes'], attr: { keep_dims: { b: false } } },
    ],
  );
}

async function runTfjs(jsonPath: string, input: Float32Array): Promise<Float32Array[]> {
  await tf.setBackend('cpu');
  const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: new Uint8Array(fs.readFileSync(path.join(path.dirname(jsonPath), 'weights.bin')))
        .buffer,
    }),
  );
  const x = tf.tensor4d(input, INPUT.shape as [number, number, number, number]);
  const out = model.execute(x, OUTPUTS) as tf.Tensor[];
  const data = await Promise.all(out.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose([x, ...out]);
  return data;
}

async function runOnnx(jsonPath: string, input: Float32Array): Promise<Float32Array[]> {
  const graph = convertTfjsGraph(readGraphModel(jsonPath), {
    name: 'hard_cases',
    input: { tfName: 'x', shape: INPUT.shape as [number, number, number, number] },
    outputs: OUTPUTS.map((o) => ({ tfName: o, onnxName: o })),
  });
  const bytes = encodeModel({ graph, opset: 17, docString: 'test' });
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'] });
  const result = await session.run({ image: new ort.Tensor('float32', input, INPUT.shape) });
  return OUTPUTS.map((o) => result[o]!.data as Float32Array);
}

describe('TensorFlow.js graph-model converter', () => {
  it('pads SAME as TensorFlow: total from the output size, the odd pixel at the end', () => {
    expect(tfAxisPadding(10, 3, 2, 1, 'SAME')).toEqual({ out: 5, before: 0, after: 1 });
    expect(tfAxisPadding(9, 3, 2, 1, 'SAME')).toEqual({ out: 5, before: 1, after: 1 });
    expect(tfAxisPadding(256, 5, 2, 1, 'SAME')).toEqual({ out: 128, before: 1, after: 2 });
    expect(tfAxisPadding(5, 2, 2, 1, 'SAME')).toEqual({ out: 3, before: 0, after: 1 });
    expect(tfAxisPadding(9, 3, 2, 1, 'VALID')).toEqual({ out: 4, before: 0, after: 0 });
  });

  it('gives tfjs outputs on a graph of the hard cases (odd sides, stride 2, Pad, Reshape)', async () => {
    const jsonPath = hardCases(path.join(scratch, 'hard'));
    const random = seeded(7);
    const input = Float32Array.from({ length: 9 * 10 * 3 }, () => random() * 2);
    const [reference, converted] = [await runTfjs(jsonPath, input), await runOnnx(jsonPath, input)];
    OUTPUTS.forEach((name, i) => {
      expect(converted[i], name).toHaveLength(reference[i]!.length);
      expect(maxAbsDiff(reference[i]!, converted[i]!), name).toBeLessThanOrEqual(1e-5);
    });
    // The graph really mixed values: not all clipped or zero.
    expect(new Set(Array.from(reference[2]!).map((v) => v.toFixed(3))).size).toBeGreaterThan(20);
  });

  it('names every unsupported op and its node instead of writing a wrong model', () => {
    const jsonPath = writeGraphModel(
      path.join(scratch, 'unsupported'),
      INPUT,
      [{ name: 'axis', shape: [], dtype: 'int32', values: [1] }],
      [
        { name: 'odd/cumsum', op: 'Cumsum', inputs: ['x', 'axis'] },
        { name: 'odd/erf', op: 'Erf', inputs: ['odd/cumsum'] },
      ],
    );
    const spec = {
      name: 'odd',
      input: { tfName: 'x', shape: [1, 9, 10, 3] as [number, number, number, number] },
      outputs: [{ tfName: 'odd/erf', onnxName: 'y' }],
    };
    expect(() => convertTfjsGraph(readGraphModel(jsonPath), spec)).toThrow(
      'odd: unsupported TensorFlow.js op(s): Cumsum (node odd/cumsum), Erf (node odd/erf)',
    );
  });

  it('refuses a truncated weight shard instead of reading garbage', () => {
    const jsonPath = hardCases(path.join(scratch, 'truncated'));
    const bin = path.join(path.dirname(jsonPath), 'weights.bin');
    fs.truncateSync(bin, fs.statSync(bin).size - 8);
    expect(() => readGraphModel(jsonPath)).toThrow(/weight axes: shard data too short/);
  });

  it('refuses a fused activation it does not know, naming it', () => {
    const jsonPath = writeGraphModel(
      path.join(scratch, 'fused'),
      INPUT,
      [
        { name: 'w', shape: [1, 1, 3, 2] },
        { name: 'b', shape: [2] },
      ],
      [
        {
          name: 'conv',
          op: '_FusedConv2D',
          inputs: ['x', 'w', 'b'],
          attr: { ...SAME, strides: ints(1, 1, 1, 1), fused_ops: texts('BiasAdd', 'Gelu') },
        },
      ],
    );
    const spec = {
      name: 'fused',
      input: { tfName: 'x', shape: [1, 9, 10, 3] as [number, number, number, number] },
      outputs: [{ tfName: 'conv', onnxName: 'y' }],
    };
    expect(() => convertTfjsGraph(readGraphModel(jsonPath), spec)).toThrow(
      /_FusedConv2D node conv: unsupported fused op Gelu/,
    );
  });
});
