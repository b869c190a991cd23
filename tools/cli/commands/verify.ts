// faceauth-station verify --reference IMG --face IMG [--policy FILE] --json
// Enrolls the reference, verifies the face against it, prints one FaceAuth result or FaceAuth
// error object, and exits 0 for both (issue 3). Usage mistakes exit 2.
import fs from 'node:fs';
import { ProjectPolicySchema, type ProjectPolicy } from '../../../src-shared/faceauth/policy';
import { faceAuthError, type FaceAuthOutcome } from '../../../src-shared/faceauth/result';
import { createFaceEngine, DEFAULT_POLICY } from '../../../src-main/engine';
import { requireValue } from '../../shared/args';
import type { Command } from '../command';
import { cliLogger } from '../../shared/logger';

function readPolicy(file: string | undefined): ProjectPolicy | undefined {
  if (file === undefined) return DEFAULT_POLICY;
  try {
    return ProjectPolicySchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

function readImage(file: string): Uint8Array | undefined {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

export const verifyCommand: Command = {
  words: ['verify'],
  summary: 'verify one face image against one reference image; prints FaceAuth JSON',
  usage: 'verify --reference IMG --face IMG [--policy FILE] [--json]',
  valueOptions: ['reference', 'face', 'policy'],
  async run(args, io) {
    const reference = readImage(requireValue(args, 'reference'));
    const face = readImage(requireValue(args, 'face'));
    const policy = readPolicy(args.values.get('policy'));
    let outcome: FaceAuthOutcome;
    if (policy === undefined) {
      outcome = faceAuthError('invalid_data_format');
    } else if (reference === undefined || face === undefined) {
      outcome = faceAuthError('required_field_missing');
    } else {
      const engine = await createFaceEngine({
        workers: 1,
        logger: cliLogger(args.flags.has('verbose')),
      });
      try {
        const enrolled = await engine.enroll(reference);
        outcome = enrolled.ok
          ? await engine.verify({ faceImage: face, templates: [enrolled.template], policy })
          : enrolled.error;
      } finally {
        await engine.close();
      }
    }
    io.out(args.flags.has('json') ? JSON.stringify(outcome) : JSON.stringify(outcome, null, 2));
    return 0;
  },
};
