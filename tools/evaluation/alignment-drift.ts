// How far apart two landmark sets put the aligned face chip: the chip transforms of both are
// applied to five probe points of the chip (corners and centre) and the mean distance between
// the results is given in chip pixels (the chip is CHIP_SIZE = 150 px across). 0 means the same
// crop; the descriptor barely moves below ~3 px (docs/covered-faces.md).
import {
  ALIGNMENT_LANDMARKS,
  chipTransform,
  CHIP_PADDING,
  CHIP_SIZE,
} from '../../src-main/engine/align/face-chip';
import {
  applyTransform,
  type Point2,
  type SimilarityTransform,
} from '../../src-main/engine/align/similarity-transform';

const PROBES: readonly Point2[] = [
  { x: 0, y: 0 },
  { x: CHIP_SIZE, y: 0 },
  { x: 0, y: CHIP_SIZE },
  { x: CHIP_SIZE, y: CHIP_SIZE },
  { x: CHIP_SIZE / 2, y: CHIP_SIZE / 2 },
];

/** `other`: landmarks (aligned on `otherIndices`) or a chip transform found another way. */
export function alignmentDrift(
  reference: readonly Point2[],
  other: readonly Point2[] | SimilarityTransform,
  otherIndices: readonly number[] = ALIGNMENT_LANDMARKS,
): number {
  const t0 = chipTransform(reference);
  const t1 = Array.isArray(other)
    ? chipTransform(other, CHIP_SIZE, CHIP_PADDING, otherIndices)
    : (other as SimilarityTransform);
  const imagePxPerChipPx = Math.hypot(t0.a, t0.b) || 1;
  let sum = 0;
  for (const p of PROBES) {
    const a = applyTransform(t0, p);
    const b = applyTransform(t1, p);
    sum += Math.hypot(a.x - b.x, a.y - b.y);
  }
  return sum / PROBES.length / imagePxPerChipPx;
}
