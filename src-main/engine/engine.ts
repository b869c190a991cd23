// The face engine service: a worker pool doing the image work, and on this thread only the cheap
// steps (template checks, distance, calibration, policy decision, FaceAuth JSON).
import { ProjectPolicySchema } from '../../src-shared/faceauth/policy';
import { faceAuthError, type FaceAuthOutcome } from '../../src-shared/faceauth/result';
import { distanceToScore } from './calibration/score-calibration';
import { decide, enabledChecks, type CheckScores } from './decision/decide';
import type {
  EngineDiagnostics,
  EngineLogger,
  EnrollResult,
  FaceEngine,
  FaceEngineOptions,
  VerifyDetails,
  VerifyRequest,
} from './engine-types';
import { describeError, EngineError, toFaceAuthError } from './errors/engine-error';
import { closestDistance } from './match/descriptor-distance';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from './pipeline/pipeline-config';
import { WorkerPool } from './pool/worker-pool';
import type { EngineRuntimeOptions } from './runtime/load-networks';
import { cpuThreadsPerWorker, defaultCores, workersFor } from './runtime/process-model';
import { onnxProviderOf } from './runtime/runtime-names';
import { EngineBusyError, EngineUnavailableError } from './pool/pool-errors';
import { defaultWorkerScript } from './pool/worker-script';
import type { TaskLane } from './pool/task-queue';
import { buildFaceAuthResult } from './result/build-result';
import { createUuidV7Generator } from './result/uuid-v7';
import { FaceTemplateSchema, makeTemplate, TEMPLATE_MODEL } from './template/face-template';
import type { FrameAnalysis } from './pipeline/analyze-frame';
import type { FeatureBlock } from '../checks/check-features';

export const stderrLogger: EngineLogger = {
  info: (message, fields) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'info', scope: 'engine', message, ...fields })}\n`,
    ),
  warn: (message, fields) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', scope: 'engine', message, ...fields })}\n`,
    ),
};

