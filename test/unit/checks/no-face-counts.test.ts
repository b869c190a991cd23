import { describe, expect, it } from 'vitest';
import { noFaceCounts } from '../../../tools/checks/no-face-counts';
import type { ExtractedImage } from '../../../tools/checks/extract-features';

const ok = (path: string): ExtractedImage => ({
  path,
  ok: true,
  features: {},
  checksMs: 1,
  totalMs: 2,
  landmarks: [],
});
const failed = (path: string, code: string): ExtractedImage => ({ path, ok: false, code });

describe('noFaceCounts', () => {
  it('counts failures per label and per error code, and the share of all images', () => {
    const images = [
      { path: 'a', label: 'with_mask' },
      { path: 'b', label: 'with_mask' },
      { path: 'c', label: 'with_mask' },
      { path: 'd', label: 'hard_hat' },
      { path: 'e', label: 'hard_hat' },
    ];
    const extracted = new Map(
      [ok('a'), failed('b', 'no_face'), failed('c', 'image_processing_error'), ok('d')].map(
        (e) => [e.path, e] as const,
      ),
    );
    const summary = noFaceCounts(images, extracted);
    expect(summary).toEqual({
      images: 5,
      no_face: 3,
      share: 0.6,
      by_label: {
        with_mask: {
          images: 3,
          no_face: 2,
          share: 0.6667,
          codes: { no_face: 1, image_processing_error: 1 },
        },
        // An image the run never analysed is a failure too, never silently left out.
        hard_hat: { images: 2, no_face: 1, share: 0.5, codes: { not_analysed: 1 } },
      },
    });
  });
});
