// faceauth-station bench engine --json [--frames N] [--image IMG] [--workers N] [--no-scaling]
// Times >= 50 runs of a 640x480 JPEG face from bytes in to decision out (checks off), face-api's
// stock pipeline on the same backend and frames as the reference, the main loop's lag while the
// pool is saturated, and the throughput of one worker against the configured pool.
import os from 'node:os';
import { createFaceEngine, DEFAULT_POLICY, type FaceEngine } from '../../engine';
import { intOption } from '../args';
import { UsageError, type Command } from '../command';
import { facedataBenchFrames, toBenchFrame } from '../bench-frames';
import { defaultFacedataDir, facedataAvailable } from '../facedata';
import { cliLogger } from '../logger';
import { mapConcurrent } from '../concurrency';
import { percentile, startLoopLagProbe } from '../loop-lag';
import type { FaceTemplate } from '../../engine';

const round1 = (x: number): number => Math.round(x * 10) / 10;

async function throughput(
  engine: FaceEngine,
  frames: readonly Uint8Array[],
  templates: FaceTemplate[],
  runs: number,
  inFlight: number,
): Promise<number> {
  const jobs = Array.from({ length: runs }, (_, i) => frames[i % frames.length] as Uint8Array);
  const started = performance.now();
  await mapConcurrent(jobs, inFlight, (faceImage) =>
    engine.verify({ faceImage, templates, policy: DEFAULT_POLICY }),
  );
  return runs / ((performance.now() - started) / 1000);
}

export const benchEngineCommand: Command = {
  words: ['bench', 'engine'],
  summary: 'latency, stock-pipeline ratio, loop lag and worker scaling of the face engine',
  usage: 'bench engine [--json] [--frames N>=50] [--image IMG] [--workers N] [--no-scaling]',
  valueOptions: ['frames', 'image', 'workers'],
  async run(args, io) {
    const runs = intOption(args, 'frames', 50);
    if (runs < 50) throw new UsageError('--frames must be at least 50');
    const workers = intOption(args, 'workers', Math.max(2, os.availableParallelism()));
    const image = args.values.get('image');
    let frames: Uint8Array[];
    if (image !== undefined) frames = [await toBenchFrame(image)];
    else if (facedataAvailable()) frames = await facedataBenchFrames(defaultFacedataDir(), 10);
    else throw new UsageError(`no --image and no facedata at ${defaultFacedataDir()}`);
    if (frames.length === 0) throw new UsageError('no bench frames');

    const logger = cliLogger(args.flags.has('verbose'));
    const engine = await createFaceEngine({ workers, logger });
    try {
      const reference = await engine.enroll(frames[0] as Uint8Array);
      if (!reference.ok) throw new Error(`bench frame did not enrol: ${reference.error.errorCode}`);
      const templates = [reference.template];
      const frameAt = (i: number): Uint8Array => frames[i % frames.length] as Uint8Array;
      for (let i = 0; i < 3; i++) {
        await engine.verify({ faceImage: frameAt(i), templates, policy: DEFAULT_POLICY });
        await engine.runReference(frameAt(i));
      }

      // Our pipeline and the stock one alternate frame by frame, so that load from other
      // processes (the machine is shared) weighs on both alike and the ratio stays fair.
      const totals: number[] = [];
      const referenceTotals: number[] = [];
      const stageSamples: Record<string, number[]> = {};
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const { details } = await engine.verifyDetailed({
          faceImage: frameAt(i),
          templates,
          policy: DEFAULT_POLICY,
        });
        totals.push(performance.now() - started);
        for (const [stage, ms] of Object.entries(details.stages ?? {})) {
          (stageSamples[stage] ??= []).push(ms);
        }
        const referenceStarted = performance.now();
        await engine.runReference(frameAt(i));
        referenceTotals.push(performance.now() - referenceStarted);
      }

      // Baseline: the same probe with the pool idle, to tell the engine's effect on the loop from
      // the machine's own scheduling delays (other processes on the cores).
      const idleProbe = startLoopLagProbe();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const idleLags = idleProbe.stop();

      // Throughput of the pool against a one-worker engine, in alternating rounds (same reason as
      // above); the loop lag is probed while the pool is saturated.
      const lags: number[] = [];
      let scaling: Record<string, number> | undefined;
      const single =
        !args.flags.has('no-scaling') && workers > 1
          ? await createFaceEngine({ workers: 1, logger, loadSsd: false })
          : undefined;
      try {
        if (single !== undefined) await throughput(single, frames, templates, 2, 2);
        const rounds = 5;
        const perRound = Math.max(workers * 2, Math.ceil(runs / rounds));
        let poolSeconds = 0;
        let singleSeconds = 0;
        for (let r = 0; r < rounds; r++) {
          const probe = startLoopLagProbe();
          poolSeconds +=
            perRound / (await throughput(engine, frames, templates, perRound, workers * 2));
          lags.push(...probe.stop());
          if (single !== undefined) {
            singleSeconds += perRound / (await throughput(single, frames, templates, perRound, 2));
          }
        }
        const poolFps = (rounds * perRound) / poolSeconds;
        if (single !== undefined) {
          const oneFps = (rounds * perRound) / singleSeconds;
          scaling = {
            workers,
            fps: round1(poolFps),
            one_worker_fps: round1(oneFps),
            speedup: Math.round((poolFps / oneFps) * 100) / 100,
          };
        }
      } finally {
        await single?.close();
      }

      const diagnostics = engine.diagnostics();
      const p50 = percentile(totals, 50);
      const referenceP50 = percentile(referenceTotals, 50);
      const report = {
        backend: diagnostics.backend,
        frames: runs,
        p50_ms: round1(p50),
        p95_ms: round1(percentile(totals, 95)),
        stages: Object.fromEntries(
          Object.entries(stageSamples).map(([stage, ms]) => [stage, round1(percentile(ms, 50))]),
        ),
        model_load_ms: Math.round(diagnostics.modelLoadMs),
        rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
        reference_p50_ms: round1(referenceP50),
        ratio: Math.round((p50 / referenceP50) * 1000) / 1000,
        loop_lag_p99_ms: round1(percentile(lags, 99)),
        loop_lag_idle_p99_ms: round1(percentile(idleLags, 99)),
        load_average_1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
        ...(scaling === undefined ? {} : { throughput: scaling }),
      };
      io.out(args.flags.has('json') ? JSON.stringify(report) : JSON.stringify(report, null, 2));
      return 0;
    } finally {
      await engine.close();
    }
  },
};
