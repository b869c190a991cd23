// 128-D face descriptor from face-api's FaceRecognitionNet (a port of dlib's ResNet-29 metric
// network) on an aligned 150x150 chip, through face-api's own API. Descriptors of one person lie
// within Euclidean distance ~0.6 of each other; see engine/match for the comparison and
// engine/calibration for the score. The pipeline computes the same descriptor with
// tfjs-recognition-trunk.ts (which also keeps intermediate activations); this stock call is the
// reference that proves the two equal.
import { CHIP_SIZE } from '../../align/face-chip';
import type { FaceRuntime } from './tfjs-runtime';

export async function computeDescriptor(rt: FaceRuntime, chip: Uint8Array): Promise<Float32Array> {
  const { faceapi } = rt;
  const tensor = faceapi.tf.tensor3d(chip, [CHIP_SIZE, CHIP_SIZE, 3], 'float32');
  try {
    const result = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(tensor);
    const descriptor = Array.isArray(result) ? result[0] : result;
    if (descriptor === undefined || descriptor.length !== 128) {
      throw new Error('recognition net returned no 128-D descriptor');
    }
    return descriptor;
  } finally {
    tensor.dispose();
  }
}
