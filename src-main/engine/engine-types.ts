// The public types of the face engine service (see index.ts).
import type { FaceAuthError, FaceAuthOutcome } from '../../src-shared/faceauth/result';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { RuntimeName, RuntimeTrial } from './runtime/runtime-names';
import type { FrameAnalysis } from './pipeline/analyze-frame';
import type { PipelineConfig } from './pipeline/pipeline-config';
import type { FaceTemplate } from './template/face-template';
import type { CheckScores } from './decision/decide';
import type { CheckFeatures, FeatureBlock } from './checks/check-features';

/** How long one pool task may run before its worker is replaced. */
export const DEFAULT_TASK_TIMEOUT_MS = 10_000;

export interface EngineLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface FaceEngineOptions {
  /** Worker threads on the CPU (TensorFlow.js, ONNX Runtime's CPU provider); default one per
   *  core. An ONNX accelerator always gets one worker (runtime/process-model.ts). */
  workers?: number;
  /** Intra-op threads of ONNX Runtime's CPU provider, all CPU workers together (each gets its
   *  share, at least one); default one per core. */
  threads?: number;
  /** Tasks that may wait in each lane (captures, background work; pool/task-queue.ts) before
   *  calls to that lane are refused with EngineBusyError. Default 4 per core (or per requested
   *  worker), at least 8. */
  maxQueue?: number;
  /** A task running longer is abandoned and its worker replaced (default DEFAULT_TASK_TIMEOUT_MS). */
  taskTimeoutMs?: number;
  /** Force a runtime, e.g. onnx-cpu, onnx-webgpu, wasm (else FACEAUTH_BACKEND, else the best
   *  that starts). */
  backend?: RuntimeName;
  modelDir?: string;
  /** The converted .onnx models (default resources/models/onnx, FACEAUTH_ONNX_MODEL_DIR). */
  onnxModelDir?: string;
  wasmDir?: string;
  /** Worker script path; default worker-entry.js/.ts beside the pool (FACEAUTH_WORKER_SCRIPT). */
  workerScript?: string;
  /** Load SsdMobilenetv1 (detection fallback and the bench reference). Default true. */
  loadSsd?: boolean;
  /** Load BlazeFace, the covered-face stage after the other detectors (issue 13). Default true;
   *  false gives today's detector chain (the covered-face bench's baseline). */
  loadCovered?: boolean;
  pipeline?: Partial<PipelineConfig>;
  logger?: EngineLogger;
  /** Attribute checks (occlusion, face/head cover) measured for a verification, when available. */
  checkScorer?: (faceImage: Uint8Array) => Promise<CheckScores>;
  /** Attribute-check models (engine/checks, loadCheckModels()): their features are computed in
   *  the same worker task as the descriptor, only for the checks the policy enables. Preferred
   *  over checkScorer when both are given. */
  checkModels?: CheckModelsLike;
}

/** What the engine needs of the attribute-check models (engine/checks/check-model.ts). */
export interface CheckModelsLike {
  blocksFor(wanted: readonly (keyof CheckScores)[]): FeatureBlock[];
  score(features: CheckFeatures, wanted: readonly (keyof CheckScores)[]): CheckScores;
}

export type EnrollResult =
  /** `detectionStage`: which detector found the face (for evaluations; never stored or sent). */
  | { ok: true; template: FaceTemplate; detectionStage?: string }
  | { ok: false; error: FaceAuthError };

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
  /** The runtime that serves (onnx-<provider>, or a TensorFlow.js backend). */
  backend: RuntimeName;
  /** Runtimes better than the serving one, each with why it was not used. */
  refused: { backend: RuntimeName; reason: string }[];
  forced: boolean;
  /** Every runtime tried at start-up: warm-up latency or refusal reason, and which serves. */
  providers: RuntimeTrial[];
  /** ONNX Runtime's intra-op threads per CPU worker (null on TensorFlow.js). */
  threads: number | null;
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
