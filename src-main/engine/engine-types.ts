// The public types of the face engine service (see index.ts).
import type { FaceAuthError, FaceAuthOutcome } from '../../src-shared/faceauth/result';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { BackendName, BackendRefusal } from './backend/backend-names';
import type { FrameAnalysis } from './pipeline/analyze-frame';
import type { PipelineConfig } from './pipeline/pipeline-config';
import type { FaceTemplate } from './template/face-template';
import type { CheckScores } from './decision/decide';
import type { CheckFeatures, FeatureBlock } from '../checks/check-features';

export interface EngineLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface FaceEngineOptions {
  /** Worker threads; default one per core (os.availableParallelism()). */
  workers?: number;
  /** Tasks waiting beyond the running ones before calls are refused with EngineBusyError. */
  maxQueue?: number;
  /** A task running longer is abandoned and its worker replaced (default 10 s). */
  taskTimeoutMs?: number;
  /** Force a backend (else FACEAUTH_BACKEND, else the best that works). */
  backend?: BackendName;
  modelDir?: string;
  wasmDir?: string;
  /** Worker script path; default worker-entry.js/.ts beside the pool (FACEAUTH_WORKER_SCRIPT). */
  workerScript?: string;
  /** Load SsdMobilenetv1 (detection fallback and the bench reference). Default true. */
  loadSsd?: boolean;
  pipeline?: Partial<PipelineConfig>;
  logger?: EngineLogger;
  /** Attribute checks (occlusion, face/head cover) measured for a verification, when available. */
  checkScorer?: (faceImage: Uint8Array) => Promise<CheckScores>;
  /** Attribute-check models (src-main/checks, loadCheckModels()): their features are computed in
   *  the same worker task as the descriptor, only for the checks the policy enables. Preferred
   *  over checkScorer when both are given. */
  checkModels?: CheckModelsLike;
}

/** What the engine needs of the attribute-check models (src-main/checks/check-model.ts). */
export interface CheckModelsLike {
  blocksFor(wanted: readonly (keyof CheckScores)[]): FeatureBlock[];
  score(features: CheckFeatures, wanted: readonly (keyof CheckScores)[]): CheckScores;
}

export type EnrollResult =
  { ok: true; template: FaceTemplate } | { ok: false; error: FaceAuthError };

export interface VerifyRequest {
  faceImage: Uint8Array | undefined;
  templates: readonly FaceTemplate[];
  policy: ProjectPolicy;
}

/** Extra facts about a verification for logs and the audit trail; never part of the FaceAuth JSON. */
export interface VerifyDetails {
  distance?: number;
  detectionStage?: string;
  competingFaces?: number;
  stages?: Record<string, number>;
  errorDetail?: string;
}

export interface EngineDiagnostics {
  backend: BackendName;
  refused: BackendRefusal[];
  forced: boolean;
  modelLoadMs: number;
  workers: number;
  maxQueue: number;
  queued: number;
  busy: number;
  completed: number;
  workersReplaced: number;
  templateModel: string;
  workerScript: string;
}

export type { FaceAuthOutcome, FrameAnalysis, FaceTemplate };

export interface FaceEngine {
  enroll(image: Uint8Array | undefined): Promise<EnrollResult>;
  /** Always resolves with a FaceAuth result or error object, except EngineBusyError (queue full)
   *  and EngineUnavailableError (closed), which reject. */
  verify(request: VerifyRequest): Promise<FaceAuthOutcome>;
  /** verify, plus the details behind the answer. */
  verifyDetailed(
    request: VerifyRequest,
  ): Promise<{ outcome: FaceAuthOutcome; details: VerifyDetails }>;
  /** Detection only, for the live preview. Rejects with EngineError (its `code` is the FaceAuth
   *  error, e.g. image_converting_error) for unusable bytes, EngineBusyError when the queue is full. */
  analyzeFrame(image: Uint8Array): Promise<FrameAnalysis>;
  /** A 160x160 JPEG of the image for the operator's result panel, made in a pool worker. Rejects
   *  with EngineError (image_converting_error, image_processing_error) for unusable bytes. */
  thumbnail(image: Uint8Array): Promise<Uint8Array>;
  /** face-api's stock pipeline on one image, timed inside the worker (bench reference). */
  runReference(image: Uint8Array): Promise<{ faceFound: boolean; ms: number }>;
  diagnostics(): EngineDiagnostics;
  /** The full analysis plus the given attribute-check feature blocks (training, evaluation). */
  checkFeatures?(
    image: Uint8Array,
    blocks: FeatureBlock[],
  ): Promise<{
    features: CheckFeatures;
    stages: Record<string, number>;
    /** The 68 landmarks in pixels of the original (upright) image. */
    landmarks: { x: number; y: number }[];
  }>;
  close(): Promise<void>;
}
