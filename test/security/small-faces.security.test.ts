// Issue 13: the station refuses a face whose eyes are less than 12 px apart, a rule of its own
// (ARGOS FaceAuth states no minimum size). scripts/covered/small-face-safety.ts measured why it
// stays: shrunk faces match strangers MORE often (docs/covered-faces.md, "Is comparing a small
// face safe?"). These attacks replay that on the real engine (worker pool, ONNX models): a
// stranger photographed from far away presents themself against another person's reference.
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFaceEngine,
  DEFAULT_POLICY,
  distanceToScore,
  type FaceEngine,
} from '../../src-main/engine';
import { farAwayFace } from '../../tools/evaluation/far-away-face';
import { euclidean } from '../../src-main/engine/match/descriptor-distance';
import type { FaceNetworks } from '../../src-main/engine/networks/face-networks';
import { analyzeFace } from '../../src-main/engine/pipeline/face-pipeline';
import { DEFAULT_PIPELINE_CONFIG as cfg } from '../../src-main/engine/pipeline/pipeline-config';
import { DEFAULT_QUALITY_GATE } from '../../src-main/engine/quality/assess-quality';
import { loadOnnxFaceNetworks } from '../../src-main/engine/runtime/onnx-loader';
import { isFaceAuthError } from '../../src-shared/faceauth/result';
import { HAS_FACEDATA, photo, silentLogger, SKIP_NOTE } from '../integration/engine/facedata-guard';
import { ensureOnnxModels } from '../support/onnx-models-setup';

const V = 'verification/';
/** Strangers whose faces, shrunk to eyes 8 px apart, scored 95.3 and 93.3 against these
 *  references in the measurement: over the shipped threshold of 85 had they been compared. */
const LOOK_ALIKES = [
  { probe: `${V}deepface/jeff_bezos/img21.jpg`, reference: `${V}celeba/celeba_7213/199986.jpg` },
  {
    probe: `${V}deepface/angelina_jolie/img5.jpg`,
    reference: `${V}celeba/celeba_7450/074113.jpg`,
  },
];
/** Strangers to REFERENCE, shrunk to just above the gate: compared, and must lose. */
const REFERENCE = `${V}deepface/angelina_jolie/img1.jpg`;
const STRANGERS = [
  `${V}deepface/jennifer_aniston/img3.jpg`,
  `${V}deepface/scarlett_johansson/img9.jpg`,
  `${V}deepface/katy_perry/img26.jpg`,
  `${V}deepface/marissa_mayer/img22.jpg`,
  `${V}face_recognition/obama/examples__obama.jpg`,
];
const ungated = { ...cfg, quality: { ...cfg.quality, minInterocularPx: 0 } };

describe.skipIf(!HAS_FACEDATA)(`small faces at the similarity decision${SKIP_NOTE}`, () => {
  let nets: FaceNetworks;
  let engine: FaceEngine;

  /** The photo shrunk as a whole so that the station's landmarks put its eyes `eyes` px apart. */
  async function fromFarAway(file: string, eyes: number): Promise<Uint8Array> {
    const full = await analyzeFace(nets, photo(file), cfg);
    return farAwayFace(photo(file), eyes / full.quality.interocularPx);
  }

  async function enrolled(file: string) {
    const result = await engine.enroll(photo(file));
    if (!result.ok) throw new Error(`${file} did not enrol: ${result.error.errorCode}`);
    return result.template;
  }

  const answerOf = (outcome: Awaited<ReturnType<FaceEngine['verify']>>): string => {
    if (isFaceAuthError(outcome)) return outcome.errorCode;
    if (outcome.auth_status === 'approved') return 'approved';
    return `rejected:${outcome.fail_code.join('+')}`;
  };

  beforeAll(async () => {
    nets = await loadOnnxFaceNetworks(
      ort,
      { executionProviders: ['cpu'] },
      { modelDir: ensureOnnxModels(), loadSsd: true, loadCovered: true },
    );
    engine = await createFaceEngine({ workers: 1, logger: silentLogger });
  }, 240_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('attack: a look-alike stranger photographed from far away is not approved', async () => {
    for (const { probe, reference } of LOOK_ALIKES) {
      const small = await fromFarAway(probe, 8);
      const template = await enrolled(reference);
      // The attack is real: compared without the gate, the small face passes the threshold.
      const ungatedFace = await analyzeFace(nets, small, ungated);
      expect(ungatedFace.quality.interocularPx).toBeLessThan(9);
      const score = distanceToScore(euclidean(ungatedFace.descriptor, template.descriptor));
      expect(score, probe).toBeGreaterThanOrEqual(DEFAULT_POLICY.faceSimilarity_threshold);
      // The station refuses it before the similarity decision.
      const outcome = await engine.verify({
        faceImage: small,
        templates: [template],
        policy: DEFAULT_POLICY,
      });
      expect(answerOf(outcome), probe).toBe('image_processing_error');
    }
  }, 180_000);

  it('attack: strangers just above the minimum face size lose on similarity', async () => {
    const template = await enrolled(REFERENCE);
    const answers: string[] = [];
    for (const file of STRANGERS) {
      const small = await fromFarAway(file, DEFAULT_QUALITY_GATE.minInterocularPx + 1);
      const outcome = await engine.verify({
        faceImage: small,
        templates: [template],
        policy: DEFAULT_POLICY,
      });
      answers.push(`${file} ${answerOf(outcome)}`);
    }
    // Compared (not refused) and rejected as FaceAuth would: face_compare_underscore.
    expect(answers.filter((a) => a.endsWith(' rejected:face_compare_underscore'))).toHaveLength(
      STRANGERS.length,
    );
  }, 180_000);
});
