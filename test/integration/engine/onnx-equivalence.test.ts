// The converted ONNX networks give TensorFlow.js's answers on real faces: ONNX Runtime's CPU
// provider against today's TensorFlow.js wasm path, network by network, on photos from
// ../shared/facedata (plain portraits, masks, hard hats, bike helmets, sunglasses, a hand over
// the face, tight TV crops that need the pipeline's padded retry). Tolerances from issue 12: descriptor and check features max |Δ| ≤ 1e-4, landmarks
// ≤ 0.5 px, detector boxes IoU ≥ 0.99 with the same number of boxes. The measured maxima are
// printed at the end.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chipTransform, extractChip, CHIP_SIZE } from '../../../src-main/engine/align/face-chip';
import { DEFAULT_DETECTOR_CONFIG, detectFaces } from '../../../src-main/engine/detect/detect-faces';
import type { FaceBox } from '../../../src-main/engine/detect/face-box';
import type { RgbImage } from '../../../src-main/engine/image/rgb-image';
import { detectLandmarks } from '../../../src-main/engine/landmarks/detect-landmarks';
import type { FaceNetworks, RawDetection } from '../../../src-main/engine/networks/face-networks';
import { loadFaceRuntime } from '../../../src-main/engine/networks/tfjs/tfjs-runtime';
import { tfjsNetworks } from '../../../src-main/engine/networks/tfjs/tfjs-networks';
import { loadOnnxCpuNetworks } from '../../support/onnx-networks';
import { FACEDATA, HAS_FACEDATA, SKIP_NOTE } from './facedata-guard';

/** A varied handful: the first photos of each label, in labels.csv order. */
const PICKS: readonly [folder: string, label: string, count: number][] = [
  ['verification', '', 4],
  ['masks', 'with_mask', 2],
  ['masks', 'without_mask', 1],
  ['head_cover', 'hard_hat', 2],
  ['head_cover', 'bike_helmet', 2],
  ['occlusion', 'sunglasses', 2],
  ['occlusion', 'hand', 1],
];
/** Tight greyscale TV crops: the tiny detector needs the padded retry on these. */
const TIGHT_CROPS = ['verification/faceapijs/amy/amy1.png', 'verification/faceapijs/amy/amy2.png'];

