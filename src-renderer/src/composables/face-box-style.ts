// Where to draw a detected face over the live picture, as percentages of the picture. The
// detector's box may reach past the frame (a forehead at the top edge); only the part inside the
// picture is drawn.
export interface FrameBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function faceBoxStyle(
  face: FrameBox,
  frameWidth: number,
  frameHeight: number,
): { left: string; top: string; width: string; height: string } {
  const share = (v: number, of: number): number => Math.min(1, Math.max(0, v / of)) * 100;
  const left = share(face.x, frameWidth);
  const top = share(face.y, frameHeight);
  return {
    left: `${left}%`,
    top: `${top}%`,
    width: `${share(face.x + face.width, frameWidth) - left}%`,
    height: `${share(face.y + face.height, frameHeight) - top}%`,
  };
}
