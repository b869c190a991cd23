// Cost of the covered-face stage (issue 13), both engines in the same run, interleaved frame by
// frame: the station's engine (ONNX Runtime where it starts) with the stage and the same engine
// without it (loadCovered: false). Three frame sets, 640x480 JPEG made in memory like `bench
// engine`'s: faces (bench engine's frames: the first detector finds them, so the stage must cost
// nothing), face-free photos (negative/no_face: every detector runs, then the stage) and masked
// faces only the stage finds. Prints p50/p90 per set and engine, and the p50 ratio.
//   node --import tsx scripts/covered/bench-covered.ts ../shared/facedata [RUNS]
import path from 'node:path';
import { createFaceEngine, DEFAULT_POLICY, type FaceEngine } from '../../src-main/engine';
import { facedataBenchFrames, toBenchFrame } from '../../tools/cli/bench-frames';
import { interleavedLatency } from '../../tools/cli/bench-engine-rounds';
import { percentile } from '../../tools/cli/loop-lag';
import { readFolder } from '../../tools/checks/check-datasets';
import { cliLogger } from '../../tools/shared/logger';

const [dataArg, runsArg] = process.argv.slice(2);
if (dataArg === undefined) {
  console.error('usage: bench-covered.ts DATA_DIR [RUNS]');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const runs = Number(runsArg ?? 30);
const logger = cliLogger(false);
const withStage = await createFaceEngine({ logger });
const without = await createFaceEngine({ logger, loadCovered: false });
const sets: Record<string, Uint8Array[]> = {
  faces: await facedataBenchFrames(dataDir, 10),
  no_face: await Promise.all(
    readFolder(dataDir, 'negative')
      .filter((r) => r.label === 'no_face')
      .map((r) => toBenchFrame(path.join(dataDir, r.path))),
  ),
  masked_stage_only: await Promise.all(
    ['masks/with_mask/numeric_330.jpg', 'masks/with_mask/rmfd_1_0_0.jpg'].map((p) =>
      toBenchFrame(path.join(dataDir, p)),
    ),
  ),
};
const first = sets.faces?.[0];
if (first === undefined) throw new Error('no bench frames');
const templateOf = async (engine: FaceEngine) => {
  const r = await engine.enroll(first);
  if (!r.ok) throw new Error(`bench frame did not enrol: ${r.error.errorCode}`);
  return [r.template];
};
const templates = { with: await templateOf(withStage), without: await templateOf(without) };
const verify = (engine: FaceEngine, t: typeof templates.with) => async (faceImage: Uint8Array) => {
  await engine.verify({ faceImage, templates: t, policy: DEFAULT_POLICY });
  return undefined;
};
const report: Record<string, unknown> = { runtime: withStage.diagnostics().backend, runs };
try {
  for (const [name, frames] of Object.entries(sets)) {
    const samples = await interleavedLatency(
      {
        with_stage: verify(withStage, templates.with),
        without: verify(without, templates.without),
      },
      frames,
      Math.max(runs, frames.length),
    );
    const p = (k: string, q: number) =>
      Math.round(percentile(samples[k]?.totals ?? [], q) * 10) / 10;
    report[name] = {
      frames: frames.length,
      p50_with_stage_ms: p('with_stage', 50),
      p50_without_ms: p('without', 50),
      p90_with_stage_ms: p('with_stage', 90),
      p90_without_ms: p('without', 90),
      p50_ratio: Math.round((p('with_stage', 50) / p('without', 50)) * 1000) / 1000,
    };
  }
} finally {
  await withStage.close();
  await without.close();
}
console.log(JSON.stringify(report, null, 2));
