// The seam between the face pipeline and whatever runs the neural networks. The pipeline (detect,
// landmarks, descriptor, warm-up) calls only these networks (four, and BlazeFace when loaded); pre- and post-processing that
// is not network work (cropping, alignment, box scaling, fallbacks) stays in the pipeline. Two
// implementations: TensorFlow.js through face-api (tfjs/tfjs-networks.ts, today's engine and the
// fallback) and ONNX Runtime (../onnx/). Inputs are plain RGB bytes, outputs plain numbers, so an
// implementation needs no tensor type of the other's.
import type { Point2 } from '../align/similarity-transform';
import type { FaceBox } from '../detect/face-box';
import type { RgbImage } from '../image/rgb-image';

/** One detector hit, box in pixels of the image the detector was given. */
export interface RawDetection {
  box: FaceBox;
  score: number;
}

export interface TinyDetectorOptions {
  /** Square network input side (face-api: a multiple of 32; the engine uses 320). */
  inputSize: number;
  scoreThreshold: number;
}

export interface SsdDetectorOptions {
  minConfidence: number;
}

/** Side of the RGB patch the 68-point landmark network takes. */
export const LANDMARK_INPUT = 112;

export interface TrunkFeatures {
  /** The 128-channel stage averaged along each row: rows x 128 values, top row first. */
  rows128: Float32Array;
  rows: number;
  /** Mean of the first 256-channel stage (before the last down-sampling block). */
  mean256: Float32Array;
  /** The 128-D metric embedding (the verification descriptor). */
  embedding: Float32Array;
}

/** The covered-face detector (BlazeFace, ../detect/covered-face-detector.ts): a square RGB patch
 *  of `inputSize`² in, the raw 896 × 17 anchor rows out (decoding is shared TypeScript). */
export interface CoveredFaceNet {
  readonly inputSize: number;
  run(patch: Uint8Array): Promise<Float32Array>;
}

/** MediaPipe's face mesh (../landmarks/facemesh-landmarks.ts): a square RGB patch of
 *  `inputSize`² in, 468 points (x, y, z in patch pixels, row-major) and a face-presence score. */
export interface FaceMeshNet {
  readonly inputSize: number;
  run(patch: Uint8Array): Promise<{ mesh: Float32Array; faceScore: number }>;
}

/** Which runtime serves the networks, for diagnostics and the bench (e.g. 'onnx-cpu', 'wasm'). */
export type NetworksRuntimeName = string;

export interface FaceNetworks {
  readonly runtime: NetworksRuntimeName;
  /** SsdMobilenetv1 is optional (a last-resort detector); ssdFaces rejects when it is not loaded. */
  readonly ssdLoaded: boolean;
  /** TinyFaceDetector on the whole image, face-api's letterboxing and NMS included. */
  tinyFaces(img: RgbImage, options: TinyDetectorOptions): Promise<RawDetection[]>;
  /** SsdMobilenetv1 on the whole image, face-api's decoding and NMS included. */
  ssdFaces(img: RgbImage, options: SsdDetectorOptions): Promise<RawDetection[]>;
  /** FaceLandmark68Net on a LANDMARK_INPUT² RGB patch (row-major); points in patch pixels. */
  landmarks68(patch: Uint8Array): Promise<Point2[]>;
  /** FaceRecognitionNet on a size² RGB patch (150 for the aligned chip), with the intermediate
   *  activations the attribute checks read. */
  recognitionTrunk(patch: Uint8Array, size: number): Promise<TrunkFeatures>;
  /** BlazeFace, when loaded: the last detector, for faces behind masks and under helmets. */
  readonly coveredFaces?: CoveredFaceNet;
  /** The face mesh, when loaded: landmarks for faces whose 68-point fit cannot be trusted. */
  readonly faceMesh?: FaceMeshNet;
  /** Frees sessions and tensors; the object is unusable afterwards. */
  dispose(): Promise<void>;
}
