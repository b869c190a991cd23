// FaceLandmark68Net on ONNX Runtime: 68 points, in pixels of the 112 px patch, from the same patch
// the TensorFlow.js path takes. The network outputs x, y pairs relative to the patch; a square
// patch needs none of face-api's letterbox correction, so they only scale by its side.
import type { Point2 } from '../align/similarity-transform';
import { LANDMARK_INPUT } from '../networks/face-networks';
import { EngineError } from '../errors/engine-error';
import { rgbInput, runOnnx, type OnnxNet } from './onnx-net';

export async function onnxLandmarks68(net: OnnxNet, patch: Uint8Array): Promise<Point2[]> {
  const input = rgbInput('landmark network', patch, LANDMARK_INPUT);
  const dims = [1, LANDMARK_INPUT, LANDMARK_INPUT, 3];
  const { landmarks } = await runOnnx(net, 'landmark network', input, dims, ['landmarks'] as const);
  if (landmarks.data.length !== 136) {
    throw new EngineError('detection_server_error', 'landmark network returned no 68 points');
  }
  const points: Point2[] = [];
  for (let i = 0; i < 68; i++) {
    points.push({
      x: (landmarks.data[2 * i] as number) * LANDMARK_INPUT,
      y: (landmarks.data[2 * i + 1] as number) * LANDMARK_INPUT,
    });
  }
  return points;
}
