// The face engine service: a worker pool doing the image work, and on this thread only the cheap
// steps (template checks, distance, calibration, policy decision, FaceAuth JSON). The steps live
// in service/: starting the pool, the pool's tasks, one verification, diagnostics.
import { faceAuthError } from '../../src-shared/faceauth/result';
import type { EnrollResult, FaceEngine, FaceEngineOptions } from './engine-types';
import type { FrameAnalysis } from './pipeline/analyze-frame';
import { createUuidV7Generator } from './result/uuid-v7';
import { engineDiagnostics } from './service/engine-diagnostics';
import { asOutcome } from './service/face-auth-outcome';
import { poolTasks } from './service/pool-tasks';
import { startEnginePool } from './service/start-pool';
import { stderrLogger } from './service/stderr-logger';
import { createVerifyDetailed } from './service/verify-face';
import { makeTemplate } from './template/face-template';

export async function createFaceEngine(options: FaceEngineOptions = {}): Promise<FaceEngine> {
  const started = await startEnginePool(options, options.logger ?? stderrLogger);
  const tasks = poolTasks(started.pool);
  const verifyDetailed = createVerifyDetailed(tasks, options, createUuidV7Generator());

  return {
    async enroll(image): Promise<EnrollResult> {
      try {
        // Enrollments (mostly pulled from the central API) never hold up a capture at the desk.
        const analysis = await tasks.analyze(image, undefined, 'background');
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
    analyzeFrame: (image): Promise<FrameAnalysis> => tasks.frame(image),
    thumbnail: (image) => tasks.thumbnail(image),
    runReference: (image) => tasks.reference(image),
    async checkFeatures(image, blocks) {
      const analysis = await tasks.analyze(image, blocks);
      return {
        features: analysis.checkFeatures ?? {},
        stages: analysis.stages,
        landmarks: analysis.landmarks ?? [],
      };
    },
    diagnostics: () => engineDiagnostics(started),
    close: () => started.pool.close(),
  };
}
