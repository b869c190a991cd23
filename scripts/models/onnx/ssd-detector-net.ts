// SsdMobilenetv1 as ONNX, op for op as face-api's mobileNetV1, predictionLayer and outputLayer
// run it, box decoding against the 5118 shipped anchors included (it is plain arithmetic). The
// outputs are face-api's decoded boxes [5118, 4] (ymin, xmin, ymax, xmax, relative to the 512 px
// square) and face scores [5118]; NMS and the mapping back to the image stay in TypeScript.
import { requireWeight, type Weight, type WeightMap } from './face-api-weights';
import { GraphBuilder } from './graph-builder';
import { add, clip, conv2d, depthwiseConv2d, mul, transpose } from './layers';

export const SSD_INPUT = 512;
const BN_EPSILON = 0.0010000000474974513;
const ANCHORS = 5118;

function pointwise(
  g: GraphBuilder,
  w: WeightMap,
  x: string,
  prefix: string,
  stride: number,
): string {
  const filters = requireWeight(w, `${prefix}/weights`);
  const out = conv2d(
    g,
    x,
    prefix,
    filters,
    requireWeight(w, `${prefix}/convolution_bn_offset`),
    stride,
    'same',
  );
  return clip(g, out, 0, 6);
}

function depthwise(g: GraphBuilder, w: WeightMap, x: string, idx: number, stride: number): string {
  const p = `MobilenetV1/Conv2d_${idx}_depthwise`;
  const out = depthwiseConv2d(g, x, p, requireWeight(w, `${p}/depthwise_weights`), stride, 'same');
  const bn = (name: string): string =>
    g.weight(`${p}_${name}`, requireWeight(w, `${p}/BatchNorm/${name}`));
  const normed = g.op(
    'BatchNormalization',
    [out, bn('gamma'), bn('beta'), bn('moving_mean'), bn('moving_variance')],
    [{ name: 'epsilon', float: BN_EPSILON }],
  );
  return clip(g, normed, 0, 6);
}

/** One box predictor: NCHW conv outputs reordered to face-api's NHWC flattening. */
function boxPredictor(g: GraphBuilder, w: WeightMap, x: string, idx: number) {
  const head = (kind: string, width: number): string => {
    const p = `Prediction/BoxPredictor_${idx}/${kind}`;
    const out = conv2d(
      g,
      x,
      p,
      requireWeight(w, `${p}/weights`),
      requireWeight(w, `${p}/biases`),
      1,
      'same',
    );
    return g.op('Reshape', [transpose(g, out, [0, 2, 3, 1]), g.int64s([1, -1, width])]);
  };
  return { boxes: head('BoxEncodingPredictor', 4), classes: head('ClassPredictor', 3) };
}

function column(g: GraphBuilder, x: string, index: number): string {
  return g.op('Slice', [x, g.int64s([index]), g.int64s([index + 1]), g.int64s([1])]);
}

/** face-api's decodeBoxesLayer, column by column on [5118, 1] slices. */
function decodeBoxes(g: GraphBuilder, anchors: Weight, encodings: string): string {
  const a = g.weight('anchors', { shape: [ANCHORS, 4], values: anchors.values });
  const div = (x: string, v: number) => g.op('Div', [x, g.scalar(v)]);
  const sub = (x: string, y: string) => g.op('Sub', [x, y]);
  const size0 = sub(column(g, a, 2), column(g, a, 0));
  const size1 = sub(column(g, a, 3), column(g, a, 1));
  const centre0 = add(g, column(g, a, 0), div(size0, 2));
  const centre1 = add(g, column(g, a, 1), div(size1, 2));
  const half0 = div(mul(g, g.op('Exp', [div(column(g, encodings, 2), 5)]), size0), 2);
  const mid0 = add(g, mul(g, div(column(g, encodings, 0), 10), size0), centre0);
  const half1 = div(mul(g, g.op('Exp', [div(column(g, encodings, 3), 5)]), size1), 2);
  const mid1 = add(g, mul(g, div(column(g, encodings, 1), 10), size1), centre1);
  const corners = [sub(mid0, half0), sub(mid1, half1), add(g, mid0, half0), add(g, mid1, half1)];
  return g.op('Concat', corners, [{ name: 'axis', int: 1 }]);
}

export function buildSsdDetectorGraph(w: WeightMap): ReturnType<GraphBuilder['build']> {
  const g = new GraphBuilder('ssd_mobilenetv1');
  const image = g.input('image', 'float', [1, SSD_INPUT, SSD_INPUT, 3]);
  const scaled = g.op('Sub', [g.op('Div', [image, g.scalar(127.5)]), g.scalar(1)]);
  let x = pointwise(g, w, transpose(g, scaled, [0, 3, 1, 2]), 'MobilenetV1/Conv2d_0_pointwise', 2);
  let conv11 = x;
  for (let idx = 1; idx <= 13; idx++) {
    x = depthwise(g, w, x, idx, [2, 4, 6, 12].includes(idx) ? 2 : 1);
    x = pointwise(g, w, x, `MobilenetV1/Conv2d_${idx}_pointwise`, 1);
    if (idx === 11) conv11 = x;
  }
  const features = [conv11, x];
  let y = x;
  for (let idx = 0; idx < 8; idx++) {
    y = pointwise(g, w, y, `Prediction/Conv2d_${idx}_pointwise`, idx % 2 === 1 ? 2 : 1);
    if (idx % 2 === 1) features.push(y);
  }
  const predictions = features.map((f, idx) => boxPredictor(g, w, f, idx));
  const concat = (parts: string[]) => g.op('Concat', parts, [{ name: 'axis', int: 1 }]);
  const encodings = g.op('Reshape', [concat(predictions.map((p) => p.boxes)), g.int64s([-1, 4])]);
  const classes = g.op('Reshape', [concat(predictions.map((p) => p.classes)), g.int64s([-1, 3])]);
  const boxes = decodeBoxes(g, requireWeight(w, 'Output/extra_dim', [1, ANCHORS, 4]), encodings);
  const scores = g.op('Reshape', [g.op('Sigmoid', [column(g, classes, 1)]), g.int64s([-1])]);
  g.output(boxes, 'boxes', [ANCHORS, 4]);
  g.output(scores, 'scores', [ANCHORS]);
  return g.build();
}
