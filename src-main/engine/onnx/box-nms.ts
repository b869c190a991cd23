// face-api's two non-maximum suppressions, copied in behaviour (order of candidates, tie-breaking,
// strict versus non-strict comparisons) so that ONNX detections keep exactly the boxes the
// TensorFlow.js path keeps.

/** A box by its edges. */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function area(b: Edges): number {
  return (b.right - b.left) * (b.bottom - b.top);
}

/** face-api ops/iou.ts (isIOU = true). */
export function iou(a: Edges, b: Edges): number {
  const width = Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
  const height = Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const intersection = width * height;
  return intersection / (area(a) + area(b) - intersection);
}

/**
 * face-api ops/nonMaxSuppression.ts (TinyFaceDetector): greedy, highest score first; a box is
 * dropped when its IoU with a kept one exceeds the threshold. Returns indices in pick order.
 */
export function tinyYoloNms(
  boxes: readonly Edges[],
  scores: readonly number[],
  iouThreshold: number,
): number[] {
  let remaining = scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => a.score - b.score)
    .map((c) => c.index);
  const picked: number[] = [];
  while (remaining.length > 0) {
    const current = remaining.pop() as number;
    picked.push(current);
    const box = boxes[current] as Edges;
    remaining = remaining.filter((i) => iou(box, boxes[i] as Edges) <= iouThreshold);
  }
  return picked;
}

/** SsdMobilenetv1's IOU on [ymin, xmin, ymax, xmax] rows, corners normalised first. */
function ssdIou(boxes: Float32Array, i: number, j: number): number {
  const edges = (k: number): Edges => {
    const [y0, x0, y1, x1] = [
      boxes[4 * k],
      boxes[4 * k + 1],
      boxes[4 * k + 2],
      boxes[4 * k + 3],
    ] as [number, number, number, number];
    return {
      top: Math.min(y0, y1),
      left: Math.min(x0, x1),
      bottom: Math.max(y0, y1),
      right: Math.max(x0, x1),
    };
  };
  const a = edges(i);
  const b = edges(j);
  if (area(a) <= 0 || area(b) <= 0) return 0;
  const inter =
    Math.max(Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top), 0) *
    Math.max(Math.min(a.right, b.right) - Math.max(a.left, b.left), 0);
  return inter / (area(a) + area(b) - inter);
}

/**
 * face-api ssdMobilenetv1/nonMaxSuppression.ts: candidates above the score threshold, best first;
 * one is kept unless a kept box overlaps it by more than the IoU threshold. At most maxOutput.
 */
export function ssdNms(
  boxes: Float32Array,
  scores: ArrayLike<number>,
  maxOutput: number,
  iouThreshold: number,
  scoreThreshold: number,
): number[] {
  const count = scores.length;
  const outputSize = Math.min(maxOutput, count);
  const candidates: { score: number; index: number }[] = [];
  for (let i = 0; i < count; i++) {
    const score = scores[i] as number;
    if (score > scoreThreshold) candidates.push({ score, index: i });
  }
  candidates.sort((a, b) => b.score - a.score);
  const selected: number[] = [];
  for (const c of candidates) {
    if (selected.length >= outputSize) break;
    let suppressed = false;
    for (let j = selected.length - 1; j >= 0; j--) {
      const overlap = ssdIou(boxes, c.index, selected[j] as number);
      if (overlap === 0) continue;
      if (overlap > iouThreshold) {
        suppressed = true;
        break;
      }
    }
    if (!suppressed) selected.push(c.index);
  }
  return selected;
}
