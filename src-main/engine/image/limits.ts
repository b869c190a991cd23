// Limits applied to an image before any decoder sees it. They bound memory and time per frame
// (a 900-megapixel PNG can be a few kilobytes) and reject images too small to hold a usable face.
export interface ImageLimits {
  /** Largest accepted file, bytes. ARGOS recommends 960x720 frames; 15 MiB covers any camera. */
  maxBytes: number;
  /** Largest accepted width x height from the header; decompression bombs stop here. */
  maxPixels: number;
  /** Smallest accepted width or height. Not a FaceAuth rule (ARGOS states no minimum size): the
   *  station's own floor, set from negative/labels.csv, where 48 x 48 and smaller must be refused
   *  as too small and 64 x 64 is borderline; 49 is the lowest side that refuses 48 x 48.
   *  docs/covered-faces.md ("Minimum image side") has the decision. */
  minSide: number;
  /** Largest accepted width or height on its own (guards degenerate 60000x1 strips). */
  maxSide: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 50_000_000,
  minSide: 49,
  maxSide: 16_384,
};
