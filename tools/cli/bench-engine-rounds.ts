// The measuring parts of `bench engine`: latency of several engines interleaved frame by frame,
// and saturated throughput of several engines in alternating rounds. Interleaving keeps the
// comparison fair on a shared machine: load from other processes weighs on every engine alike.
import { DEFAULT_POLICY, type FaceEngine, type FaceTemplate } from '../../src-main/engine';
import { mapLimited } from '../../src-shared/map-limited';
import { startLoopLagProbe } from './loop-lag';

export interface LatencySamples {
  totals: number[];
  stages: Record<string, number[]>;
}

/** One timed step per frame for each named runner, in turn; returns wall times per runner. */
export async function interleavedLatency(
  runners: Record<string, (frame: Uint8Array) => Promise<Record<string, number> | undefined>>,
  frames: readonly Uint8Array[],
  runs: number,
): Promise<Record<string, LatencySamples>> {
  const samples: Record<string, LatencySamples> = {};
  for (const name of Object.keys(runners)) samples[name] = { totals: [], stages: {} };
  for (let i = 0; i < runs; i++) {
    const frame = frames[i % frames.length] as Uint8Array;
    for (const [name, run] of Object.entries(runners)) {
      const started = performance.now();
      const stages = await run(frame);
      const s = samples[name] as LatencySamples;
      s.totals.push(performance.now() - started);
      for (const [stage, ms] of Object.entries(stages ?? {})) (s.stages[stage] ??= []).push(ms);
    }
  }
  return samples;
}

export interface ThroughputEntry {
  engine: FaceEngine;
  templates: FaceTemplate[];
  /** Verifications kept in flight: enough to keep every worker (and its threads) busy. */
  inFlight: number;
}

/** Verifications per second of each engine, saturated, in `rounds` alternating rounds; the main
 *  loop's lag is probed while `lagOf` runs. */
export async function alternatingThroughput(
  entries: Record<string, ThroughputEntry>,
  frames: readonly Uint8Array[],
  perRound: number,
  rounds: number,
  lagOf: string,
): Promise<{ fps: Record<string, number>; lags: number[] }> {
  const seconds: Record<string, number> = {};
  const lags: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [name, entry] of Object.entries(entries)) {
      const jobs = Array.from(
        { length: perRound },
        (_, i) => frames[i % frames.length] as Uint8Array,
      );
      const probe = name === lagOf ? startLoopLagProbe() : undefined;
      const started = performance.now();
      await mapLimited(jobs, entry.inFlight, (faceImage) =>
        entry.engine.verify({ faceImage, templates: entry.templates, policy: DEFAULT_POLICY }),
      );
      seconds[name] = (seconds[name] ?? 0) + (performance.now() - started) / 1000;
      if (probe !== undefined) lags.push(...probe.stop());
    }
  }
  const fps = Object.fromEntries(
    Object.entries(seconds).map(([name, s]) => [name, (rounds * perRound) / s]),
  );
  return { fps, lags };
}
