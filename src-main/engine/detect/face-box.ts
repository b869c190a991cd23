/** A face rectangle in pixels of the image it was found in. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectedFace {
  box: FaceBox;
  /** Detector confidence, 0-1. */
  score: number;
  detector: 'tiny' | 'ssd' | 'blazeface';
  /** BlazeFace only: nose-tip offset from the eye midpoint over the eye distance, from its six
   *  keypoints (0 = frontal); the live guidance tells a turned face from a covered one. */
  yaw?: number;
  /** BlazeFace only: its eye keypoints in image pixels, the person's right eye first (the one
   *  on the image's left in a frontal face, like landmarks 36..41). */
  eyes?: readonly [{ x: number; y: number }, { x: number; y: number }];
}

/** The box moved by (-dx, -dy) and then multiplied by `scale`: from a padded or shrunken copy
 *  back to the pixels of the image it was made from. */
export function scaleBox(box: FaceBox, scale: number, dx = 0, dy = 0): FaceBox {
  return {
    x: (box.x - dx) * scale,
    y: (box.y - dy) * scale,
    width: box.width * scale,
    height: box.height * scale,
  };
}
