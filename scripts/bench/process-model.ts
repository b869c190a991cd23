// `node --import tsx scripts/bench/process-model.ts [--frames N] [--rounds N]`: the measurement
// behind runtime/process-model.ts (docs/engine.md, "Process model"). Two station engines on
// ONNX Runtime's CPU provider in one run, one worker with all cores as intra-op threads and one
// single-thread worker per core, saturated in alternating rounds on the same facedata frames so
// that load from other processes weighs on both alike. Prints both rates and their ratio.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createFaceEngine, type FaceEngine, type FaceTemplate } from '../../src-main/engine';
import { alternatingThroughput } from '../../tools/cli/bench-engine-rounds';
import { facedataBenchFrames } from '../../tools/cli/bench-frames';
import { defaultFacedataDir } from '../../tools/cli/facedata';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
  },
});
const quiet = { info: () => undefined, warn: () => undefined };
const cores = os.availableParallelism();

async function started(
  workers: number,
  frame: Uint8Array,
): Promise<{ engine: FaceEngine; templates: FaceTemplate[] }> {
  const engine = await createFaceEngine({
    logger: quiet,
    backend: 'onnx-cpu',
    workers,
    threads: cores,
  });
  const enrolled = await engine.enroll(frame);
  if (!enrolled.ok) throw new Error(`bench frame did not enrol: ${enrolled.error.errorCode}`);
  return { engine, templates: [enrolled.template] };
}

const frames = await facedataBenchFrames(defaultFacedataDir(), 10);
const first = frames[0];
if (first === undefined) throw new Error('no facedata bench frames');
const shared = await started(1, first);
const perCore = await started(cores, first);
try {
  const { fps } = await alternatingThroughput(
    {
      one_worker: { ...shared, inFlight: 2 },
      worker_per_core: { ...perCore, inFlight: cores * 2 },
    },
    frames,
    Number(values.frames),
    Number(values.rounds),
    'worker_per_core',
  );
  const round1 = (x: number | undefined) => Math.round((x ?? NaN) * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      cores,
      one_worker: {
        workers: 1,
        threads: shared.engine.diagnostics().threads,
        fps: round1(fps.one_worker),
      },
      worker_per_core: {
        workers: perCore.engine.diagnostics().workers,
        threads: perCore.engine.diagnostics().threads,
        fps: round1(fps.worker_per_core),
      },
      ratio: Math.round(((fps.worker_per_core ?? NaN) / (fps.one_worker ?? NaN)) * 1000) / 1000,
      load_average_1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    })}\n`,
  );
} finally {
  await shared.engine.close();
  await perCore.engine.close();
}
