// Features for the attribute checks (occlusion, face cover, head cover), computed inside an engine
// pool worker from what the verification pipeline already has: the decoded image, the 68-landmark
// similarity transform, the aligned chip and the recognition network's own activations on it.
// Blocks, each computed only when a check the policy enables needs it:
//   chip       - the 128-D FaceRecognitionNet descriptor of the aligned 150 px chip (free);
//   face_top, face_eyes, face_lower
//              - the network's 128-channel stage (an 8 x 8 map on the 150 px chip) averaged over
//                its top quarter (forehead, brim of a cap or helmet), second quarter (eyes) and
//                lower half (nose, mouth, chin). The verification pass computes them anyway
//                (tfjs-recognition-trunk.ts), so they are free too;
//   face_deep  - the mean of the network's first 256-channel stage (free, same pass);
//   stats      - colour and texture statistics of regions the landmarks define (eyes, nose/cheeks,
//                mouth/chin on the aligned chip; forehead, crown, beside the head on a small wide
//                chip), plain TypeScript;
//   grid       - a coarse HOG: per cell of a 6 x 6 grid over the small wide chip, a histogram of
//                gradient orientations (6 bins, magnitude-weighted) and the mean colour.
// The small wide chip is 64 px: sampling it costs about a millisecond.
import type { SimilarityTransform } from '../align/similarity-transform';
import type { RgbImage } from '../image/rgb-image';
import type { TrunkFeatures } from '../networks/face-networks';
import { needsTrunk, type CheckFeatures, type FeatureBlock } from './feature-blocks';
import { gridBlock } from './grid-block';
import { statsBlock } from './stats-block';
import { TRUNK_BANDS, trunkBand } from './trunk-bands';
import { extractWideChip, SMALL_WIDE_SIZE } from './wide-chip';

// The blocks' vocabulary and parts stay importable from here, where the engine, the pool, the
// tools and the tests have always found them.
export {
  BLOCK_LENGTH,
  FEATURE_BLOCKS,
  needsTrunk,
  TRUNK_BLOCKS,
  type CheckFeatures,
  type FeatureBlock,
} from './feature-blocks';
export { GRID_BINS, GRID_CELLS, GRID_LENGTH, gridBlock } from './grid-block';
export { regionStats, STATS_LENGTH, STATS_PER_REGION, statsBlock } from './stats-block';
export { trunkBand } from './trunk-bands';
export {
  CHIP_REGIONS,
  extractWideChip,
  SMALL_WIDE_SIZE,
  unitToChip,
  WIDE_PADDING,
  WIDE_REGIONS,
  WIDE_SHIFT_UP,
  type UnitRegion,
} from './wide-chip';

export interface FeatureInputs {
  img: RgbImage;
  transform: SimilarityTransform;
  chip: Uint8Array;
  descriptor: Float32Array;
  /** The recognition network's activations on `chip`, when a trunk block is asked for. */
  trunk?: TrunkFeatures;
}

/** Computes the requested blocks only. */
export function computeCheckFeatures(
  blocks: readonly FeatureBlock[],
  input: FeatureInputs,
): CheckFeatures {
  const out: CheckFeatures = {};
  if (blocks.includes('chip')) out.chip = Array.from(input.descriptor);
  if (needsTrunk(blocks)) {
    const trunk = input.trunk;
    if (trunk === undefined) throw new Error('trunk features asked for but not computed');
    for (const [block, [from, to]] of Object.entries(TRUNK_BANDS)) {
      if (blocks.includes(block as FeatureBlock)) {
        out[block as FeatureBlock] = trunkBand(trunk, from, to);
      }
    }
    if (blocks.includes('face_deep')) out.face_deep = Array.from(trunk.mean256);
  }
  if (blocks.includes('stats') || blocks.includes('grid')) {
    const small = extractWideChip(input.img, input.transform, SMALL_WIDE_SIZE);
    if (blocks.includes('stats')) out.stats = statsBlock(input.chip, small);
    if (blocks.includes('grid')) out.grid = gridBlock(small, SMALL_WIDE_SIZE);
  }
  return out;
}
