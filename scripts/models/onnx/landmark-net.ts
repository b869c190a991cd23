// FaceLandmark68Net as ONNX, op for op as face-api's FaceFeatureExtractor (four dense blocks of
// depthwise-separable convolutions) and FaceProcessor's fully connected layer run it. The output
// is face-api's raw [batch, 136] vector: x, y pairs relative to the 112 px input.
import { requireWeight, type WeightMap } from './face-api-weights';
import { GraphBuilder } from './graph-builder';
import { add, conv2d, normalizeNhwcToNchw, pool, relu, separableConv2d } from './layers';

export const LANDMARK_INPUT = 112;
const MEAN_RGB = [122.782, 117.001, 104.298] as const;

function separable(
  g: GraphBuilder,
  w: WeightMap,
  x: string,
  prefix: string,
  stride: number,
): string {
  return separableConv2d(
    g,
    x,
    prefix,
    {
      depthwise: requireWeight(w, `${prefix}/depthwise_filter`),
      pointwise: requireWeight(w, `${prefix}/pointwise_filter`),
      bias: requireWeight(w, `${prefix}/bias`),
    },
    stride,
    'same',
  );
}

/** face-api's denseBlock4: every layer sees the sum of the earlier layers' outputs. */
function denseBlock4(
  g: GraphBuilder,
  w: WeightMap,
  x: string,
  name: string,
  first: boolean,
): string {
  const out1 = relu(
    g,
    first
      ? conv2d(
          g,
          x,
          `${name}/conv0`,
          requireWeight(w, `${name}/conv0/filters`),
          requireWeight(w, `${name}/conv0/bias`),
          2,
          'same',
        )
      : separable(g, w, x, `${name}/conv0`, 2),
  );
  const out2 = separable(g, w, out1, `${name}/conv1`, 1);
  const in3 = relu(g, add(g, out1, out2));
  const out3 = separable(g, w, in3, `${name}/conv2`, 1);
  const in4 = relu(g, add(g, out1, add(g, out2, out3)));
  const out4 = separable(g, w, in4, `${name}/conv3`, 1);
  return relu(g, add(g, out1, add(g, out2, add(g, out3, out4))));
}

export function buildLandmarkGraph(w: WeightMap): ReturnType<GraphBuilder['build']> {
  const g = new GraphBuilder('face_landmark_68');
  const image = g.input('image', 'float', ['batch', LANDMARK_INPUT, LANDMARK_INPUT, 3]);
  let x = normalizeNhwcToNchw(g, image, MEAN_RGB, 255);
  x = denseBlock4(g, w, x, 'dense0', true);
  x = denseBlock4(g, w, x, 'dense1', false);
  x = denseBlock4(g, w, x, 'dense2', false);
  x = denseBlock4(g, w, x, 'dense3', false);
  x = pool(g, 'AveragePool', x, 7, 2, 'valid');
  const flat = g.op('Flatten', [x], [{ name: 'axis', int: 1 }]);
  const fc = add(
    g,
    g.op('MatMul', [flat, g.weight('fc_w', requireWeight(w, 'fc/weights', [256, 136]))]),
    g.weight('fc_b', requireWeight(w, 'fc/bias', [136])),
  );
  g.output(fc, 'landmarks', ['batch', 136]);
  return g.build();
}
