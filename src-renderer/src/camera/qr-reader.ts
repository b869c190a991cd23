// Reads a submission id from a QR code shown to the camera (jsQR: pure JavaScript, offline).
import jsQR from 'jsqr';

export function readQrCode(canvas: HTMLCanvasElement): string | null {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return null;
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  const code = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
  const text = code?.data.trim() ?? '';
  return /^[A-Za-z0-9._:-]{1,128}$/.test(text) ? text : null;
}
