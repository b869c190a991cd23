// Element-wise, shape and reduction TensorFlow ops as ONNX nodes. Binary ops broadcast a
// constant operand against an NCHW image by reordering the constant (tfjs-graph-context.ts);
// ops that read axes in TensorFlow's order take the value back to NHWC first.
import { fusedActivation } from './tfjs-conv-ops';
import { NCHW_TO_NHWC, type ConversionContext, type TfValue } from './tfjs-graph-context';
import { attrBool, attrStrings, type TfNode } from './tfjs-graph-reader';

const BINARY: Readonly<Record<string, string>> = {
  Add: 'Add',
  AddV2: 'Add',
  BiasAdd: 'Add',
  Sub: 'Sub',
  Mul: 'Mul',
  RealDiv: 'Div',
  Maximum: 'Max',
  Minimum: 'Min',
};

const UNARY: Readonly<Record<string, string>> = {
  Relu: 'Relu',
  Sigmoid: 'Sigmoid',
  Tanh: 'Tanh',
  Elu: 'Elu',
  Identity: 'Identity',
};

function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    return da === 1 ? db : da;
  });
}

export function binary(ctx: ConversionContext, node: TfNode): TfValue {
  const op = BINARY[node.op] as string;
  const [first, second] = node.inputs as [string, string];
  if (ctx.isConst(first) && ctx.isConst(second)) ctx.fail(node, 'two constant operands');
  if (ctx.isConst(first) || ctx.isConst(second)) {
    const varIndex = ctx.isConst(first) ? 1 : 0;
    const x = ctx.value(node, varIndex);
    const c = ctx.broadcastConst(node, 1 - varIndex, x);
    const shape = broadcastShape(x.shape, ctx.constant(node, 1 - varIndex).shape);
    if (shape.length !== x.shape.length) ctx.fail(node, 'constant raises the rank');
    const inputs = varIndex === 0 ? [x.name, c] : [c, x.name];
    return { name: ctx.g.op(op, inputs), shape, nchw: x.nchw };
  }
  const a = ctx.value(node, 0);
  const b = ctx.value(node, 1);
  if (a.nchw !== b.nchw || a.shape.length !== b.shape.length) {
    ctx.fail(node, 'operands of different layouts or ranks');
  }
  return {
    name: ctx.g.op(op, [a.name, b.name]),
    shape: broadcastShape(a.shape, b.shape),
    nchw: a.nchw,
  };
}

export function unary(ctx: ConversionContext, node: TfNode): TfValue {
  const x = ctx.value(node, 0);
  if (node.op === 'Identity') return x;
  const attributes = node.op === 'Elu' ? [{ name: 'alpha', float: 1 }] : [];
  return { ...x, name: ctx.g.op(UNARY[node.op] as string, [x.name], attributes) };
}

export function relu6(ctx: ConversionContext, node: TfNode): TfValue {
  const x = ctx.value(node, 0);
  return { ...x, name: ctx.g.op('Clip', [x.name, ctx.g.scalar(0), ctx.g.scalar(6)]) };
}

export function prelu(ctx: ConversionContext, node: TfNode): TfValue {
  const x = ctx.value(node, 0);
  return { ...x, name: ctx.g.op('PRelu', [x.name, ctx.broadcastConst(node, 1, x)]) };
}

/** Reshape reads elements in TensorFlow's order, so an NCHW image goes back to NHWC first. */
export function reshape(ctx: ConversionContext, node: TfNode): TfValue {
  const x = ctx.value(node, 0);
  const target = ctx.constInts(node, 1);
  const total = x.shape.reduce((p, d) => p * d, 1);
  const known = target.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
  const shape = target.map((d) => (d === -1 ? total / known : d));
  const name = ctx.g.op('Reshape', [ctx.inTfOrder(x), ctx.g.int64s(target)]);
  return { name, shape, nchw: false };
}

/** Mean over axes; the common global pool (axes 1, 2 of an image) stays on NCHW. */
export function mean(ctx: ConversionContext, node: TfNode): TfValue {
  const x = ctx.value(node, 0);
  const rank = x.shape.length;
  const axes = ctx.constInts(node, 1).map((a) => (a < 0 ? a + rank : a));
  const keep = attrBool(node, 'keep_dims');
  const shape = keep
    ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : x.shape.filter((_, i) => !axes.includes(i));
  const spatial = [...axes].sort((p, q) => p - q).join() === '1,2';
  const attributes = (onnxAxes: number[]) => [
    { name: 'axes', ints: onnxAxes },
    { name: 'keepdims', int: keep ? 1 : 0 },
  ];
  if (x.nchw && (keep || spatial)) {
    const onnxAxes = axes.map((a) => NCHW_TO_NHWC[a] as number).sort((p, q) => p - q);
    return { name: ctx.g.op('ReduceMean', [x.name], attributes(onnxAxes)), shape, nchw: keep };
  }
  return { name: ctx.g.op('ReduceMean', [ctx.inTfOrder(x)], attributes(axes)), shape, nchw: false };
}

/** MatMul and _FusedMatMul (BiasAdd then an activation) on rank-2 values, as one Gemm. */
export function matMul(ctx: ConversionContext, node: TfNode): TfValue {
  const a = ctx.value(node, 0);
  if (a.shape.length !== 2 || a.nchw) ctx.fail(node, 'expects a rank-2 left operand');
  const transA = attrBool(node, 'transpose_a');
  const transB = attrBool(node, 'transpose_b');
  const b = ctx.constant(node, 1);
  const inputs = [a.name, ctx.g.floats('matrix', ctx.constFloats(node, 1), b.shape)];
  const fused = attrStrings(node, 'fused_ops');
  let activations = fused;
  if (fused[0] === 'BiasAdd') {
    const bias = ctx.constFloats(node, 2);
    inputs.push(ctx.g.floats('bias', bias, [bias.length]));
    activations = fused.slice(1);
  } else if (fused.length > 0) ctx.fail(node, `fused ops ${fused.join('+')} without BiasAdd`);
  const gemm = ctx.g.op('Gemm', inputs, [
    { name: 'transA', int: transA ? 1 : 0 },
    { name: 'transB', int: transB ? 1 : 0 },
  ]);
  const rows = a.shape[transA ? 1 : 0] as number;
  const cols = b.shape[transB ? 0 : 1] as number;
  const out = { name: gemm, shape: [rows, cols], nchw: false };
  return { ...out, name: fusedActivation(ctx, node, gemm, out, activations, 3) };
}

export function softmax(ctx: ConversionContext, node: TfNode): TfValue {
  const x = ctx.value(node, 0);
  return { name: ctx.g.op('Softmax', [ctx.inTfOrder(x)]), shape: x.shape, nchw: false };
}
