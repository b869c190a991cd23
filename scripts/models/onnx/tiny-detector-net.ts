// TinyFaceDetector (face-api's TinyYolov2 with separable convolutions) as ONNX, op for op as
// TinyYolov2Base.runMobilenet runs it. The input side is symbolic (face-api accepts any multiple
// of 32); letterboxing, resizing, box decoding and NMS stay in TypeScript
// (src-main/engine/onnx/). The output is the raw grid, NHWC as face-api reads it:
// [1, cells, cells, 5 anchors x (x, y, w, h, score)].
import { requireWeight, type WeightMap } from './face-api-weights';
import { GraphBuilder } from './graph-builder';
import { conv2d, normalizeNhwcToNchw, pool, separableConv2d, transpose } from './layers';

const MEAN_RGB = [117.001, 114.697, 97.404] as const;
/** face-api's leaky ReLU slope, the float32 nearest 0.1 (tf.scalar(0.10000000149011612)). */
const LEAKY_ALPHA = 0.10000000149011612;

function leaky(g: GraphBuilder, x: string): string {
  return g.op('LeakyRelu', [x], [{ name: 'alpha', float: LEAKY_ALPHA }]);
}

/** tinyYolov2's depthwiseSeparableConv: pad by one, separable 'valid' convolution, bias, leaky. */
function separable(g: GraphBuilder, w: WeightMap, x: string, name: string): string {
  const out = separableConv2d(
    g,
    x,
    name,
    {
      depthwise: requireWeight(w, `${name}/depthwise_filter`),
      pointwise: requireWeight(w, `${name}/pointwise_filter`),
      bias: requireWeight(w, `${name}/bias`),
    },
    1,
    { explicit: 1 },
  );
  return leaky(g, out);
}

export function buildTinyDetectorGraph(w: WeightMap): ReturnType<GraphBuilder['build']> {
  const g = new GraphBuilder('tiny_face_detector');
  const image = g.input('image', 'float', [1, 'side', 'side', 3]);
  let x = normalizeNhwcToNchw(g, image, MEAN_RGB, 255);
  const conv0 = conv2d(
    g,
    x,
    'conv0',
    requireWeight(w, 'conv0/filters'),
    requireWeight(w, 'conv0/bias'),
    1,
    'valid',
  );
  x = pool(g, 'MaxPool', leaky(g, conv0), 2, 2, 'same');
  for (const name of ['conv1', 'conv2', 'conv3', 'conv4']) {
    x = pool(g, 'MaxPool', separable(g, w, x, name), 2, 2, 'same');
  }
  x = pool(g, 'MaxPool', separable(g, w, x, 'conv5'), 2, 1, 'same');
  const head = conv2d(
    g,
    x,
    'conv8',
    requireWeight(w, 'conv8/filters', [1, 1, 512, 25]),
    requireWeight(w, 'conv8/bias'),
    1,
    'valid',
  );
  g.output(transpose(g, head, [0, 2, 3, 1]), 'grid', [1, 'cells', 'cells', 25]);
  return g.build();
}
