// The ONNX models exist (and match the face-api weights) before a test uses them, the way
// `npm run build` ensures them before a build. vitest runs the default export once per run
// (globalSetup); conversion is skipped when the models are current.
import { convertAll } from '../../scripts/models/onnx/convert';
import { defaultModelDir } from '../../src-main/engine/models/model-paths';
import { defaultOnnxModelDir } from '../../src-main/engine/onnx/onnx-model-paths';

export function ensureOnnxModels(): string {
  const dir = defaultOnnxModelDir();
  convertAll(defaultModelDir(), dir);
  return dir;
}

export default function setup(): void {
  ensureOnnxModels();
}
