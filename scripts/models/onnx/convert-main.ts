// `npm run models:onnx`: writes the ONNX models the engine runs, from the face-api weights in
// node_modules, into the folder src-main/engine/onnx/onnx-model-paths.ts names.
import { parseArgs } from 'node:util';
import { defaultModelDir } from '../../../src-main/engine/models/model-paths';
import { defaultOnnxModelDir } from '../../../src-main/engine/onnx/onnx-model-paths';
import { convertAll } from './convert';

const { values } = parseArgs({
  options: { out: { type: 'string' }, weights: { type: 'string' } },
});
const started = performance.now();
const outDir = values.out ?? defaultOnnxModelDir();
const result = convertAll(values.weights ?? defaultModelDir(), outDir);
const ms = Math.round(performance.now() - started);
console.log(
  result.upToDate
    ? `ONNX models in ${outDir} are up to date (${ms} ms)`
    : `wrote ${result.written.length} ONNX models to ${outDir} in ${ms} ms`,
);
