// Where the ONNX models are. They are not in git: `npm run models:onnx` (run by `npm run build`
// and by the test setup) writes them from the face-api weights in node_modules into
// resources/models/onnx at the project root. Both the sources (src-main/…) and the bundle
// (out/main/…) sit below that root, so it is found by walking up to the station's package.json.
// FACEAUTH_ONNX_MODEL_DIR overrides it (a packaged app or a GPU pack keeps them elsewhere).
import fs from 'node:fs';
import path from 'node:path';

export const ONNX_MODEL_FILES = {
  recognition: 'face_recognition.onnx',
  landmarks: 'face_landmark_68.onnx',
  tinyDetector: 'tiny_face_detector.onnx',
  ssdDetector: 'ssd_mobilenetv1.onnx',
} as const;

export type OnnxNetworkName = keyof typeof ONNX_MODEL_FILES;

const PACKAGE_NAME = 'faceauth-station';

function projectRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
          return dir;
        }
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The folder holding the ONNX models (the one place this default is decided). */
export function defaultOnnxModelDir(): string {
  const override = process.env.FACEAUTH_ONNX_MODEL_DIR;
  if (override !== undefined && override !== '') return path.resolve(override);
  const root = projectRoot(import.meta.dirname) ?? process.cwd();
  return path.join(root, 'resources', 'models', 'onnx');
}

export function onnxModelPath(network: OnnxNetworkName, dir = defaultOnnxModelDir()): string {
  return path.join(dir, ONNX_MODEL_FILES[network]);
}