export async function createFaceEngine(options: FaceEngineOptions = {}): Promise<FaceEngine> {
  const logger = options.logger ?? stderrLogger;
  const pipeline: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, ...options.pipeline };
  const threads = cpuThreadsPerWorker(options.threads, options.workers);
  const maxQueue = options.maxQueue ?? Math.max(options.workers ?? defaultCores(), 2) * 4;
  const workerScript = options.workerScript ?? defaultWorkerScript();
  const runtime: EngineRuntimeOptions = {
    backend: options.backend,
    modelDir: options.modelDir,
    onnxModelDir: options.onnxModelDir,
    wasmDir: options.wasmDir,
    loadSsd: options.loadSsd,
    loadCovered: options.loadCovered,
    threads,
  };
  // The first worker tries the runtimes; how many more start depends on which one serves.
  const pool = await WorkerPool.start({
    size: 1,
    maxQueue,
    taskTimeoutMs: options.taskTimeoutMs ?? 10_000,
    workerScript,
    init: { runtime, pipeline },
  });
  const first = pool.workerInfo[0];
  if (first === undefined) throw new Error('worker pool started without workers');
  const serving = first.backend.backend;
  const workers = workersFor(serving, options.workers);
  try {
    await pool.addWorkers(workers - 1, { runtime: { ...runtime, backend: serving }, pipeline });
  } catch (err) {
    await pool.close();
    throw err;
  }
  const onnx = onnxProviderOf(serving) !== undefined;
  logger.info('face engine ready', {
    backend: serving,
    refused: first.backend.refused,
    forced: first.backend.forced,
    providers: first.trials,
    workers,
    ...(onnx ? { threads } : {}),
    modelLoadMs: Math.round(first.modelLoadMs),
  });
  const ids = createUuidV7Generator();

  async function analyze(
    image: Uint8Array | undefined,
    checkBlocks?: FeatureBlock[],
    lane: TaskLane = 'capture',
  ) {
    if (image === undefined || image.length === 0) {
      throw new EngineError('required_field_missing', 'faceImage is empty or missing');
    }
    const { payload } = await pool.run('analyze', image, checkBlocks, lane);
    if (payload.kind !== 'analyze') throw new Error(`unexpected ${payload.kind} reply`);
    return payload.analysis;
  }

  /** Errors that are FaceAuth answers become error objects; busy/closed propagate as exceptions. */
  function asOutcome(err: unknown): FaceAuthOutcome {
    if (err instanceof EngineBusyError || err instanceof EngineUnavailableError) throw err;
    return toFaceAuthError(err);
  }

  async function verifyDetailed(
    request: VerifyRequest,
  ): Promise<{ outcome: FaceAuthOutcome; details: VerifyDetails }> {
    const details: VerifyDetails = {};
    try {
      // ARGOS checks required fields before anything else.
      if (request.faceImage === undefined || request.faceImage.length === 0) {
        throw new EngineError('required_field_missing', 'faceImage is empty or missing');
      }
      const policy = ProjectPolicySchema.safeParse(request.policy);
      if (!policy.success) throw new EngineError('invalid_data_format', 'project policy invalid');
      if (request.templates.length === 0) {
        throw new EngineError('required_field_missing', 'no reference template');
      }
      const references = request.templates.map((t) => {
        const parsed = FaceTemplateSchema.safeParse(t);
        if (!parsed.success) throw new EngineError('data_processing_error', 'template malformed');
        if (parsed.data.model !== TEMPLATE_MODEL) {
          throw new EngineError(
            'data_processing_error',
            `template of model ${parsed.data.model}, engine uses ${TEMPLATE_MODEL}: re-enroll`,
          );
        }
        return parsed.data.descriptor;
      });
      const wanted = enabledChecks(policy.data);
      const models = wanted.length > 0 ? options.checkModels : undefined;
      let checkBlocks: FeatureBlock[] | undefined;
      if (models !== undefined) {
        try {
          checkBlocks = models.blocksFor(wanted);
        } catch (err) {
          throw new EngineError('detection_server_error', describeError(err));
        }
      }
      if (wanted.length > 0 && models === undefined && options.checkScorer === undefined) {
        throw new EngineError(
          'detection_server_error',
          `policy enables ${wanted.join(', ')} but no attribute-check model is installed`,
        );
      }
      const scorer = models === undefined ? options.checkScorer : undefined;
      const [analysis, scored] = await Promise.all([
        analyze(request.faceImage, checkBlocks),
        wanted.length > 0 && scorer !== undefined
          ? scorer(request.faceImage)
          : Promise.resolve<CheckScores>({}),
      ]);
      let checks = scored;
      if (models !== undefined) {
        try {
          checks = models.score(analysis.checkFeatures ?? {}, wanted);
        } catch (err) {
          throw new EngineError('detection_server_error', `checks: ${describeError(err)}`);
        }
      }
      const distance = closestDistance(analysis.descriptor, references);
      Object.assign(details, {
        distance,
        detectionStage: analysis.detectionStage,
        competingFaces: analysis.competingFaces,
        stages: analysis.stages,
      });
      const decision = decide(distanceToScore(distance), checks, policy.data);
      return { outcome: buildFaceAuthResult(decision, ids.next(), new Date()), details };
    } catch (err) {
      details.errorDetail = describeError(err);
      return { outcome: asOutcome(err), details };
    }
  }

  return {
    async enroll(image): Promise<EnrollResult> {
      try {
        // Enrollments (mostly pulled from the central API) never hold up a capture at the desk.
        const analysis = await analyze(image, undefined, 'background');
        return {
          ok: true,
          template: makeTemplate(analysis.descriptor),
          detectionStage: analysis.detectionStage,
        };
      } catch (err) {
        const outcome = asOutcome(err);
        return {
          ok: false,
          error: 'errorCode' in outcome ? outcome : faceAuthError('detection_server_error'),
        };
      }
    },
    verifyDetailed,
    async verify(request) {
      return (await verifyDetailed(request)).outcome;
    },
    async analyzeFrame(image): Promise<FrameAnalysis> {
      const { payload } = await pool.run('frame', image);
      if (payload.kind !== 'frame') throw new Error(`unexpected ${payload.kind} reply`);
      return payload.frame;
    },
    async thumbnail(image): Promise<Uint8Array> {
      const { payload } = await pool.run('thumbnail', image);
      if (payload.kind !== 'thumbnail') throw new Error(`unexpected ${payload.kind} reply`);
      return payload.thumbnail;
    },
    async runReference(image) {
      const { payload } = await pool.run('reference', image);
      if (payload.kind !== 'reference') throw new Error(`unexpected ${payload.kind} reply`);
      return payload.reference;
    },
    async checkFeatures(image, blocks) {
      const analysis = await analyze(image, blocks);
      return {
        features: analysis.checkFeatures ?? {},
        stages: analysis.stages,
        landmarks: analysis.landmarks ?? [],
      };
    },
    diagnostics(): EngineDiagnostics {
      return {
        backend: first.backend.backend,
        refused: first.backend.refused,
        forced: first.backend.forced,
        providers: first.trials,
        threads: onnx ? threads : null,
        modelLoadMs: first.modelLoadMs,
        workers,
        maxQueue,
        queued: pool.queued,
        busy: pool.busy,
        completed: pool.completed,
        workersReplaced: pool.replaced,
        templateModel: TEMPLATE_MODEL,
        workerScript,
      };
    },
    close: () => pool.close(),
  };
}
