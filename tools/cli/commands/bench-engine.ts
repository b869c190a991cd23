// faceauth-station bench engine --json [--frames N>=5] [--image IMG] [--workers N] [--no-scaling]
// Three pipelines on the same 640x480 JPEG faces, interleaved frame by frame in one run (issue 12):
// the station's engine as it starts here (ONNX Runtime where it starts), today's TensorFlow.js
// wasm pool (the fallback, --workers workers) and face-api's stock pipeline on that wasm pool
// (the yardstick since issue 3). The station engine's memory and model load are read before the
// wasm pool exists, so rss_mb is the whole process with the engine alone (engine_rss_mb: the
// engine's own share, the process before it started subtracted). Then saturated throughput of
// both engines in alternating rounds, with the main loop's lag probed while the station engine
// is saturated.
import os from 'node:os';
import { createFaceEngine, DEFAULT_POLICY, type FaceEngine } from '../../../src-main/engine';
import { intOption } from '../../shared/args';
import { UsageError, type Command } from '../command';
import { facedataBenchFrames, toBenchFrame } from '../bench-frames';
import { alternatingThroughput, interleavedLatency } from '../bench-engine-rounds';
import { defaultFacedataDir, facedataAvailable } from '../facedata';
import { cliLogger } from '../../shared/logger';
import { percentile, startLoopLagProbe } from '../loop-lag';
import type { FaceTemplate } from '../../../src-main/engine';

const round1 = (x: number): number => Math.round(x * 10) / 10;
const ratio = (a: number, b: number): number => Math.round((a / b) * 1000) / 1000;

async function enrolled(engine: FaceEngine, frame: Uint8Array): Promise<FaceTemplate[]> {
  const reference = await engine.enroll(frame);
  if (!reference.ok) throw new Error(`bench frame did not enrol: ${reference.error.errorCode}`);
  return [reference.template];
}

export const benchEngineCommand: Command = {
  words: ['bench', 'engine'],
  summary: 'latency, memory, loop lag and throughput: ONNX engine vs wasm pool vs stock face-api',
  usage: 'bench engine [--json] [--frames N>=5] [--image IMG] [--workers N] [--no-scaling]',
  valueOptions: ['frames', 'image', 'workers'],
  async run(args, io) {
    const runs = intOption(args, 'frames', 50);
    if (runs < 5) throw new UsageError('--frames must be at least 5');
    const workers = intOption(args, 'workers', Math.max(2, os.availableParallelism()));
    const image = args.values.get('image');
    let frames: Uint8Array[];
    if (image !== undefined) frames = [await toBenchFrame(image)];
    else if (facedataAvailable()) frames = await facedataBenchFrames(defaultFacedataDir(), 10);
    else throw new UsageError(`no --image and no facedata at ${defaultFacedataDir()}`);
    if (frames.length === 0) throw new UsageError('no bench frames');
    const frameAt = (i: number): Uint8Array => frames[i % frames.length] as Uint8Array;

    const logger = cliLogger(args.flags.has('verbose'));
    // Worker threads share the process's RSS, so the engine's share is the process before it
    // starts and after it is warm, both read before the reference pipelines exist.
    const rssBeforeMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    const engine = await createFaceEngine({ logger });
    let wasm: FaceEngine | undefined;
    try {
      const templates = await enrolled(engine, frameAt(0));
      for (let i = 0; i < 3; i++) {
        await engine.verify({ faceImage: frameAt(i), templates, policy: DEFAULT_POLICY });
      }
      // The station engine alone, warm, before the reference pipelines load.
      const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
      const diagnostics = engine.diagnostics();

      wasm = await createFaceEngine({ backend: 'wasm', workers, logger });
      const wasmEngine = wasm;
      const wasmTemplates = await enrolled(wasmEngine, frameAt(0));
      for (let i = 0; i < 3; i++) {
        await wasmEngine.verify({
          faceImage: frameAt(i),
          templates: wasmTemplates,
          policy: DEFAULT_POLICY,
        });
        await wasmEngine.runReference(frameAt(i));
      }

      const latency = await interleavedLatency(
        {
          station: async (faceImage) =>
            (await engine.verifyDetailed({ faceImage, templates, policy: DEFAULT_POLICY })).details
              .stages,
          wasm: async (faceImage) =>
            (
              await wasmEngine.verifyDetailed({
                faceImage,
                templates: wasmTemplates,
                policy: DEFAULT_POLICY,
              })
            ).details.stages,
          stock: async (faceImage) => {
            await wasmEngine.runReference(faceImage);
            return undefined;
          },
        },
        frames,
        runs,
      );

      // Baseline: the loop's lag with nothing running, to tell the engine's effect on the loop
      // from the machine's own scheduling delays (other processes on the cores).
      const idleProbe = startLoopLagProbe();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const idleLags = idleProbe.stop();

      let throughput: Record<string, number> | undefined;
      let lags: number[] = [];
      if (!args.flags.has('no-scaling')) {
        const rounds = 3;
        const perRound = Math.max(workers * 2, Math.ceil(runs / rounds));
        const measured = await alternatingThroughput(
          {
            station: { engine, templates, inFlight: Math.max(2, diagnostics.workers * 2) },
            wasm: { engine: wasmEngine, templates: wasmTemplates, inFlight: workers * 2 },
          },
          frames,
          perRound,
          rounds,
          'station',
        );
        lags = measured.lags;
        const stationFps = measured.fps.station ?? NaN;
        const wasmFps = measured.fps.wasm ?? NaN;
        throughput = {
          workers: diagnostics.workers,
          fps: round1(stationFps),
          wasm_workers: workers,
          wasm_fps: round1(wasmFps),
        };
      }

      const p50 = percentile(latency.station?.totals ?? [], 50);
      const wasmP50 = percentile(latency.wasm?.totals ?? [], 50);
      const stockP50 = percentile(latency.stock?.totals ?? [], 50);
      const report = {
        backend: diagnostics.backend,
        provider: diagnostics.backend,
        providers: diagnostics.providers,
        threads: diagnostics.threads,
        frames: runs,
        p50_ms: round1(p50),
        p95_ms: round1(percentile(latency.station?.totals ?? [], 95)),
        stages: Object.fromEntries(
          Object.entries(latency.station?.stages ?? {}).map(([s, ms]) => [
            s,
            round1(percentile(ms, 50)),
          ]),
        ),
        model_load_ms: Math.round(diagnostics.modelLoadMs),
        rss_mb: rssMb,
        rss_before_engine_mb: rssBeforeMb,
        engine_rss_mb: rssMb - rssBeforeMb,
        reference_p50_ms: round1(stockP50),
        ratio: ratio(p50, stockP50),
        wasm_p50_ms: round1(wasmP50),
        wasm_stages: Object.fromEntries(
          Object.entries(latency.wasm?.stages ?? {}).map(([s, ms]) => [
            s,
            round1(percentile(ms, 50)),
          ]),
        ),
        ratio_vs_wasm: ratio(p50, wasmP50),
        loop_lag_p99_ms: lags.length > 0 ? round1(percentile(lags, 99)) : null,
        loop_lag_idle_p99_ms: round1(percentile(idleLags, 99)),
        load_average_1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
        ...(throughput === undefined
          ? {}
          : {
              throughput,
              throughput_vs_wasm: ratio(throughput.fps ?? NaN, throughput.wasm_fps ?? NaN),
            }),
      };
      io.out(args.flags.has('json') ? JSON.stringify(report) : JSON.stringify(report, null, 2));
      return 0;
    } finally {
      await wasm?.close();
      await engine.close();
    }
  },
};
