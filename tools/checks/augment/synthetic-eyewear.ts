// Synthetic training images for the occlusion check: every clean face of the training data gets
// one copy with clear eyeglasses (a negative) and one with sunglasses (a positive), drawn with
// the landmarks the engine found on it. The copies are named after their source image, so that
// cross-validation keeps them out of the fold their source is tested in.
import fs from 'node:fs';
import sharp from 'sharp';
import type { FaceEngine } from '../../../src-main/engine';
import { decodeImage } from '../../../src-main/engine/image/decode-image';
import type { RgbImage } from '../../../src-main/engine/image/rgb-image';
import { validateImage } from '../../../src-main/engine/image/validate-image';
import { DEFAULT_PIPELINE_CONFIG } from '../../../src-main/engine/pipeline/pipeline-config';
import { imageFile, type LabelledImage } from '../check-datasets';
import type { FeatureBlock } from '../../../src-main/engine/checks/check-features';
import { extractEach, type ExtractedImage } from '../extract-features';
import { drawEyewear, randomEyewearStyle, type EyewearKind } from './draw-eyewear';
import { hashString, seededRandom } from '../../../src-shared/seeded-random';

export const SYNTHETIC_KINDS: readonly EyewearKind[] = ['eyeglasses_clear', 'sunglasses'];
const PREFIX = 'synthetic:';

/** A synthetic image: its label (synthetic_<kind>) and the real image it was drawn on. */
export interface SyntheticImage extends LabelledImage {
  source: string;
  kind: EyewearKind;
}

export function syntheticImage(source: string, kind: EyewearKind): SyntheticImage {
  return { path: `${PREFIX}${kind}:${source}`, label: `synthetic_${kind}`, source, kind };
}

/** Decodes an image file as the engine does (EXIF upright, sRGB 8-bit, alpha on white), at full
 *  size so that the landmarks, in the original upright pixels, fit it. */
async function decodeUpright(file: string): Promise<RgbImage> {
  const bytes = new Uint8Array(await fs.promises.readFile(file));
  const { limits } = DEFAULT_PIPELINE_CONFIG;
  return decodeImage(bytes, validateImage(bytes, limits), limits, Number.MAX_SAFE_INTEGER);
}

/** Draws the synthetic image's eyewear on its source (landmarks in the source's upright pixels)
 *  and encodes it as a JPEG, as a camera frame would arrive. Deterministic per (source, kind). */
export async function renderSynthetic(
  dataDir: string,
  image: SyntheticImage,
  landmarks: readonly { x: number; y: number }[],
): Promise<Uint8Array> {
  const upright = await decodeUpright(imageFile(dataDir, image.source));
  const random = seededRandom(hashString(image.path));
  const drawn = drawEyewear(upright, landmarks, randomEyewearStyle(image.kind, random));
  const jpeg = await sharp(Buffer.from(drawn.data), {
    raw: { width: drawn.width, height: drawn.height, channels: 3 },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
  return new Uint8Array(jpeg);
}

/** The clean faces the occlusion check's training draws eyewear on: its negatives that are
 *  neither glasses nor hard cases (the without_mask faces), with the landmarks found on them. */
export function syntheticImagesFor(
  samples: readonly { path: string; label: string; positive: boolean }[],
  extracted: ReadonlyMap<string, ExtractedImage>,
): { image: SyntheticImage; landmarks: { x: number; y: number }[] }[] {
  return samples.flatMap((s) => {
    const e = extracted.get(s.path);
    if (s.positive || s.label !== 'without_mask' || e === undefined || !e.ok) return [];
    if (e.landmarks.length !== 68) return [];
    return SYNTHETIC_KINDS.map((kind) => ({
      image: syntheticImage(s.path, kind),
      landmarks: e.landmarks,
    }));
  });
}

/** Renders and analyses every synthetic image of the given clean faces. */
export async function extractSynthetic(
  engine: FaceEngine,
  dataDir: string,
  sources: ReturnType<typeof syntheticImagesFor>,
  blocks: FeatureBlock[],
  concurrency: number,
): Promise<Map<string, ExtractedImage>> {
  const byPath = new Map(sources.map((s) => [s.image.path, s]));
  return extractEach(
    engine,
    sources.map((s) => s.image),
    (image) => renderSynthetic(dataDir, image, byPath.get(image.path)?.landmarks ?? []),
    blocks,
    concurrency,
  );
}
