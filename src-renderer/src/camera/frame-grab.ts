// Grabs the current video frame: as JPEG bytes for main (binary, never base64), and as pixels
// for checks the renderer can make cheaply itself (brightness, QR codes).

/** Resolves once the video shows a picture (the camera may still be starting). */
export function videoReady(video: HTMLVideoElement, timeoutMs = 5000): Promise<void> {
  if (video.videoWidth > 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      video.removeEventListener('loadeddata', onReady);
      reject(new Error('The camera shows no picture yet'));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    video.addEventListener('loadeddata', onReady, { once: true });
  });
}

/**
 * Resolves after the video has presented `count` new frames. Right after a camera starts, the
 * first frames can be blank; a capture taken then would answer no_face for a person in view.
 */
export function presentedFrames(
  video: HTMLVideoElement,
  count: number,
  timeoutMs = 1000,
): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    let seen = 0;
    const onFrame = () => {
      seen += 1;
      if (seen >= count) {
        clearTimeout(timer);
        resolve();
      } else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

/** Below this many seconds of playing, the picture may still be the camera's blank start. */
export const CAMERA_WARM_UP_SECONDS = 0.5;

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
    sum +=
      0.299 * (data[index] ?? 0) + 0.587 * (data[index + 1] ?? 0) + 0.114 * (data[index + 2] ?? 0);
    count += 1;
  }
  return count === 0 ? 128 : sum / count;
}
