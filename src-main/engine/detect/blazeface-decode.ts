// Decoding of BlazeFace's raw output (MediaPipe's short-range face detector, as shipped by
// @vladmandic/human): 896 anchors on a 16 x 16 grid (2 per cell) and an 8 x 8 grid (6 per cell),
// each row [logit, dx, dy, w, h, then 6 keypoints as (dx, dy)] in pixels of the square input,
// offsets relative to the anchor centre. Plain TypeScript so that the tfjs and the ONNX runtimes
// share one decoder and the decoder can be tested without a model.

/** Values per anchor row: score logit, box (4), 6 keypoints (12). */
export const BLAZEFACE_ROW = 17;

export interface BlazeFaceDetection {
  /** Box in pixels of the square network input. */
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
  /** Right eye, left eye, nose tip, mouth, right ear tragion, left ear tragion (person's sides). */
  keypoints: { x: number; y: number }[];
}

/** Anchor centres for a square input of `inputSize` pixels (MediaPipe's SSD anchor layout). */
export function blazeFaceAnchors(inputSize: number): Float32Array {
  const layers = [
    { stride: inputSize / 16, perCell: 2 },
    { stride: inputSize / 8, perCell: 6 },
  ];
  const out: number[] = [];
  for (const { stride, perCell } of layers) {
    const cells = Math.ceil(inputSize / stride);
    for (let gy = 0; gy < cells; gy++) {
      for (let gx = 0; gx < cells; gx++) {
        for (let n = 0; n < perCell; n++) out.push(stride * (gx + 0.5), stride * (gy + 0.5));
      }
    }
  }
  return Float32Array.from(out);
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

function iou(a: BlazeFaceDetection, b: BlazeFaceDetection): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Turns the raw rows (anchors x 17, row-major) into detections above `minScore`, greedy
 * non-maximum suppression at `maxIou`, best first.
 */
export function decodeBlazeFace(
  raw: Float32Array,
  anchors: Float32Array,
  minScore: number,
  maxIou: number,
): BlazeFaceDetection[] {
  const count = anchors.length / 2;
  if (raw.length !== count * BLAZEFACE_ROW) {
    throw new Error(`BlazeFace output has ${raw.length} values, expected ${count * BLAZEFACE_ROW}`);
  }
  const candidates: BlazeFaceDetection[] = [];
  for (let i = 0; i < count; i++) {
    const row = i * BLAZEFACE_ROW;
    const score = sigmoid(raw[row] ?? -Infinity);
    if (!(score >= minScore)) continue;
    const ax = anchors[i * 2] ?? 0;
    const ay = anchors[i * 2 + 1] ?? 0;
    const cx = ax + (raw[row + 1] ?? 0);
    const cy = ay + (raw[row + 2] ?? 0);
    const width = raw[row + 3] ?? 0;
    const height = raw[row + 4] ?? 0;
    if (!(width > 0 && height > 0)) continue;
    const keypoints = [];
    for (let k = 0; k < 6; k++) {
      keypoints.push({ x: ax + (raw[row + 5 + k * 2] ?? 0), y: ay + (raw[row + 6 + k * 2] ?? 0) });
    }
    candidates.push({ x: cx - width / 2, y: cy - height / 2, width, height, score, keypoints });
  }
  candidates.sort((a, b) => b.score - a.score);
  const kept: BlazeFaceDetection[] = [];
  for (const c of candidates) {
    if (kept.every((k) => iou(k, c) <= maxIou)) kept.push(c);
  }
  return kept;
}
