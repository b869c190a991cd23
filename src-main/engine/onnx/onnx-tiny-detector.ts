// TinyFaceDetector on ONNX Runtime, with face-api's TinyYolov2Base.detect around it: letterbox and
// resize the image, run the network, decode the grid against the five anchors, keep boxes whose
// sigmoid score beats the threshold, NMS at IoU 0.4, boxes back in image pixels.
import type { RgbImage } from '../image/rgb-image';
import type { RawDetection, TinyDetectorOptions } from '../networks/face-networks';
import { EngineError } from '../errors/engine-error';
import { tinyYoloNms, type Edges } from './box-nms';
import { letterboxResize, reshapedDimensions } from './detector-input';
import { runOnnx, type OnnxNet } from './onnx-net';

/** face-api tinyFaceDetector/const.ts. */
export const TINY_ANCHORS: readonly { x: number; y: number }[] = [
  { x: 1.603231, y: 2.094468 },
  { x: 6.041143, y: 7.080126 },
  { x: 2.882459, y: 3.518061 },
  { x: 4.266906, y: 5.178857 },
  { x: 9.041765, y: 10.66308 },
];
export const TINY_IOU_THRESHOLD = 0.4;
const BOX_ENCODING = 5;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

interface Candidate {
  /** Relative to the image: 0..1 across its width and height. */
  box: Edges;
  score: number;
}

/** face-api's extractBoxes on the NHWC grid [cells, cells, anchors x 5]. */
export function decodeTinyGrid(
  grid: Float32Array,
  cells: number,
  correction: { x: number; y: number },
  scoreThreshold: number,
): Candidate[] {
  const out: Candidate[] = [];
  const anchors = TINY_ANCHORS.length;
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      for (let a = 0; a < anchors; a++) {
        const o = ((row * cells + col) * anchors + a) * BOX_ENCODING;
        const at = (k: number): number => grid[o + k] as number;
        const score = sigmoid(at(4));
        // face-api skips the threshold when it is 0 (falsy); keep that quirk.
        if (scoreThreshold && !(score > scoreThreshold)) continue;
        const anchor = TINY_ANCHORS[a] as { x: number; y: number };
        const ctX = ((col + sigmoid(at(0))) / cells) * correction.x;
        const ctY = ((row + sigmoid(at(1))) / cells) * correction.y;
        const width = ((Math.exp(at(2)) * anchor.x) / cells) * correction.x;
        const height = ((Math.exp(at(3)) * anchor.y) / cells) * correction.y;
        const left = ctX - width / 2;
        const top = ctY - height / 2;
        out.push({ box: { left, top, right: left + width, bottom: top + height }, score });
      }
    }
  }
  return out;
}

export async function onnxTinyFaces(
  net: OnnxNet,
  img: RgbImage,
  options: TinyDetectorOptions,
): Promise<RawDetection[]> {
  const side = options.inputSize;
  if (!Number.isInteger(side) || side < 32 || side % 32 !== 0) {
    throw new EngineError(
      'detection_server_error',
      `tiny detector: input size ${side} is not a multiple of 32`,
    );
  }
  const input = letterboxResize(img, side);
  const { grid } = await runOnnx(net, 'tiny detector', input, [1, side, side, 3], [
    'grid',
  ] as const);
  const cells = grid.dims[1] ?? 0;
  if (grid.data.length !== cells * cells * TINY_ANCHORS.length * BOX_ENCODING) {
    throw new EngineError('detection_server_error', 'tiny detector returned a malformed grid');
  }
  const reshaped = reshapedDimensions(img.width, img.height, side);
  const square = Math.max(reshaped.width, reshaped.height);
  const correction = { x: square / reshaped.width, y: square / reshaped.height };
  const candidates = decodeTinyGrid(grid.data, cells, correction, options.scoreThreshold);
  // face-api compares boxes scaled to the network input, which changes nothing but rounding.
  const scaled = candidates.map(({ box }) => ({
    left: box.left * side,
    top: box.top * side,
    right: box.right * side,
    bottom: box.bottom * side,
  }));
  const picked = tinyYoloNms(
    scaled,
    candidates.map((c) => c.score),
    TINY_IOU_THRESHOLD,
  );
  return picked.map((i) => {
    const { box, score } = candidates[i] as Candidate;
    return {
      box: {
        x: box.left * img.width,
        y: box.top * img.height,
        width: (box.right - box.left) * img.width,
        height: (box.bottom - box.top) * img.height,
      },
      score,
    };
  });
}
