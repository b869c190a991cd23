// Runs each network once on a blank input right after loading. The first inference on a backend
// compiles kernels and allocates buffers (measured ~600 ms for the detector alone on wasm); doing
// it at start-up keeps that cost out of the first operator's verification.
import { CHIP_SIZE } from '../align/face-chip';
import { LANDMARK_INPUT, type FaceNetworks } from '../networks/face-networks';

export async function warmUp(nets: FaceNetworks, tinyInputSize: number): Promise<void> {
  const blank = (side: number) => new Uint8Array(side * side * 3);
  const frame = { width: tinyInputSize, height: tinyInputSize, data: blank(tinyInputSize) };
  await nets.tinyFaces(frame, { inputSize: tinyInputSize, scoreThreshold: 0.5 });
  await nets.landmarks68(blank(LANDMARK_INPUT));
  await nets.recognitionTrunk(blank(CHIP_SIZE), CHIP_SIZE);
  if (nets.ssdLoaded) await nets.ssdFaces(frame, { minConfidence: 0.5 });
}
