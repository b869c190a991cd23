// face-api's stock pipeline (SsdMobilenetv1 + 68 landmarks + descriptor, detectSingleFace), run on
// the same backend and the same decoded frame, as the bench's yardstick (issue 3, `bench engine`).
import { decodeImage } from '../../image/decode-image';
import { validateImage } from '../../image/validate-image';
import type { PipelineConfig } from '../../pipeline/pipeline-config';
import type { FaceRuntime } from './tfjs-runtime';

export async function runReferencePipeline(
  rt: FaceRuntime,
  bytes: Uint8Array,
  cfg: PipelineConfig,
): Promise<boolean> {
  if (!rt.ssdLoaded) throw new Error('the reference pipeline needs SsdMobilenetv1 loaded');
  const header = validateImage(bytes, cfg.limits);
  const img = await decodeImage(bytes, header, cfg.limits, cfg.maxWorkingSide);
  const { faceapi } = rt;
  const tensor = faceapi.tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
  try {
    const result = await faceapi
      .detectSingleFace(tensor, new faceapi.SsdMobilenetv1Options())
      .withFaceLandmarks()
      .withFaceDescriptor();
    return result !== undefined;
  } finally {
    tensor.dispose();
  }
}
