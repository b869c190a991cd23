// Where the engine looks for the ONNX models: the project's resources/models/onnx, found from
// wherever the code runs (sources or bundle), unless FACEAUTH_ONNX_MODEL_DIR says otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultOnnxModelDir,
  ONNX_MODEL_FILES,
  onnxModelPath,
} from '../../../../src-main/engine/onnx/onnx-model-paths';

const saved = process.env.FACEAUTH_ONNX_MODEL_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.FACEAUTH_ONNX_MODEL_DIR;
  else process.env.FACEAUTH_ONNX_MODEL_DIR = saved;
});

describe('ONNX model paths', () => {
  it('defaults to resources/models/onnx at the station’s project root', () => {
    delete process.env.FACEAUTH_ONNX_MODEL_DIR;
    const dir = defaultOnnxModelDir();
    expect(dir.endsWith(path.join('resources', 'models', 'onnx'))).toBe(true);
    const root = path.resolve(dir, '..', '..', '..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      name: string;
    };
    expect(pkg.name).toBe('faceauth-station');
  });

  it('follows FACEAUTH_ONNX_MODEL_DIR, made absolute; an empty value is ignored', () => {
    process.env.FACEAUTH_ONNX_MODEL_DIR = 'relative/models';
    expect(defaultOnnxModelDir()).toBe(path.resolve('relative/models'));
    expect(onnxModelPath('recognition')).toBe(
      path.resolve('relative/models', ONNX_MODEL_FILES.recognition),
    );
    process.env.FACEAUTH_ONNX_MODEL_DIR = '';
    expect(defaultOnnxModelDir().endsWith(path.join('resources', 'models', 'onnx'))).toBe(true);
  });

  it('names one file per converted network', () => {
    expect(onnxModelPath('tinyDetector', '/m')).toBe(path.join('/m', 'tiny_face_detector.onnx'));
    expect(new Set(Object.values(ONNX_MODEL_FILES)).size).toBe(4);
  });
});
