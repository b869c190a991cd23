// Per-label count of check images without a usable face (issue 13 asks for them next to the AUCs:
// masks and helmets are where the detectors fail most). An image counts when the engine answered
// any error for it (no_face, or image_processing_error for an image under the minimum size or a
// face that failed the quality gate); `codes` says which.
import type { LabelledImage } from './check-datasets';
import type { ExtractedImage } from './extract-features';

export interface LabelNoFace {
  images: number;
  no_face: number;
  /** no_face / images, 4 decimals. */
  share: number;
  /** How many of the no-face images got each FaceAuth error code. */
  codes: Record<string, number>;
}

export interface NoFaceSummary {
  images: number;
  no_face: number;
  share: number;
  by_label: Record<string, LabelNoFace>;
}

const share = (n: number, of: number): number => (of === 0 ? 0 : Number((n / of).toFixed(4)));

export function noFaceCounts(
  images: readonly LabelledImage[],
  extracted: ReadonlyMap<string, ExtractedImage>,
): NoFaceSummary {
  const byLabel: Record<string, LabelNoFace> = {};
  let failed = 0;
  for (const img of images) {
    const entry = (byLabel[img.label] ??= { images: 0, no_face: 0, share: 0, codes: {} });
    entry.images++;
    const e = extracted.get(img.path);
    if (e?.ok === true) continue;
    const code = e === undefined ? 'not_analysed' : e.code;
    entry.no_face++;
    entry.codes[code] = (entry.codes[code] ?? 0) + 1;
    failed++;
  }
  for (const entry of Object.values(byLabel)) entry.share = share(entry.no_face, entry.images);
  return {
    images: images.length,
    no_face: failed,
    share: share(failed, images.length),
    by_label: byLabel,
  };
}
