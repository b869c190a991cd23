// Builds an ONNX graph node by node. Names are generated from a counter in call order, so the
// same sequence of calls always gives the same graph (and the same bytes).
import type { Weight } from './face-api-weights';
import type {
  Attribute,
  ElemTypeName,
  OnnxGraph,
  OnnxNode,
  TensorData,
  ValueInfo,
} from './onnx-model';

function bytesOf(array: Float32Array | BigInt64Array): Uint8Array {
  // Typed arrays are little-endian on every platform Node runs on; TensorProto.raw_data is too.
  return new Uint8Array(array.buffer.slice(array.byteOffset, array.byteOffset + array.byteLength));
}

/** Reorders a row-major tensor's elements: output axis i is input axis perm[i]. */
export function permute<T extends Float32Array | Uint8Array>(
  data: T,
  dims: readonly number[],
  perm: readonly number[],
): T {
  if (dims.length > 4 || perm.length !== dims.length) {
    throw new Error(`permute: unsupported rank ${dims.length} / perm ${perm.join(',')}`);
  }
  // Padded to rank 4 with leading unit axes, so that one set of nested loops serves every rank.
  const lead = 4 - dims.length;
  const inDims = [...Array<number>(lead).fill(1), ...dims];
  const fullPerm = [...Array.from({ length: lead }, (_, i) => i), ...perm.map((p) => p + lead)];
  const inStrides = inDims.map((_, i) => inDims.slice(i + 1).reduce((a, b) => a * b, 1));
  const [n0, n1, n2, n3] = fullPerm.map((p) => inDims[p] as number) as [
    number,
    number,
    number,
    number,
  ];
  const [s0, s1, s2, s3] = fullPerm.map((p) => inStrides[p] as number) as [
    number,
    number,
    number,
    number,
  ];
  const out = new (data.constructor as new (n: number) => T)(data.length);
  let o = 0;
  for (let a = 0; a < n0; a++) {
    for (let b = 0; b < n1; b++) {
      for (let c = 0; c < n2; c++) {
        const base = a * s0 + b * s1 + c * s2;
        for (let d = 0; d < n3; d++) out[o++] = data[base + d * s3] as number;
      }
    }
  }
  return out;
}

export class GraphBuilder {
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers: TensorData[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private counter = 0;

  constructor(private readonly name: string) {}

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  input(name: string, type: ElemTypeName, shape: readonly (number | string)[]): string {
    this.inputs.push({ name, type, shape });
    return name;
  }

  /** Exposes `value` as a graph output called `name`. */
  output(value: string, name: string, shape: readonly (number | string)[]): void {
    this.op('Identity', [value], [], name);
    this.outputs.push({ name, type: 'float', shape });
  }

  op(
    opType: string,
    inputs: readonly string[],
    attributes: readonly Attribute[] = [],
    out?: string,
  ): string {
    const output = out ?? this.fresh(opType.toLowerCase());
    this.nodes.push({ opType, name: `${output}_node`, inputs, outputs: [output], attributes });
    return output;
  }

  floats(prefix: string, values: Float32Array, dims: readonly number[]): string {
    const name = this.fresh(prefix);
    this.initializers.push({ name, type: 'float', dims, raw: bytesOf(values) });
    return name;
  }

  scalar(value: number): string {
    return this.floats('scalar', Float32Array.of(value), []);
  }

  int64s(values: readonly number[]): string {
    const name = this.fresh('ints');
    const raw = bytesOf(BigInt64Array.from(values.map((v) => BigInt(v))));
    this.initializers.push({ name, type: 'int64', dims: [values.length], raw });
    return name;
  }

  /**
   * A face-api weight as float32, optionally reordered (e.g. HWIO filters to ONNX's OIHW). The
   * floats are exactly tfjs's (dequantised as tfjs does it). Keeping the uint8 codes with a lookup
   * in the graph made the files four times smaller but session creation about four times slower
   * (ORT folds 100+ lookups at load), while xz packs both to within 10%; load time won.
   */
  weight(label: string, w: Weight, perm?: readonly number[]): string {
    const dims = perm === undefined ? [...w.shape] : perm.map((p) => w.shape[p] as number);
    const values = perm === undefined ? w.values : permute(w.values, w.shape, perm);
    return this.floats(label.replace(/[^A-Za-z0-9_]/g, '_'), values, dims);
  }

  build(): OnnxGraph {
    return {
      name: this.name,
      nodes: this.nodes,
      initializers: this.initializers,
      inputs: this.inputs,
      outputs: this.outputs,
    };
  }
}
