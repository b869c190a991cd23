// Spatial TensorFlow ops (convolutions, pooling, Pad) as ONNX nodes on NCHW values. Padding is
// written out explicitly as TensorFlow computes it for the static input size, so an odd SAME
// total (stride 2 on an even side) puts the extra pixel at the end exactly as TF does, with no
// reliance on a runtime's reading of auto_pad.
import type { Attribute } from './onnx-model';
import { permute } from './graph-builder';
import type { ConversionContext, TfValue } from './tfjs-graph-context';
import { attrInts, attrString, attrStrings, attrFloat, type TfNode } from './tfjs-graph-reader';

const HWIO_TO_OIHW = [3, 2, 0, 1];
/** Depthwise filters [h, w, in, multiplier] → [in, multiplier, h, w], i.e. ONNX's [out, 1, h, w]. */
const DEPTHWISE_TO_OIHW = [2, 3, 0, 1];

export interface AxisPadding {
  out: number;
  before: number;
  after: number;
}

/** TensorFlow's output size and padding along one spatial axis (tf.nn conv/pool semantics). */
export function tfAxisPadding(
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: 'SAME' | 'VALID',
): AxisPadding {
  const effective = (kernel - 1) * dilation + 1;
  if (padding === 'VALID') {
    return { out: Math.ceil((size - effective + 1) / stride), before: 0, after: 0 };
  }
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + effective - size, 0);
  const before = Math.floor(total / 2);
  return { out, before, after: total - before };
}

function imageInput(ctx: ConversionContext, node: TfNode): TfValue {
  const x = ctx.value(node, 0);
  if (!x.nchw || x.shape.length !== 4) ctx.fail(node, 'expects a rank-4 image input');
  const format = attrString(node, 'data_format');
  if (format !== undefined && format !== 'NHWC') ctx.fail(node, `data_format ${format}`);
  return x;
}

/** Strides, dilations, kernel and padding attributes plus the output's NHWC shape. */
function window(
  ctx: ConversionContext,
  node: TfNode,
  x: TfValue,
  kernel: readonly [number, number],
  channelsOut: number,
): { attributes: Attribute[]; shape: number[] } {
  const strides = attrInts(node, 'strides') ?? [1, 1, 1, 1];
  const dilations = attrInts(node, 'dilations') ?? [1, 1, 1, 1];
  if (strides[0] !== 1 || strides[3] !== 1) ctx.fail(node, 'stride on batch or channels');
  const padding = attrString(node, 'padding');
  const [n, h, w] = x.shape as [number, number, number];
  const axes = [h, w].map((size, a) => {
    const s = strides[a + 1] as number;
    const d = dilations[a + 1] ?? 1;
    if (padding === 'EXPLICIT') {
      const explicit = attrInts(node, 'explicit_paddings') ?? [];
      const before = explicit[(a + 1) * 2] ?? 0;
      const after = explicit[(a + 1) * 2 + 1] ?? 0;
      const eff = ((kernel[a] as number) - 1) * d + 1;
      return { out: Math.floor((size + before + after - eff) / s) + 1, before, after };
    }
    if (padding !== 'SAME' && padding !== 'VALID') ctx.fail(node, `padding ${padding}`);
    return tfAxisPadding(size, kernel[a] as number, s, d, padding);
  }) as [AxisPadding, AxisPadding];
  const attributes: Attribute[] = [
    { name: 'kernel_shape', ints: kernel },
    { name: 'strides', ints: [strides[1] as number, strides[2] as number] },
    { name: 'pads', ints: [axes[0].before, axes[1].before, axes[0].after, axes[1].after] },
  ];
  if (dilations.some((d) => d !== 1)) {
    attributes.push({ name: 'dilations', ints: [dilations[1] ?? 1, dilations[2] ?? 1] });
  }
  return { attributes, shape: [n, axes[0].out, axes[1].out, channelsOut] };
}

