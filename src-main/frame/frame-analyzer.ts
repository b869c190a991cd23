// Reports what main received for a captured frame. With the engine ready, the engine's worker
// pool validates, decodes and detects faces; without it, sharp decodes on libuv's thread pool.
// Neither path runs image work on the main event loop.
import sharp from 'sharp';
import type { AnalyzeFrameRequest, AnalyzeFrameResponse } from '../../src-shared/contract/frame';
import { BridgeError } from '../../src-shared/contract/envelope';
import type { FaceEngine } from '../engine';
import { sniffImageFormat } from './image-sniff';

/** Frames above this many pixels are refused before decoding (a 4K frame is 8.3 MP). */
const MAX_FRAME_PIXELS = 12_000_000;

export async function analyzeFrame(
  request: AnalyzeFrameRequest,
  engine: FaceEngine | null,
): Promise<AnalyzeFrameResponse> {
  const format = sniffImageFormat(request.image);
  if (format === null)
    throw new BridgeError('bad_request', 'The frame is neither a JPEG nor a PNG');
  if (`image/${format}` !== request.mime) {
    throw new BridgeError('bad_request', `The frame is ${format} but was labelled ${request.mime}`);
  }
  const started = performance.now();
  const bytes = request.image.byteLength;
  if (engine !== null) {
    const frame = await engine.analyzeFrame(request.image).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'EngineBusyError') throw error;
      throw new BridgeError('bad_request', 'The frame could not be processed');
    });
    return {
      bytes,
      format,
      width: frame.width,
      height: frame.height,
      faces: frame.faces.map(({ box, score }) => ({ ...box, score })),
      guidance: frame.guidance ?? null,
      processingMs: performance.now() - started,
    };
  }
  let decoded: { width: number; height: number };
  try {
    const { info } = await sharp(request.image, { limitInputPixels: MAX_FRAME_PIXELS })
      .raw()
      .toBuffer({ resolveWithObject: true });
    decoded = info;
  } catch {
    throw new BridgeError('bad_request', 'The frame could not be decoded');
  }
  return {
    bytes,
    format,
    width: decoded.width,
    height: decoded.height,
    faces: null,
    guidance: null,
    processingMs: performance.now() - started,
  };
}
