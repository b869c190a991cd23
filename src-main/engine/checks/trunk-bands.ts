// The face_top, face_eyes and face_lower blocks: the recognition network's 128-channel map on the
// aligned chip, averaged over row bands of the face.
import type { TrunkFeatures } from '../networks/face-networks';

/** Row bands of the 128-channel map, as shares of its height (8 rows on the 150 px chip: rows
 *  0-1, 2-3 and 4-7). */
export const TRUNK_BANDS = {
  face_top: [0, 0.25],
  face_eyes: [0.25, 0.5],
  face_lower: [0.5, 1],
} as const;

/** Mean over the rows of `trunk.rows128` in a band [from, to) of the map's height. */
export function trunkBand(trunk: TrunkFeatures, from: number, to: number): number[] {
  const channels = trunk.rows128.length / trunk.rows;
  const first = Math.min(trunk.rows - 1, Math.floor(from * trunk.rows));
  const last = Math.max(first + 1, Math.ceil(to * trunk.rows));
  const out = new Array<number>(channels).fill(0);
  for (let r = first; r < last; r++) {
    for (let c = 0; c < channels; c++) {
      out[c] = (out[c] ?? 0) + (trunk.rows128[r * channels + c] ?? 0) / (last - first);
    }
  }
  return out;
}
