// Runs the engine over labelled images and keeps each one's attribute-check features, or the
// FaceAuth error that stopped it (no_face, image_processing_error, ...).
import fs from 'node:fs';
import { mapLimited } from '../../src-shared/map-limited';
import type { FaceEngine } from '../../src-main/engine';
import type { CheckFeatures, FeatureBlock } from '../../src-main/engine/checks/check-features';
import { imageFile, type LabelledImage } from './check-datasets';

export type ExtractedImage =
  | {
      path: string;
      ok: true;
      features: CheckFeatures;
      checksMs: number;
      totalMs: number;
      /** The 68 landmarks in the upright image's pixels (synthetic eyewear is drawn with them). */
      landmarks: { x: number; y: number }[];
    }
  | { path: string; ok: false; code: string };

function errorCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err) return String(err.code);
  return 'detection_server_error';
}

/** Analyses each image (bytes from `read`) and keeps its features or its error code. */
export async function extractEach<I extends { path: string }>(
  engine: FaceEngine,
  images: readonly I[],
  read: (image: I) => Promise<Uint8Array>,
  blocks: FeatureBlock[],
  concurrency: number,
): Promise<Map<string, ExtractedImage>> {
  const extract = engine.checkFeatures;
  if (extract === undefined) throw new Error('this engine cannot compute check features');
  const results = await mapLimited(images, concurrency, async (img): Promise<ExtractedImage> => {
    try {
      const { features, stages, landmarks } = await extract.call(engine, await read(img), blocks);
      const totalMs = Object.values(stages).reduce((a, b) => a + b, 0);
      const checksMs = stages.checks ?? 0;
      return { path: img.path, ok: true, features, checksMs, totalMs, landmarks };
    } catch (err) {
      return { path: img.path, ok: false, code: errorCode(err) };
    }
  });
  return new Map(results.map((r) => [r.path, r]));
}

export function extractFeatures(
  engine: FaceEngine,
  dataDir: string,
  images: readonly LabelledImage[],
  blocks: FeatureBlock[],
  concurrency: number,
): Promise<Map<string, ExtractedImage>> {
  return extractEach(
    engine,
    images,
    async (img) => new Uint8Array(await fs.promises.readFile(imageFile(dataDir, img.path))),
    blocks,
    concurrency,
  );
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
