// Per-face inference time of the recognition networks, interleaved face by face in one run so
// that the machine's load weighs on all of them alike: the engine's face-api descriptor on ONNX
// Runtime (the default runtime) and on TensorFlow.js wasm, and faceres on TensorFlow.js wasm (the
// only runtime faceres has until the graph-model converter lands). Network time only: crops and
// decoding are shared with the pipeline or cost about a millisecond.
import type { FaceNetworks } from '../../src-main/engine/networks/face-networks';
import { CHIP_SIZE } from '../../src-main/engine/align/face-chip';
import { faceresPatch } from './faceres-crops';
import type { FaceresNet } from './faceres-net';
import { engineChip, type AnalyzedFace } from './extract-descriptors';

export interface LatencyFigures {
  median_ms: number;
  p95_ms: number;
}

export interface NetworkTimings {
  faces: number;
  faceapi_descriptor_onnx_cpu: LatencyFigures;
  faceapi_descriptor_tfjs_wasm: LatencyFigures;
  faceres_tfjs_wasm: LatencyFigures;
}

export function latencyFigures(samples: readonly number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { median_ms: round(at(0.5)), p95_ms: round(at(0.95)) };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function timeNetworks(
  faces: readonly AnalyzedFace[],
  onnx: FaceNetworks,
  wasm: FaceNetworks,
  faceres: FaceresNet,
  warmUp = 2,
): Promise<NetworkTimings> {
  const samples = { onnx: [] as number[], wasm: [] as number[], faceres: [] as number[] };
  for (const [i, face] of faces.entries()) {
    const chip = engineChip(face);
    const patch = faceresPatch(face.img, face.landmarks, 'aligned');
    const t = {
      onnx: await timed(() => onnx.recognitionTrunk(chip, CHIP_SIZE)),
      wasm: await timed(() => wasm.recognitionTrunk(chip, CHIP_SIZE)),
      faceres: await timed(() => faceres.describe(patch)),
    };
    if (i < warmUp) continue;
    samples.onnx.push(t.onnx);
    samples.wasm.push(t.wasm);
    samples.faceres.push(t.faceres);
  }
  return {
    faces: samples.onnx.length,
    faceapi_descriptor_onnx_cpu: latencyFigures(samples.onnx),
    faceapi_descriptor_tfjs_wasm: latencyFigures(samples.wasm),
    faceres_tfjs_wasm: latencyFigures(samples.faceres),
  };
}
