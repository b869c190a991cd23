// What the op mappers share while a TensorFlow.js graph becomes ONNX: the ONNX value each tfjs
// node produced, its static shape (in TensorFlow's NHWC order) and whether it is held as NCHW.
// Four-dimensional activations are NCHW inside the ONNX graph (ONNX's Conv/Pool layout, set once
// at the input); anything that reads them in TensorFlow's order (Reshape, a graph output) gets a
// Transpose back first, and constants that broadcast against them are reordered when written.
import { permute, type GraphBuilder } from './graph-builder';
import type { TfConst, TfNode } from './tfjs-graph-reader';

export interface TfValue {
  /** The ONNX value name. */
  name: string;
  /** Static shape in TensorFlow's axis order (NHWC for images). */
  shape: readonly number[];
  /** True when the ONNX value holds this rank-4 tensor as NCHW. */
  nchw: boolean;
}

export const NHWC_TO_NCHW = [0, 3, 1, 2] as const;
export const NCHW_TO_NHWC = [0, 2, 3, 1] as const;

export class ConversionContext {
  private readonly values = new Map<string, TfValue>();

  constructor(
    readonly g: GraphBuilder,
    private readonly consts: ReadonlyMap<string, TfConst>,
    readonly model: string,
  ) {}

  fail(node: TfNode, why: string): never {
    throw new Error(`${this.model}: ${node.op} node ${node.name}: ${why}`);
  }

  isConst(tfName: string): boolean {
    return this.consts.has(tfName) && !this.values.has(tfName);
  }

  constant(node: TfNode, index: number): TfConst {
    const name = node.inputs[index];
    const c = name === undefined ? undefined : this.consts.get(name);
    if (c === undefined) this.fail(node, `input ${index} must be a constant`);
    return c;
  }

  /** The constant's values as float32 (int32 constants are converted). */
  constFloats(node: TfNode, index: number): Float32Array {
    const c = this.constant(node, index);
    return c.values instanceof Float32Array ? c.values : Float32Array.from(c.values);
  }

  constInts(node: TfNode, index: number): number[] {
    return Array.from(this.constant(node, index).values);
  }

  value(node: TfNode, index: number): TfValue {
    const name = node.inputs[index];
    const v = name === undefined ? undefined : this.values.get(name);
    if (v === undefined) this.fail(node, `input ${index} (${name ?? 'missing'}) is not computed`);
    return v;
  }

  set(tfName: string, value: TfValue): void {
    this.values.set(tfName, value);
  }

  /** The value a node produced, if it was converted. */
  get(tfName: string): TfValue | undefined {
    return this.values.get(tfName);
  }

  /** The value in TensorFlow's axis order (a Transpose when it is held as NCHW). */
  inTfOrder(v: TfValue): string {
    return v.nchw
      ? this.g.op('Transpose', [v.name], [{ name: 'perm', ints: NCHW_TO_NHWC }])
      : v.name;
  }

  /**
   * A constant operand laid out to broadcast against `like` as it did in TensorFlow: against an
   * NCHW activation it is raised to rank 4 (NumPy broadcasting aligns trailing axes) and reordered
   * to NCHW; a scalar stays a scalar.
   */
  broadcastConst(node: TfNode, index: number, like: TfValue): string {
    const c = this.constant(node, index);
    const values = c.values instanceof Float32Array ? c.values : Float32Array.from(c.values);
    if (!like.nchw || c.shape.length === 0) return this.g.floats('const', values, c.shape);
    if (c.shape.length > 4) this.fail(node, `constant of rank ${c.shape.length} on an image`);
    const dims = [...Array<number>(4 - c.shape.length).fill(1), ...c.shape];
    const data = permute(values, dims, NHWC_TO_NCHW);
    return this.g.floats(
      'const',
      data,
      NHWC_TO_NCHW.map((p) => dims[p] as number),
    );
  }
}
