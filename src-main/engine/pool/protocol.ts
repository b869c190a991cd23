// Messages between the engine (main thread) and its pool workers. Plain structured-clone data;
// image bytes travel as transferred ArrayBuffers so a frame is never copied twice.
import type { FaceAuthErrorCode } from '../../../src-shared/faceauth/codes';
import type { FaceAnalysis } from '../pipeline/face-pipeline';
import type { FrameAnalysis } from '../pipeline/analyze-frame';
import type { PipelineConfig } from '../pipeline/pipeline-config';
import type { EngineRuntimeOptions } from '../runtime/load-networks';
import type { RuntimeSummary, RuntimeTrial } from '../runtime/runtime-names';
import type { FeatureBlock } from '../checks/check-features';

export interface WorkerInit {
  runtime: EngineRuntimeOptions;
  pipeline: PipelineConfig;
}

/** analyze: full pipeline to a descriptor; frame: detection only (live preview); reference:
 *  face-api's stock pipeline, for the bench's reference timing; thumbnail: a small JPEG of the
 *  image for the operator (decoded here so that main never decodes an image). */
export type TaskKind = 'analyze' | 'frame' | 'reference' | 'thumbnail';

export interface TaskRequest {
  id: number;
  kind: TaskKind;
  bytes: Uint8Array;
  /** analyze only: attribute-check feature blocks to compute as well (engine/checks). */
  checkBlocks?: FeatureBlock[];
}

/** Sent instead of terminating a worker (see stop-worker.ts): finish the task in hand, release
 *  the models, exit. */
export interface WorkerControl {
  type: 'stop';
}

export interface ReferenceTiming {
  faceFound: boolean;
  ms: number;
}

export type TaskPayload =
  | { kind: 'analyze'; analysis: FaceAnalysis }
  | { kind: 'frame'; frame: FrameAnalysis }
  | { kind: 'reference'; reference: ReferenceTiming }
  | { kind: 'thumbnail'; thumbnail: Uint8Array };

export type TaskResponse =
  | { id: number; ok: true; payload: TaskPayload; workerMs: number }
  | { id: number; ok: false; code: FaceAuthErrorCode; detail: string };

export type WorkerEvent =
  | {
      type: 'ready';
      backend: RuntimeSummary;
      modelLoadMs: number;
      /** Every runtime tried at start-up, with its warm-up latency or refusal reason. */
      trials?: RuntimeTrial[];
    }
  | { type: 'init-failed'; message: string };
