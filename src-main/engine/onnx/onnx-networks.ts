// FaceNetworks on ONNX Runtime: the four converted face-api networks behind the pipeline's seam.
// The sessions come in ready made, so the caller (../networks) decides the execution provider,
// the threads and which thread drives them.
import type { FaceNetworks } from '../networks/face-networks';
import { EngineError } from '../errors/engine-error';
import { onnxBlazeFace } from './onnx-blazeface';
import { onnxLandmarks68 } from './onnx-landmarks';
import type { OnnxNet } from './onnx-net';
import { onnxRecognitionTrunk } from './onnx-recognition';
import { onnxSsdFaces } from './onnx-ssd-detector';
import { onnxTinyFaces } from './onnx-tiny-detector';

export interface OnnxNetSet {
  tinyDetector: OnnxNet;
  landmarks: OnnxNet;
  recognition: OnnxNet;
  /** Optional: the last-resort detector. */
  ssdDetector?: OnnxNet;
  /** Optional: BlazeFace, the covered-face stage (../detect/covered-face-detector.ts). */
  blazeFace?: OnnxNet;
}

export function onnxNetworks(nets: OnnxNetSet, runtime: string): FaceNetworks {
  const { ssdDetector, blazeFace } = nets;
  return {
    runtime,
    ssdLoaded: ssdDetector !== undefined,
    tinyFaces: (img, options) => onnxTinyFaces(nets.tinyDetector, img, options),
    ssdFaces: async (img, options) => {
      if (ssdDetector === undefined) {
        throw new EngineError('detection_server_error', 'SsdMobilenetv1 is not loaded');
      }
      return onnxSsdFaces(ssdDetector, img, options);
    },
    landmarks68: (patch) => onnxLandmarks68(nets.landmarks, patch),
    recognitionTrunk: (patch, size) => onnxRecognitionTrunk(nets.recognition, patch, size),
    ...(blazeFace === undefined ? {} : { coveredFaces: onnxBlazeFace(blazeFace) }),
    dispose: async () => {
      const sessions = [
        nets.tinyDetector,
        nets.landmarks,
        nets.recognition,
        ssdDetector,
        blazeFace,
      ];
      await Promise.all(sessions.map((n) => n?.session.release()));
    },
  };
}
