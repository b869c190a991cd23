// Decodes a captured frame and reports what main received. Face detection is delegated to
// the engine when one is attached; decoding runs on libuv's thread pool (sharp), not on the
// event loop.
import sharp from 'sharp';
import type {
  AnalyzeFrameRequest,
  AnalyzeFrameResponse,
  FaceBox,
} from '../../src-shared/contract/frame';
import { BridgeError } from '../../src-shared/contract/envelope';
import { sniffImageFormat } from './image-sniff';

export interface FaceDetector {
  detectFaces(image: Uint8Array): Promise<FaceBox[]>;
}

/** Frames above this many pixels are refused before decoding (a 4K frame is 8.3 MP). */
const MAX_FRAME_PIXELS = 12_000_000;

export async function analyzeFrame(
  request: AnalyzeFrameRequest,
  detector: FaceDetector | null,
): Promise<AnalyzeFrameResponse> {
  const format = sniffImageFormat(request.image);
  if (format === null)
    throw new BridgeError('bad_request', 'The frame is neither a JPEG nor a PNG');
  if (`image/${format}` !== request.mime) {
    throw new BridgeError('bad_request', `The frame is ${format} but was labelled ${request.mime}`);
  }
  const started = performance.now();
  let width: number;
  let height: number;
  try {
    const decoded = await sharp(request.image, { limitInputPixels: MAX_FRAME_PIXELS })
      .raw()
      .toBuffer({ resolveWithObject: true });
    width = decoded.info.width;
    height = decoded.info.height;
  } catch {
    throw new BridgeError('bad_request', 'The frame could not be decoded');
  }
  const decodeMs = performance.now() - started;
  const faces = detector === null ? null : await detector.detectFaces(request.image);
  return { bytes: request.image.byteLength, format, width, height, faces, decodeMs };
}
