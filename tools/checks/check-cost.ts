// What the attribute checks add to a verification, measured pair by pair: each image is analysed
// with the checks' feature blocks and without any, one right after the other (so both runs see
// the same machine load), and the difference of the recognition-network and checks stages is
// the cost. The trunk blocks come out of the verification's own network pass, so their cost
// shows up in the 'descriptor' stage, not in 'checks'; comparing stage sums catches both.
import { mapLimited } from '../../src-shared/map-limited';
import type { FaceEngine } from '../../src-main/engine';
import type { FeatureBlock } from '../../src-main/engine/checks/check-features';

export interface PairedCost {
  path: string;
  /** descriptor + checks stages with the blocks, minus the descriptor stage without. */
  addedMs: number;
}

export async function pairedCheckCost(
  engine: FaceEngine,
  images: readonly { path: string; bytes: () => Promise<Uint8Array> }[],
  blocks: FeatureBlock[],
  concurrency: number,
): Promise<PairedCost[]> {
  const extract = engine.checkFeatures;
  if (extract === undefined) throw new Error('this engine cannot compute check features');
  const costs = await mapLimited(images, concurrency, async (img) => {
    const bytes = await img.bytes();
    try {
      const withChecks = await extract.call(engine, bytes, blocks);
      const without = await extract.call(engine, bytes, []);
      const stage = (s: Record<string, number>, k: string): number => s[k] ?? 0;
      const addedMs =
        stage(withChecks.stages, 'descriptor') +
        stage(withChecks.stages, 'checks') -
        stage(without.stages, 'descriptor');
      return [{ path: img.path, addedMs }];
    } catch {
      return []; // no usable face: nothing to add to
    }
  });
  return costs.flat();
}
