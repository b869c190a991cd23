// FaceNetworks on TensorFlow.js through face-api: today's engine, kept as the fallback wherever
// ONNX Runtime has no binary or fails to start. The calls are the ones the pipeline made directly
// before the seam existed, moved here unchanged so the descriptor stays bit-identical.
import type { RgbImage } from '../../image/rgb-image';
import type {
  FaceNetworks,
  RawDetection,
  SsdDetectorOptions,
  TinyDetectorOptions,
} from '../face-networks';
import { LANDMARK_INPUT } from '../face-networks';
import { recognitionTrunk } from './tfjs-recognition-trunk';
import type { FaceRuntime } from './tfjs-runtime';

type FaceApiBox = { box: { x: number; y: number; width: number; height: number }; score: number };

function toRaw(found: readonly FaceApiBox[]): RawDetection[] {
  return found.map((d) => ({
    box: { x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height },
    score: d.score,
  }));
}

export function tfjsNetworks(rt: FaceRuntime): FaceNetworks {
  const { faceapi } = rt;
  // The full working image goes in as is: handing the detector a libvips-shrunk copy saves a
  // little tensor work but shifts boxes (and so landmarks) enough to cost ~0.6-0.9 points of FNMR
  // at FMR 1e-3 in measurements on facedata/verification.
  const withImageTensor = async <T>(
    img: RgbImage,
    run: (t: ReturnType<typeof faceapi.tf.tensor3d>) => Promise<T>,
  ): Promise<T> => {
    const tensor = faceapi.tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
    try {
      return await run(tensor);
    } finally {
      tensor.dispose();
    }
  };
  return {
    runtime: rt.backend.backend,
    ssdLoaded: rt.ssdLoaded,
    tinyFaces: (img: RgbImage, options: TinyDetectorOptions) =>
      withImageTensor(img, async (t) =>
        toRaw(
          await faceapi.nets.tinyFaceDetector.locateFaces(
            t,
            new faceapi.TinyFaceDetectorOptions(options),
          ),
        ),
      ),
    ssdFaces: async (img: RgbImage, options: SsdDetectorOptions) => {
      if (!rt.ssdLoaded) throw new Error('SsdMobilenetv1 is not loaded');
      return withImageTensor(img, async (t) =>
        toRaw(
          await faceapi.nets.ssdMobilenetv1.locateFaces(
            t,
            new faceapi.SsdMobilenetv1Options(options),
          ),
        ),
      );
    },
    async landmarks68(patch) {
      const tensor = faceapi.tf.tensor3d(patch, [LANDMARK_INPUT, LANDMARK_INPUT, 3], 'int32');
      try {
        const result = await faceapi.nets.faceLandmark68Net.detectLandmarks(tensor);
        const landmarks = Array.isArray(result) ? result[0] : result;
        if (landmarks === undefined) throw new Error('landmark net returned nothing');
        return landmarks.positions.map((p) => ({ x: p.x, y: p.y }));
      } finally {
        tensor.dispose();
      }
    },
    recognitionTrunk: (patch, size) => recognitionTrunk(rt, patch, size),
    ...(rt.coveredFaceNet === undefined ? {} : { coveredFaces: rt.coveredFaceNet }),
    // face-api's networks are module-level singletons shared by the whole worker; they live as
    // long as it does.
    dispose: async () => undefined,
  };
}
