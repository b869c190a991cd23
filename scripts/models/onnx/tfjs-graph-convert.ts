// A TensorFlow.js graph model as an ONNX graph: the nodes the requested outputs depend on, in a
// fixed topological order (the model.json order among ready nodes), each turned into ONNX by its
// op's mapper. The image input is NHWC as in tfjs and becomes NCHW once, right after the input
// (and after an optional affine normalisation the tfjs caller would otherwise do). Every op the
// graph needs is checked first, so an unsupported one is named in one clear error.
import { GraphBuilder } from './graph-builder';
import type { OnnxGraph } from './onnx-model';
import { convolution, pad, pooling } from './tfjs-conv-ops';
import { ConversionContext, NHWC_TO_NCHW, type TfValue } from './tfjs-graph-context';
import type { TfGraphModel, TfNode } from './tfjs-graph-reader';
import { binary, matMul, mean, prelu, relu6, reshape, softmax, unary } from './tfjs-tensor-ops';

type Mapper = (ctx: ConversionContext, node: TfNode) => TfValue;

const MAPPERS: Readonly<Record<string, Mapper>> = {
  Conv2D: convolution,
  _FusedConv2D: convolution,
  DepthwiseConv2dNative: convolution,
  FusedDepthwiseConv2dNative: convolution,
  MaxPool: pooling,
  AvgPool: pooling,
  Pad: pad,
  Add: binary,
  AddV2: binary,
  BiasAdd: binary,
  Sub: binary,
  Mul: binary,
  RealDiv: binary,
  Maximum: binary,
  Minimum: binary,
  Relu: unary,
  Sigmoid: unary,
  Tanh: unary,
  Elu: unary,
  Identity: unary,
  Relu6: relu6,
  Prelu: prelu,
  Reshape: reshape,
  Mean: mean,
  MatMul: matMul,
  _FusedMatMul: matMul,
  Softmax: softmax,
};

export const SUPPORTED_TFJS_OPS: readonly string[] = Object.keys(MAPPERS).sort();

export interface GraphConversionSpec {
  /** The ONNX graph's name. */
  name: string;
  /** The tfjs Placeholder to feed, and its static NHWC shape. */
  input: { tfName: string; shape: readonly [number, number, number, number] };
  /** Done in the graph before the network: (x / divide) - subtract, as the tfjs caller does. */
  normalize?: { divide: number; subtract: number };
  /** tfjs node → ONNX output name, in the order the outputs are declared. */
  outputs: readonly { tfName: string; onnxName: string }[];
}

/** The non-constant nodes the outputs depend on, in a deterministic topological order. */
function orderedNodes(model: TfGraphModel, spec: GraphConversionSpec): TfNode[] {
  const byName = new Map(model.nodes.map((n) => [n.name, n]));
  const needed = new Set<string>();
  const stack = spec.outputs.map((o) => o.tfName);
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (needed.has(name) || model.consts.has(name)) continue;
    const node = byName.get(name);
    if (node === undefined) throw new Error(`${spec.name}: no node ${name} in the graph`);
    if (node.op === 'Const') continue;
    needed.add(name);
    stack.push(...node.inputs);
  }
  const unsupported = new Map<string, string>();
  for (const node of model.nodes) {
    if (!needed.has(node.name) || node.op === 'Placeholder') continue;
    if (MAPPERS[node.op] === undefined && !unsupported.has(node.op)) {
      unsupported.set(node.op, node.name);
    }
  }
  if (unsupported.size > 0) {
    const list = [...unsupported].map(([op, name]) => `${op} (node ${name})`).join(', ');
    throw new Error(`${spec.name}: unsupported TensorFlow.js op(s): ${list}`);
  }
  const done = new Set<string>();
  const order: TfNode[] = [];
  const ready = (n: TfNode) => n.inputs.every((i) => done.has(i) || model.consts.has(i));
  let pending = model.nodes.filter((n) => needed.has(n.name));
  while (pending.length > 0) {
    const next = pending.filter(ready);
    if (next.length === 0) throw new Error(`${spec.name}: the graph has a cycle`);
    // One node per pass keeps the model.json order wherever the dependencies allow it.
    const first = next[0] as TfNode;
    order.push(first);
    done.add(first.name);
    pending = pending.filter((n) => n !== first);
  }
  return order;
}

export function convertTfjsGraph(model: TfGraphModel, spec: GraphConversionSpec): OnnxGraph {
  const nodes = orderedNodes(model, spec);
  const g = new GraphBuilder(spec.name);
  const ctx = new ConversionContext(g, model.consts, spec.name);
  let x = g.input('image', 'float', spec.input.shape);
  if (spec.normalize !== undefined) {
    x = g.op('Div', [x, g.scalar(spec.normalize.divide)]);
    // x - 0 is x: no node for it, so a [0, 1] scaling is a single Div as in tfjs.
    if (spec.normalize.subtract !== 0) x = g.op('Sub', [x, g.scalar(spec.normalize.subtract)]);
  }
  x = g.op('Transpose', [x], [{ name: 'perm', ints: NHWC_TO_NCHW }]);
  for (const node of nodes) {
    if (node.op === 'Placeholder') {
      if (node.name !== spec.input.tfName) ctx.fail(node, 'a second input is not supported');
      ctx.set(node.name, { name: x, shape: spec.input.shape, nchw: true });
      continue;
    }
    ctx.set(node.name, (MAPPERS[node.op] as Mapper)(ctx, node));
  }
  for (const { tfName, onnxName } of spec.outputs) {
    const value = ctx.get(tfName);
    if (value === undefined) throw new Error(`${spec.name}: output ${tfName} was not computed`);
    g.output(ctx.inTfOrder(value), onnxName, value.shape);
  }
  return g.build();
}