/** Activations TensorFlow fuses into a convolution or matmul, applied after the bias. */
export function fusedActivation(
  ctx: ConversionContext,
  node: TfNode,
  y: string,
  like: TfValue,
  activations: readonly string[],
  extraArg: number,
): string {
  let out = y;
  for (const op of activations) {
    if (op === 'Relu') out = ctx.g.op('Relu', [out]);
    else if (op === 'Relu6') out = ctx.g.op('Clip', [out, ctx.g.scalar(0), ctx.g.scalar(6)]);
    else if (op === 'Elu') out = ctx.g.op('Elu', [out], [{ name: 'alpha', float: 1 }]);
    else if (op === 'Sigmoid') out = ctx.g.op('Sigmoid', [out]);
    else if (op === 'LeakyRelu') {
      const alpha = attrFloat(node, 'leakyrelu_alpha') ?? 0.2;
      out = ctx.g.op('LeakyRelu', [out], [{ name: 'alpha', float: alpha }]);
    } else if (op === 'Prelu') {
      out = ctx.g.op('PRelu', [out, ctx.broadcastConst(node, extraArg, like)]);
    } else ctx.fail(node, `unsupported fused op ${op}`);
  }
  return out;
}

/** Conv2D, _FusedConv2D (BiasAdd then an activation), DepthwiseConv2dNative and its fused form. */
export function convolution(ctx: ConversionContext, node: TfNode): TfValue {
  const x = imageInput(ctx, node);
  const depthwise = node.op.includes('Depthwise');
  const filter = ctx.constant(node, 1);
  const [kh, kw, cin, cout] = filter.shape as [number, number, number, number];
  const filterData = ctx.constFloats(node, 1);
  const outChannels = depthwise ? cin * cout : cout;
  const weights = depthwise
    ? ctx.g.floats('dw', permute(filterData, filter.shape, DEPTHWISE_TO_OIHW), [
        outChannels,
        1,
        kh,
        kw,
      ])
    : ctx.g.floats(
        'w',
        permute(filterData, filter.shape, HWIO_TO_OIHW),
        HWIO_TO_OIHW.map((p) => filter.shape[p] as number),
      );
  const fused = attrStrings(node, 'fused_ops');
  const inputs = [x.name, weights];
  let activations = fused;
  if (fused[0] === 'BiasAdd') {
    const bias = ctx.constFloats(node, 2);
    inputs.push(ctx.g.floats('b', bias, [bias.length]));
    activations = fused.slice(1);
  } else if (fused.length > 0) ctx.fail(node, `fused ops ${fused.join('+')} without BiasAdd`);
  const { attributes, shape } = window(ctx, node, x, [kh, kw], outChannels);
  if (depthwise) attributes.unshift({ name: 'group', int: cin });
  const conv = ctx.g.op('Conv', inputs, attributes);
  const out = { name: conv, shape, nchw: true };
  return { ...out, name: fusedActivation(ctx, node, conv, out, activations, 3) };
}

export function pooling(ctx: ConversionContext, node: TfNode): TfValue {
  const x = imageInput(ctx, node);
  const ksize = attrInts(node, 'ksize') ?? [];
  if (ksize[0] !== 1 || ksize[3] !== 1) ctx.fail(node, 'pooling over batch or channels');
  const kernel = [ksize[1] as number, ksize[2] as number] as const;
  const { attributes, shape } = window(ctx, node, x, kernel, x.shape[3] as number);
  // TF's SAME average ignores the padded cells: ONNX's count_include_pad = 0 (the default).
  const op = node.op === 'MaxPool' ? 'MaxPool' : 'AveragePool';
  return { name: ctx.g.op(op, [x.name], attributes), shape, nchw: true };
}

/** Pad with zeros; paddings are [[before, after]] per TF axis, reordered to NCHW for images. */
export function pad(ctx: ConversionContext, node: TfNode): TfValue {
  const x = ctx.value(node, 0);
  const paddings = ctx.constInts(node, 1);
  if (paddings.length !== x.shape.length * 2) ctx.fail(node, 'paddings do not match the rank');
  const order = x.nchw ? [0, 3, 1, 2] : x.shape.map((_, i) => i);
  const before = order.map((a) => paddings[a * 2] as number);
  const after = order.map((a) => paddings[a * 2 + 1] as number);
  const shape = x.shape.map(
    (d, a) => d + (paddings[a * 2] as number) + (paddings[a * 2 + 1] as number),
  );
  const name = ctx.g.op(
    'Pad',
    [x.name, ctx.g.int64s([...before, ...after])],
    [{ name: 'mode', text: 'constant' }],
  );
  return { name, shape, nchw: x.nchw };
}
