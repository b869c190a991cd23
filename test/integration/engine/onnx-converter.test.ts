// `npm run models:onnx` is reproducible: converting face-api's shipped weights twice gives
// byte-identical files, the models in the default folder are exactly what a fresh conversion
// gives, and a current folder is left alone while a stale or incomplete one is rewritten.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  convertAll,
  convertGraphModel,
  convertNetwork,
  defaultGraphModelDir,
  NETWORKS,
} from '../../../scripts/models/onnx/convert';
import { GRAPH_MODELS } from '../../../scripts/models/onnx/graph-models';
import { defaultModelDir } from '../../../src-main/engine/models/model-paths';
import { ensureOnnxModels } from '../../support/onnx-models-setup';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const weights = defaultModelDir();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'onnx-convert-'));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('ONNX converter', () => {
  it.each(NETWORKS.map((n) => [n.file, n] as const))(
    '%s: two conversions are byte-identical, and equal the shipped default folder',
    (file, recipe) => {
      const first = sha256(convertNetwork(recipe, weights));
      const second = sha256(convertNetwork(recipe, weights));
      expect(second).toBe(first);
      const installed = fs.readFileSync(path.join(ensureOnnxModels(), file));
      expect(sha256(installed)).toBe(first);
    },
  );

  it.each(GRAPH_MODELS.map((m) => [m.file, m] as const))(
    '%s (tfjs graph model): two conversions are byte-identical, and equal the default folder',
    (file, recipe) => {
      const first = sha256(convertGraphModel(recipe, defaultGraphModelDir()));
      const second = sha256(convertGraphModel(recipe, defaultGraphModelDir()));
      expect(second).toBe(first);
      const installed = fs.readFileSync(path.join(ensureOnnxModels(), file));
      expect(sha256(installed)).toBe(first);
    },
  );

  it('writes once, then skips while current, and rewrites what is missing or stale', () => {
    const out = path.join(scratch, 'models');
    const first = convertAll(weights, out);
    expect(first.upToDate).toBe(false);
    // The graph models (tfjs model.json from @vladmandic/human) are written with face-api's.
    expect(first.written.map((f) => path.basename(f))).toEqual([
      ...NETWORKS.map((n) => n.file),
      ...GRAPH_MODELS.map((m) => m.file),
    ]);
    const mtime = fs.statSync(first.written[0]!).mtimeMs;

    expect(convertAll(weights, out)).toEqual({ written: [], upToDate: true });
    expect(fs.statSync(first.written[0]!).mtimeMs).toBe(mtime);

    fs.rmSync(first.written[1]!);
    expect(convertAll(weights, out).upToDate).toBe(false);
    expect(fs.existsSync(first.written[1]!)).toBe(true);

    // A stamp from other weights or another converter version means the models are stale.
    fs.writeFileSync(path.join(out, 'conversion.stamp'), 'other inputs\n');
    expect(convertAll(weights, out).upToDate).toBe(false);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses weights it cannot read with an error naming them', () => {
    expect(() =>
      convertAll(path.join(scratch, 'no-such-weights'), path.join(scratch, 'x')),
    ).toThrow(/face_recognition_model-weights_manifest\.json/);
  });
});
