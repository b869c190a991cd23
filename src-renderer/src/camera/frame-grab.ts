// Grabs the current video frame: as JPEG bytes for main (binary, never base64), and as pixels
// for checks the renderer can make cheaply itself (brightness, QR codes).

export function drawFrame(video: HTMLVideoElement, maxWidth = video.videoWidth): HTMLCanvasElement {
  const scale = Math.min(1, maxWidth / video.videoWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('Canvas 2D is not available');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}

export async function canvasToJpeg(
  canvas: HTMLCanvasElement,
  quality: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', quality),
  );
  if (blob === null) throw new Error('The frame could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Mean luma 0-255 over a sparse grid of pixels: enough to say "too dark". */
export function meanLuma(canvas: HTMLCanvasElement): number {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return 128;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let sum = 0;
  let count = 0;
  for (let index = 0; index < data.length; index += 4 * 37) {
    sum += 0.299 * (data[index] ?? 0) + 0.587 * (data[index + 1] ?? 0) + 0.114 * (data[index + 2] ?? 0);
    count += 1;
  }
  return count === 0 ? 128 : sum / count;
}
