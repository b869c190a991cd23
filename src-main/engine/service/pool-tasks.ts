// The engine's typed calls into its worker pool: one task kind each, the reply's kind checked.
import { EngineError } from '../errors/engine-error';
import type { FeatureBlock } from '../checks/check-features';
import type { FrameAnalysis } from '../pipeline/analyze-frame';
import type { FaceAnalysis } from '../pipeline/face-pipeline';
import type { ReferenceTiming } from '../pool/protocol';
import type { TaskLane } from '../pool/task-queue';
import type { WorkerPool } from '../pool/worker-pool';

export interface PoolTasks {
  /** The full pipeline to a descriptor (plus the asked-for check features). */
  analyze(
    image: Uint8Array | undefined,
    checkBlocks?: FeatureBlock[],
    lane?: TaskLane,
  ): Promise<FaceAnalysis>;
  frame(image: Uint8Array): Promise<FrameAnalysis>;
  thumbnail(image: Uint8Array): Promise<Uint8Array>;
  reference(image: Uint8Array): Promise<ReferenceTiming>;
}

export function poolTasks(pool: WorkerPool): PoolTasks {
  return {
    async analyze(image, checkBlocks, lane = 'capture') {
      if (image === undefined || image.length === 0) {
        throw new EngineError('required_field_missing', 'faceImage is empty or missing');
      }
      const { payload } = await pool.run('analyze', image, checkBlocks, lane);
      if (payload.kind !== 'analyze') throw new Error(`unexpected ${payload.kind} reply`);
      return payload.analysis;
    },
    async frame(image) {
      const { payload } = await pool.run('frame', image);
      if (payload.kind !== 'frame') throw new Error(`unexpected ${payload.kind} reply`);
      return payload.frame;
    },
    async thumbnail(image) {
      const { payload } = await pool.run('thumbnail', image);
      if (payload.kind !== 'thumbnail') throw new Error(`unexpected ${payload.kind} reply`);
      return payload.thumbnail;
    },
    async reference(image) {
      const { payload } = await pool.run('reference', image);
      if (payload.kind !== 'reference') throw new Error(`unexpected ${payload.kind} reply`);
      return payload.reference;
    },
  };
}
