// SsdMobilenetv1 on ONNX Runtime, with face-api's locateFaces around it: letterbox and resize to
// 512 px, run the network (which decodes boxes against its anchors), NMS at IoU 0.5 over at most
// 100 boxes above minConfidence, clamp to the letterboxed square and map back to image pixels.
import type { RgbImage } from '../image/rgb-image';
import type { RawDetection, SsdDetectorOptions } from '../networks/face-networks';
import { EngineError } from '../errors/engine-error';
import { ssdNms } from './box-nms';
import { letterboxResize, reshapedDimensions } from './detector-input';
import { runOnnx, type OnnxNet } from './onnx-net';

export const SSD_SIDE = 512;
/** face-api SsdMobilenetv1Options default and locateFaces' fixed IoU. */
export const SSD_MAX_RESULTS = 100;
export const SSD_IOU_THRESHOLD = 0.5;

export async function onnxSsdFaces(
  net: OnnxNet,
  img: RgbImage,
  options: SsdDetectorOptions,
): Promise<RawDetection[]> {
  const input = letterboxResize(img, SSD_SIDE);
  const dims = [1, SSD_SIDE, SSD_SIDE, 3];
  const { boxes, scores } = await runOnnx(net, 'SSD detector', input, dims, [
    'boxes',
    'scores',
  ] as const);
  if (boxes.data.length !== scores.data.length * 4) {
    throw new EngineError('detection_server_error', 'SSD detector returned mismatched outputs');
  }
  const picked = ssdNms(
    boxes.data,
    scores.data,
    SSD_MAX_RESULTS,
    SSD_IOU_THRESHOLD,
    options.minConfidence,
  );
  const reshaped = reshapedDimensions(img.width, img.height, SSD_SIDE);
  const padX = SSD_SIDE / reshaped.width;
  const padY = SSD_SIDE / reshaped.height;
  return picked.map((i) => {
    const b = (k: number): number => boxes.data[4 * i + k] as number;
    const top = Math.max(0, b(0)) * padY;
    const bottom = Math.min(1, b(2)) * padY;
    const left = Math.max(0, b(1)) * padX;
    const right = Math.min(1, b(3)) * padX;
    return {
      box: {
        x: left * img.width,
        y: top * img.height,
        width: (right - left) * img.width,
        height: (bottom - top) * img.height,
      },
      score: scores.data[i] as number,
    };
  });
}