function pickPhotos(): string[] {
  return PICKS.flatMap(([folder, label, count]) => {
    const rows = fs
      .readFileSync(path.join(FACEDATA, folder, 'labels.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const matching = rows.filter((r) => label === '' || r[1] === label);
    // Spread the verification picks over different people.
    const step = label === '' ? Math.floor(matching.length / count) : 1;
    return Array.from({ length: count }, (_, i) => (matching[i * step] as string[])[0] as string);
  }).concat(TIGHT_CROPS.filter((p) => fs.existsSync(path.join(FACEDATA, p))));
}

async function decode(relative: string): Promise<RgbImage> {
  const { data, info } = await sharp(path.join(FACEDATA, relative))
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

function boxIou(a: FaceBox, b: FaceBox): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** The smallest IoU between each reference box and its best ONNX match (1 when both are empty). */
function worstMatch(
  reference: readonly RawDetection[],
  candidate: readonly RawDetection[],
): number {
  let worst = 1;
  for (const r of reference) {
    worst = Math.min(worst, Math.max(0, ...candidate.map((c) => boxIou(r.box, c.box))));
  }
  return worst;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

describe.skipIf(!HAS_FACEDATA)(
  `ONNX networks equal TensorFlow.js on real faces${SKIP_NOTE}`,
  () => {
    let tfjs: FaceNetworks;
    let onnx: FaceNetworks;
    const photos = HAS_FACEDATA ? pickPhotos() : [];
    const worst = {
      tinyIou: 1,
      ssdIou: 1,
      pipelineIou: 1,
      landmarkPx: 0,
      embedding: 0,
      rows128: 0,
      mean256: 0,
    };
    const boxesCompared = { tiny: 0, ssd: 0 };
    const fallbackStages = new Set<string>();

    beforeAll(async () => {
      tfjs = tfjsNetworks(await loadFaceRuntime({ backend: 'wasm', loadSsd: true }));
      onnx = await loadOnnxCpuNetworks();
    });
    afterAll(async () => {
      await onnx?.dispose();
      console.log(
        `ONNX vs TensorFlow.js on ${photos.length} photos (${boxesCompared.tiny} tiny boxes, ` +
          `${boxesCompared.ssd} SSD boxes, detection stages ${[...fallbackStages].join('/')}): ` +
          JSON.stringify(worst),
      );
    });

    it.each(photos)('%s', async (relative) => {
      const img = await decode(relative);
      const options = { inputSize: 320, scoreThreshold: 0.5 };
      const [tinyRef, tinyOnnx] = [
        await tfjs.tinyFaces(img, options),
        await onnx.tinyFaces(img, options),
      ];
      expect(tinyOnnx).toHaveLength(tinyRef.length);
      worst.tinyIou = Math.min(worst.tinyIou, worstMatch(tinyRef, tinyOnnx));
      boxesCompared.tiny += tinyRef.length;
      const ssdOptions = { minConfidence: 0.5 };
      const [ssdRef, ssdOnnx] = [
        await tfjs.ssdFaces(img, ssdOptions),
        await onnx.ssdFaces(img, ssdOptions),
      ];
      expect(ssdOnnx).toHaveLength(ssdRef.length);
      worst.ssdIou = Math.min(worst.ssdIou, worstMatch(ssdRef, ssdOnnx));
      boxesCompared.ssd += ssdRef.length;

      // The pipeline's detection with its padded retries decides the same way on both.
      const [stagedRef, stagedOnnx] = [
        await detectFaces(tfjs, img, DEFAULT_DETECTOR_CONFIG, true),
        await detectFaces(onnx, img, DEFAULT_DETECTOR_CONFIG, true),
      ];
      expect(stagedOnnx.stage).toBe(stagedRef.stage);
      expect(stagedOnnx.faces).toHaveLength(stagedRef.faces.length);
      worst.pipelineIou = Math.min(
        worst.pipelineIou,
        worstMatch(stagedRef.faces, stagedOnnx.faces),
      );
      fallbackStages.add(stagedRef.stage);

      // Landmarks on the same crop; when neither detector fires, on the middle of the photo.
      const side = Math.min(img.width, img.height) * 0.8;
      const box = stagedRef.faces[0]?.box ??
        ssdRef[0]?.box ?? {
          x: (img.width - side) / 2,
          y: (img.height - side) / 2,
          width: side,
          height: side,
        };
      const lmRef = await detectLandmarks(tfjs, img, box, 1.2);
      const lmOnnx = await detectLandmarks(onnx, img, box, 1.2);
      const px = Math.max(
        ...lmRef.map((p, i) => Math.hypot(p.x - lmOnnx[i]!.x, p.y - lmOnnx[i]!.y)),
      );
      worst.landmarkPx = Math.max(worst.landmarkPx, px);

      // The descriptor on the chip the pipeline would align from these landmarks.
      const chip = extractChip(img, chipTransform(lmRef));
      const [ref, got] = [
        await tfjs.recognitionTrunk(chip, CHIP_SIZE),
        await onnx.recognitionTrunk(chip, CHIP_SIZE),
      ];
      worst.embedding = Math.max(worst.embedding, maxAbsDiff(ref.embedding, got.embedding));
      worst.rows128 = Math.max(worst.rows128, maxAbsDiff(ref.rows128, got.rows128));
      worst.mean256 = Math.max(worst.mean256, maxAbsDiff(ref.mean256, got.mean256));
      expect(got.rows).toBe(ref.rows);

      expect(worst.tinyIou).toBeGreaterThanOrEqual(0.99);
      expect(worst.ssdIou).toBeGreaterThanOrEqual(0.99);
      expect(worst.pipelineIou).toBeGreaterThanOrEqual(0.99);
      expect(worst.landmarkPx).toBeLessThanOrEqual(0.5);
      expect(worst.embedding).toBeLessThanOrEqual(1e-4);
      expect(worst.rows128).toBeLessThanOrEqual(1e-4);
      expect(worst.mean256).toBeLessThanOrEqual(1e-4);
    });

    // The tiny detector's side is symbolic in the ONNX graph; face-api accepts any multiple of 32.
    it.each([160, 416, 608])('tiny detector at input size %i', async (inputSize) => {
      for (const relative of photos.slice(0, 3)) {
        const img = await decode(relative);
        const options = { inputSize, scoreThreshold: 0.5 };
        const reference = await tfjs.tinyFaces(img, options);
        const candidate = await onnx.tinyFaces(img, options);
        expect(candidate).toHaveLength(reference.length);
        worst.tinyIou = Math.min(worst.tinyIou, worstMatch(reference, candidate));
        expect(worst.tinyIou).toBeGreaterThanOrEqual(0.99);
      }
    });

    it('compared real detections, not only empty answers, and a padded retry', () => {
      expect(boxesCompared.tiny).toBeGreaterThanOrEqual(photos.length / 2);
      expect(boxesCompared.ssd).toBeGreaterThanOrEqual(photos.length / 2);
      expect([...fallbackStages].some((stage) => stage.endsWith('-padded'))).toBe(true);
    });
  },
);
