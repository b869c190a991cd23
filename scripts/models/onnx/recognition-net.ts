// FaceRecognitionNet (face-api's port of dlib's ResNet-29 metric network) as ONNX, op for op as
// face-api's FaceRecognitionNet.forwardInput and src-main/engine/descriptor/recognition-trunk.ts
// run it. Besides the 128-D embedding it outputs the two activations the attribute checks read:
// the 128-channel stage averaged along each row (rows128) and the mean of the first 256-channel
// stage (mean256).
import { requireWeight, type WeightMap } from './face-api-weights';
import { GraphBuilder } from './graph-builder';
import {
  add,
  channelVector,
  conv2d,
  mul,
  normalizeNhwcToNchw,
  padEnd,
  pool,
  reduceMean,
  relu,
  transpose,
} from './layers';

export const RECOGNITION_INPUT = 150;
const MEAN_RGB = [122.782, 117.001, 104.298] as const;

/** conv + bias, then face-api's scale layer (x * weights + biases), then an optional ReLU. */
function convLayer(
  g: GraphBuilder,
  w: WeightMap,
  x: string,
  prefix: string,
  stride: number,
  withRelu: boolean,
  pad: 'same' | 'valid',
): string {
  const filters = requireWeight(w, `${prefix}/conv/filters`);
  const out = conv2d(g, x, prefix, filters, requireWeight(w, `${prefix}/conv/bias`), stride, pad);
  const scaled = add(
    g,
    mul(g, out, channelVector(g, `${prefix}_scale_w`, requireWeight(w, `${prefix}/scale/weights`))),
    channelVector(g, `${prefix}_scale_b`, requireWeight(w, `${prefix}/scale/biases`)),
  );
  return withRelu ? relu(g, scaled) : scaled;
}

function residual(g: GraphBuilder, w: WeightMap, x: string, name: string): string {
  const a = convLayer(g, w, x, `${name}/conv1`, 1, true, 'same');
  const b = convLayer(g, w, a, `${name}/conv2`, 1, false, 'same');
  return relu(g, add(g, b, x));
}

/**
 * The down-sampling block. Where the 3x3 stride-2 valid convolution comes out one row/column
 * short of the 2x2 average pool, face-api appends a zero row and column; where the channel count
 * doubles, the pooled shortcut gets zero channels appended. `size` is the input's spatial side.
 */
function residualDown(
  g: GraphBuilder,
  w: WeightMap,
  x: string,
  name: string,
  size: number,
): { out: string; size: number } {
  const a = convLayer(g, w, x, `${name}/conv1`, 2, true, 'valid');
  let b = convLayer(g, w, a, `${name}/conv2`, 1, false, 'same');
  const convSize = Math.floor((size - 3) / 2) + 1;
  const poolSize = Math.floor(size / 2);
  if (convSize !== poolSize) b = padEnd(g, b, [0, 0, poolSize - convSize, poolSize - convSize]);
  const inChannels = requireWeight(w, `${name}/conv1/conv/filters`).shape[2] as number;
  const outChannels = requireWeight(w, `${name}/conv2/conv/filters`).shape[3] as number;
  let shortcut = pool(g, 'AveragePool', x, 2, 2, 'valid');
  if (outChannels !== inChannels)
    shortcut = padEnd(g, shortcut, [0, outChannels - inChannels, 0, 0]);
  return { out: relu(g, add(g, shortcut, b)), size: poolSize };
}

export function buildRecognitionGraph(w: WeightMap): ReturnType<GraphBuilder['build']> {
  const g = new GraphBuilder('face_recognition');
  const image = g.input('image', 'float', ['batch', RECOGNITION_INPUT, RECOGNITION_INPUT, 3]);
  let x = normalizeNhwcToNchw(g, image, MEAN_RGB, 255);
  x = convLayer(g, w, x, 'conv32_down', 2, true, 'valid');
  x = pool(g, 'MaxPool', x, 3, 2, 'valid');
  let size = Math.floor((Math.floor((RECOGNITION_INPUT - 7) / 2) + 1 - 3) / 2) + 1;
  const stage = (names: readonly string[]) => {
    for (const n of names) x = residual(g, w, x, n);
  };
  const down = (name: string) => {
    const r = residualDown(g, w, x, name, size);
    x = r.out;
    size = r.size;
  };
  stage(['conv32_1', 'conv32_2', 'conv32_3']);
  down('conv64_down');
  stage(['conv64_1', 'conv64_2', 'conv64_3']);
  down('conv128_down');
  stage(['conv128_1', 'conv128_2']);
  // [N, 128, H, W] averaged over W, read out as [N, H, 128] (tf.mean(x, 2) on NHWC).
  const rows = size;
  const rows128 = transpose(g, reduceMean(g, x, [3], false), [0, 2, 1]);
  down('conv256_down');
  stage(['conv256_1', 'conv256_2']);
  const mean256 = reduceMean(g, x, [2, 3], false);
  down('conv256_down_out');
  const pooled = reduceMean(g, x, [2, 3], false);
  const embedding = g.op('MatMul', [pooled, g.weight('fc', requireWeight(w, 'fc', [256, 128]))]);
  g.output(rows128, 'rows128', ['batch', rows, 128]);
  g.output(mean256, 'mean256', ['batch', 256]);
  g.output(embedding, 'embedding', ['batch', 128]);
  return g.build();
}
