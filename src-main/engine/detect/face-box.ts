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
  detector: 'tiny' | 'ssd';
}
