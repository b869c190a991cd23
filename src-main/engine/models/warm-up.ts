// Runs each network once on a blank input right after loading. The first inference on a backend
// compiles kernels and allocates buffers (measured ~600 ms for the detector alone on wasm); doing
// it at start-up keeps that cost out of the first operator's verification.
import { CHIP_SIZE } from '../align/face-chip';
import { recognitionTrunk } from '../descriptor/recognition-trunk';
import type { FaceRuntime } from './face-runtime';

export async function warmUp(rt: FaceRuntime, tinyInputSize: number): Promise<void> {
  const { tf, nets, TinyFaceDetectorOptions, SsdMobilenetv1Options } = rt.faceapi;
  const blank = (side: number) => new Uint8Array(side * side * 3);
  const frame = tf.tensor3d(blank(tinyInputSize), [tinyInputSize, tinyInputSize, 3], 'int32');
  const landmarkInput = tf.tensor3d(blank(112), [112, 112, 3], 'int32');
  try {
    await nets.tinyFaceDetector.locateFaces(
      frame,
      new TinyFaceDetectorOptions({ inputSize: tinyInputSize }),
    );
    await nets.faceLandmark68Net.detectLandmarks(landmarkInput);
    await recognitionTrunk(rt, blank(CHIP_SIZE), CHIP_SIZE);
    if (rt.ssdLoaded) await nets.ssdMobilenetv1.locateFaces(frame, new SsdMobilenetv1Options());
  } finally {
    frame.dispose();
    landmarkInput.dispose();
  }
}
