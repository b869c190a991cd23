// Public surface of the face engine. Everything else under src-main/engine is internal.
export { createFaceEngine } from './engine';
export { stderrLogger } from './service/stderr-logger';
export { DEFAULT_TASK_TIMEOUT_MS } from './engine-types';
export type {
  EngineDiagnostics,
  EngineLogger,
  EnrollResult,
  FaceEngine,
  FaceEngineOptions,
  FaceAuthOutcome,
  FrameAnalysis,
  VerifyDetails,
  VerifyRequest,
} from './engine-types';
export { FaceTemplateSchema, TEMPLATE_MODEL, type FaceTemplate } from './template/face-template';
export { EngineBusyError, EngineUnavailableError } from './pool/pool-errors';
export { EngineError, toFaceAuthError } from './errors/engine-error';
export { defaultWorkerScript } from './pool/worker-script';
export { distanceToScore, SHIPPED_CALIBRATION } from './calibration/score-calibration';
export { DEFAULT_POLICY } from './decision/default-policy';
export type { BackendName, BackendRefusal } from './backend/backend-names';
export type { RuntimeName, RuntimeTrial } from './runtime/runtime-names';
export type { FrameGuidance } from './pipeline/analyze-frame';
export { readImageHeader } from './image/image-header';
