// A small convolutional ONNX model built in memory, for trying each execution provider before the
// face models load: Conv → Relu → Conv → Relu → GlobalAveragePool, the operators the face
// networks are made of. It is encoded here (a few protobuf fields, onnx/onnx.proto numbering)
// rather than shipped as a file so that the probe cannot go missing from a package and needs no
// second copy of anything.

/** Protobuf wire encoding of the handful of field kinds the model needs. */
class Proto {
  private readonly parts: number[] = [];

  private raw(v: number): void {
    let n = v;
    while (n > 0x7f) {
      this.parts.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    this.parts.push(n);
  }

  int(field: number, v: number): this {
    this.raw(field * 8);
    this.raw(v);
    return this;
  }

  bytes(field: number, data: Uint8Array): this {
    this.raw(field * 8 + 2);
    this.raw(data.length);
    for (const b of data) this.parts.push(b);
    return this;
  }

  text(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  message(field: number, build: (p: Proto) => void): this {
    const inner = new Proto();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export const PROBE_INPUT_SHAPE = [1, 4, 48, 48] as const;
export const PROBE_OUTPUT_CHANNELS = 16;
const FLOAT = 1;

/** Deterministic weights in [-0.5, 0.5]: a fixed pseudo-random pattern, no RNG state. */
function pattern(n: number, seed: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed * 78.233) * 0.5);
}

function tensor(p: Proto, name: string, dims: readonly number[], values: Float32Array): void {
  for (const d of dims) p.int(1, d);
  p.int(2, FLOAT);
  p.text(8, name);
  p.bytes(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

function valueInfo(p: Proto, name: string, dims: readonly number[]): void {
  p.text(1, name);
  p.message(2, (type) =>
    type.message(1, (t) => {
      t.int(1, FLOAT);
      t.message(2, (shape) => {
        for (const d of dims) shape.message(1, (dim) => dim.int(1, d));
      });
    }),
  );
}

function node(p: Proto, op: string, inputs: string[], output: string): void {
  for (const i of inputs) p.text(1, i);
  p.text(2, output);
  p.text(3, `${output}_node`);
  p.text(4, op);
}

/** The .onnx bytes of the probe model (input `x` PROBE_INPUT_SHAPE, output `y` [1, 16, 1, 1]). */
export function probeModelBytes(): Uint8Array {
  const c = PROBE_INPUT_SHAPE[1];
  const k = PROBE_OUTPUT_CHANNELS;
  const model = new Proto();
  model.int(1, 7); // ir_version
  model.text(2, 'faceauth-station provider probe');
  model.message(7, (g) => {
    g.message(1, (n) => node(n, 'Conv', ['x', 'w1', 'b1'], 'c1'));
    g.message(1, (n) => node(n, 'Relu', ['c1'], 'r1'));
    g.message(1, (n) => node(n, 'Conv', ['r1', 'w2', 'b2'], 'c2'));
    g.message(1, (n) => node(n, 'Relu', ['c2'], 'r2'));
    g.message(1, (n) => node(n, 'GlobalAveragePool', ['r2'], 'y'));
    g.text(2, 'probe');
    g.message(5, (t) => tensor(t, 'w1', [k, c, 3, 3], pattern(k * c * 9, 1)));
    g.message(5, (t) => tensor(t, 'b1', [k], pattern(k, 2)));
    g.message(5, (t) => tensor(t, 'w2', [k, k, 3, 3], pattern(k * k * 9, 3)));
    g.message(5, (t) => tensor(t, 'b2', [k], pattern(k, 4)));
    g.message(11, (v) => valueInfo(v, 'x', PROBE_INPUT_SHAPE));
    g.message(12, (v) => valueInfo(v, 'y', [1, k, 1, 1]));
  });
  model.message(8, (o) => o.text(1, '').int(2, 13)); // opset_import: default domain, opset 13
  return model.finish();
}

/** The probe's input: a fixed ramp, so every provider sees the same numbers. */
export function probeInput(): Float32Array {
  const n = PROBE_INPUT_SHAPE.reduce<number>((a, b) => a * b, 1);
  return Float32Array.from({ length: n }, (_, i) => ((i * 7) % 255) / 255);
}
