// TensorFlow.js ops as ONNX nodes. Inside the graphs tensors are NCHW (ONNX's Conv layout);
// face-api's filters are HWIO and are reordered when written. TensorFlow's 'same' padding puts
// the odd pixel at the end, which is ONNX's SAME_UPPER.
import type { Weight } from './face-api-weights';
import type { GraphBuilder } from './graph-builder';

export type Padding = 'same' | 'valid' | { explicit: number };

const HWIO_TO_OIHW = [3, 2, 0, 1];
/** Depthwise filters are [h, w, channels, 1]; ONNX wants [channels, 1, h, w] with group = channels. */
const DEPTHWISE_TO_ONNX = [2, 3, 0, 1];

function padAttributes(pad: Padding) {
  if (pad === 'same') return [{ name: 'auto_pad', text: 'SAME_UPPER' }];
  const p = pad === 'valid' ? 0 : pad.explicit;
  return [{ name: 'pads', ints: [p, p, p, p] }];
}

export function conv2d(
  g: GraphBuilder,
  x: string,
  label: string,
  filters: Weight,
  bias: Weight | undefined,
  stride: number,
  pad: Padding,
): string {
  const [kh, kw] = filters.shape as [number, number];
  const inputs = [x, g.weight(`${label}_w`, filters, HWIO_TO_OIHW)];
  if (bias !== undefined) inputs.push(g.weight(`${label}_b`, bias));
  return g.op('Conv', inputs, [
    { name: 'kernel_shape', ints: [kh, kw] },
    { name: 'strides', ints: [stride, stride] },
    ...padAttributes(pad),
  ]);
}

export function depthwiseConv2d(
  g: GraphBuilder,
  x: string,
  label: string,
  filters: Weight,
  stride: number,
  pad: Padding,
): string {
  const [kh, kw, channels] = filters.shape as [number, number, number];
  return g.op(
    'Conv',
    [x, g.weight(`${label}_dw`, filters, DEPTHWISE_TO_ONNX)],
    [
      { name: 'group', int: channels },
      { name: 'kernel_shape', ints: [kh, kw] },
      { name: 'strides', ints: [stride, stride] },
      ...padAttributes(pad),
    ],
  );
}

/** tf.separableConv2d (depthwise, then a 1x1 pointwise convolution) plus its bias. */
export function separableConv2d(
  g: GraphBuilder,
  x: string,
  label: string,
  w: { depthwise: Weight; pointwise: Weight; bias: Weight },
  stride: number,
  pad: Padding,
): string {
  const depthwise = depthwiseConv2d(g, x, label, w.depthwise, stride, pad);
  return conv2d(g, depthwise, `${label}_pw`, w.pointwise, w.bias, 1, 'valid');
}

export function pool(
  g: GraphBuilder,
  kind: 'MaxPool' | 'AveragePool',
  x: string,
  kernel: number,
  stride: number,
  pad: 'same' | 'valid',
): string {
  return g.op(
    kind,
    [x],
    [
      { name: 'kernel_shape', ints: [kernel, kernel] },
      { name: 'strides', ints: [stride, stride] },
      ...padAttributes(pad),
    ],
  );
}

export const relu = (g: GraphBuilder, x: string): string => g.op('Relu', [x]);
export const add = (g: GraphBuilder, a: string, b: string): string => g.op('Add', [a, b]);
export const mul = (g: GraphBuilder, a: string, b: string): string => g.op('Mul', [a, b]);

/** A per-channel vector shaped [C, 1, 1] so that it broadcasts over NCHW. */
export function channelVector(g: GraphBuilder, label: string, w: Weight): string {
  return g.op('Reshape', [g.weight(label, w), g.int64s([-1, 1, 1])]);
}

export function clip(g: GraphBuilder, x: string, min: number, max: number): string {
  return g.op('Clip', [x, g.scalar(min), g.scalar(max)]);
}

export function reduceMean(
  g: GraphBuilder,
  x: string,
  axes: readonly number[],
  keep: boolean,
): string {
  return g.op(
    'ReduceMean',
    [x],
    [
      { name: 'axes', ints: axes },
      { name: 'keepdims', int: keep ? 1 : 0 },
    ],
  );
}

export function transpose(g: GraphBuilder, x: string, perm: readonly number[]): string {
  return g.op('Transpose', [x], [{ name: 'perm', ints: perm }]);
}

/** Zero padding at the end of each axis, [N, C, H, W] order. */
export function padEnd(
  g: GraphBuilder,
  x: string,
  extra: readonly [number, number, number, number],
): string {
  return g.op('Pad', [x, g.int64s([0, 0, 0, 0, ...extra])]);
}

/** face-api's normalisation of an NHWC image: subtract a per-channel mean, then divide. */
export function normalizeNhwcToNchw(
  g: GraphBuilder,
  image: string,
  meanRgb: readonly [number, number, number],
  divisor: number,
): string {
  const centred = g.op('Sub', [image, g.floats('mean_rgb', Float32Array.from(meanRgb), [3])]);
  const scaled = g.op('Div', [centred, g.scalar(divisor)]);
  return transpose(g, scaled, [0, 3, 1, 2]);
}
