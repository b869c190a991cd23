// Reports what main received for a captured frame. With the engine ready, the engine's worker
// pool validates, decodes and detects faces. Without it, main reads only the image header (its
// size, a few bytes parsed without a decoder): the main process, which holds the data keys,
// never runs an image decoder on bytes from the renderer (issue 11).
import type { AnalyzeFrameRequest, AnalyzeFrameResponse } from '../../src-shared/contract/frame';
import { BridgeError } from '../../src-shared/contract/envelope';
import { readImageHeader, type FaceEngine } from '../engine';
import { sniffImageFormat } from '../../src-shared/image-format';

/** Frames above this many pixels are refused (a 4K frame is 8.3 MP). */
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
  const header = readImageHeader(request.image);
  if (header === undefined || header.width === 0 || header.height === 0)
    throw new BridgeError('bad_request', 'The frame could not be decoded');
  if (header.width * header.height > MAX_FRAME_PIXELS)
    throw new BridgeError('bad_request', 'The frame is larger than a camera frame can be');
  return {
    bytes,
    format,
    width: header.width,
    height: header.height,
    faces: null,
    guidance: null,
    processingMs: performance.now() - started,
  };
}
