// FaceRecognitionNet run layer by layer: the verification descriptor, plus pooled intermediate
// activations the attribute checks read (engine/checks). The 128-D embedding is trained to
// ignore what a person wears; the layers before it still see caps, helmets, sunglasses and masks,
// and reading them costs nothing extra. The layer code mirrors face-api's
// FaceRecognitionNet.forwardInput (convDown, residual, residualDown) op for op, so the embedding
// is bit-identical to face-api's computeFaceDescriptor (test/integration/engine/
// recognition-trunk.test.ts), and it skips face-api's input re-batching, which makes it a few
// milliseconds faster.
import type * as tfjs from '@tensorflow/tfjs';
import type { TrunkFeatures } from '../face-networks';
import type { FaceRuntime } from './tfjs-runtime';

type T4 = tfjs.Tensor4D;

interface ConvLayer {
  conv: { filters: T4; bias: tfjs.Tensor1D };
  scale: { weights: tfjs.Tensor1D; biases: tfjs.Tensor1D };
}
interface ResidualLayer {
  conv1: ConvLayer;
  conv2: ConvLayer;
}
type ResidualName =
  | 'conv32_1'
  | 'conv32_2'
  | 'conv32_3'
  | 'conv64_down'
  | 'conv64_1'
  | 'conv64_2'
  | 'conv64_3'
  | 'conv128_down'
  | 'conv128_1'
  | 'conv128_2'
  | 'conv256_down'
  | 'conv256_1'
  | 'conv256_2'
  | 'conv256_down_out';
type TrunkParams = Record<ResidualName, ResidualLayer> & {
  conv32_down: ConvLayer;
  fc: tfjs.Tensor2D;
};

/** dlib's mean RGB, subtracted before scaling to 0..1 (face-api's normalize). */
const MEAN_RGB = [122.782, 117.001, 104.298];

function trunkParams(rt: FaceRuntime): TrunkParams {
  // face-api keeps the loaded weights on the network object; its typings do not name them.
  const params = (rt.faceapi.nets.faceRecognitionNet as unknown as { params?: TrunkParams }).params;
  if (params === undefined) throw new Error('FaceRecognitionNet is not loaded');
  return params;
}

/** Runs the network on an RGB patch (size x size x 3, row-major; 150 for the aligned chip). */
export async function recognitionTrunk(
  rt: FaceRuntime,
  patch: Uint8Array,
  size: number,
): Promise<TrunkFeatures> {
  // face-api's declarations list only the tf ops it uses; at run time faceapi.tf is the full
  // @tensorflow/tfjs instance its weights live on.
  const tf = rt.faceapi.tf as unknown as typeof tfjs;
  const p = trunkParams(rt);

  const conv = (
    x: T4,
    l: ConvLayer,
    strides: [number, number],
    relu: boolean,
    pad: 'same' | 'valid' = 'same',
  ): T4 => {
    let y: T4 = tf.add(tf.conv2d(x, l.conv.filters, strides, pad), l.conv.bias);
    y = tf.add(tf.mul(y, l.scale.weights), l.scale.biases);
    return relu ? tf.relu(y) : y;
  };
  const residual = (x: T4, l: ResidualLayer): T4 =>
    tf.relu(tf.add(conv(conv(x, l.conv1, [1, 1], true), l.conv2, [1, 1], false), x));
  const residualDown = (x: T4, l: ResidualLayer): T4 => {
    let y = conv(conv(x, l.conv1, [2, 2], true, 'valid'), l.conv2, [1, 1], false);
    let shortcut: T4 = tf.avgPool(x, 2, 2, 'valid');
    // A 3x3 stride-2 valid convolution can come out one row/column short of the 2x2 pool; face-
    // api pads it with zeros at the end, and so does this.
    if (shortcut.shape[1] !== y.shape[1] || shortcut.shape[2] !== y.shape[2]) {
      y = tf.concat([y, tf.zeros([y.shape[0], 1, y.shape[2], y.shape[3]])], 1);
      y = tf.concat([y, tf.zeros([y.shape[0], y.shape[1], 1, y.shape[3]])], 2);
    }
    if (shortcut.shape[3] !== y.shape[3]) {
      shortcut = tf.concat([shortcut, tf.zeros(shortcut.shape)], 3);
    }
    return tf.relu(tf.add(shortcut, y));
  };
  const residuals = (x: T4, names: readonly ResidualName[]): T4 =>
    names.reduce((acc, name) => residual(acc, p[name]), x);

  const outputs = tf.tidy(() => {
    const input = tf.tensor4d(patch, [1, size, size, 3], 'float32');
    let x: T4 = tf.div(tf.sub(input, tf.tensor4d(MEAN_RGB, [1, 1, 1, 3])), 255);
    x = conv(x, p.conv32_down, [2, 2], true, 'valid');
    x = tf.maxPool(x, 3, 2, 'valid');
    x = residuals(x, ['conv32_1', 'conv32_2', 'conv32_3']);
    x = residuals(residualDown(x, p.conv64_down), ['conv64_1', 'conv64_2', 'conv64_3']);
    x = residuals(residualDown(x, p.conv128_down), ['conv128_1', 'conv128_2']);
    const rows128 = tf.mean(x, 2);
    x = residuals(residualDown(x, p.conv256_down), ['conv256_1', 'conv256_2']);
    const mean256 = tf.mean(x, [1, 2]);
    x = residualDown(x, p.conv256_down_out);
    const embedding = tf.matMul(tf.mean(x, [1, 2]) as tfjs.Tensor2D, p.fc);
    return [rows128, mean256, embedding];
  });
  try {
    const [rows128, mean256, embedding] = await Promise.all(
      outputs.map(async (t) => new Float32Array(await t.data())),
    );
    if (rows128 === undefined || mean256 === undefined || embedding?.length !== 128) {
      throw new Error('recognition network returned no features');
    }
    return { rows128, rows: rows128.length / 128, mean256, embedding };
  } finally {
    for (const t of outputs) t.dispose();
  }
}
