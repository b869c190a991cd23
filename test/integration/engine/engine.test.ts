// The face engine end to end on a few real photos: real models, real worker threads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FaceAuthErrorSchema,
  FaceAuthResultSchema,
  isFaceAuthError,
} from '../../../src-shared/faceauth/result';
import {
  createFaceEngine,
  DEFAULT_POLICY,
  EngineBusyError,
  type FaceEngine,
  type FaceTemplate,
} from '../../../src-main/engine';
import { RUNTIME_ORDER } from '../../../src-main/engine/runtime/runtime-names';
import { HAS_FACEDATA, photo, silentLogger, SKIP_NOTE } from './facedata-guard';

const JOLIE = 'verification/deepface/angelina_jolie/';
const OBAMA = 'verification/face_recognition/obama/';

describe.skipIf(!HAS_FACEDATA)(`face engine on real photos${SKIP_NOTE}`, () => {
  let engine: FaceEngine;
  let jolie: FaceTemplate;

  beforeAll(async () => {
    engine = await createFaceEngine({ workers: 1, maxQueue: 2, logger: silentLogger });
    const enrolled = await engine.enroll(photo(`${JOLIE}img1.jpg`));
    if (!enrolled.ok) throw new Error(`reference did not enrol: ${enrolled.error.errorCode}`);
    jolie = enrolled.template;
    // ONNX Runtime's sessions take seconds to create on a loaded 2-core machine (measured 3.6 s
    // for the four models at load average 15), on top of the worker's start.
  }, 180_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('reports the runtime it runs on and why better ones were refused', () => {
    // Issue 12: ONNX Runtime first (its providers in order), TensorFlow.js after it.
    const d = engine.diagnostics();
    const order = RUNTIME_ORDER as readonly string[];
    expect(order).toContain(d.backend);
    if (!d.forced) {
      const better = order.slice(0, order.indexOf(d.backend));
      expect(d.refused.map((r) => r.backend).every((b) => better.includes(b))).toBe(true);
      expect(d.providers.find((t) => t.outcome === 'serves')?.runtime).toBe(d.backend);
    }
    expect(d.modelLoadMs).toBeGreaterThan(0);
    expect(d.workers).toBe(1);
  });

  it('enrolls a serialisable 128-D template tagged with its model', () => {
    expect(jolie.descriptor).toHaveLength(128);
    expect(JSON.parse(JSON.stringify(jolie))).toEqual(jolie);
  });

  it('approves another photo of the same person', async () => {
    const outcome = await engine.verify({
      faceImage: photo(`${JOLIE}img2.jpg`),
      templates: [jolie],
      policy: DEFAULT_POLICY,
    });
    const result = FaceAuthResultSchema.parse(outcome);
    expect(result.auth_status).toBe('approved');
    expect(result.score.face_similarity_score).toBeGreaterThanOrEqual(85);
  });

  it('rejects a different person with face_compare_underscore', async () => {
    const outcome = await engine.verify({
      faceImage: photo(`${OBAMA}examples__obama.jpg`),
      templates: [jolie],
      policy: DEFAULT_POLICY,
    });
    expect(FaceAuthResultSchema.parse(outcome)).toMatchObject({
      auth_status: 'rejected',
      fail_code: ['face_compare_underscore'],
      rejected_comment: ['Face compare similarity score is lower than the threshold'],
    });
  });

  it('scores against the closest of several templates', async () => {
    const obama = await engine.enroll(photo(`${OBAMA}examples__obama2.jpg`));
    if (!obama.ok) throw new Error('obama did not enrol');
    const outcome = await engine.verify({
      faceImage: photo(`${JOLIE}img2.jpg`),
      templates: [obama.template, jolie],
      policy: DEFAULT_POLICY,
    });
    expect(isFaceAuthError(outcome) ? outcome.errorCode : outcome.auth_status).toBe('approved');
  });

  it('answers no_face for a blank image and image_converting_error for a non-image', async () => {
    const blank = await engine.verify({
      faceImage: photo('negative/no_face/faceapi_white.png'),
      templates: [jolie],
      policy: DEFAULT_POLICY,
    });
    expect(FaceAuthErrorSchema.parse(blank).errorCode).toBe('no_face');
    const html = await engine.verify({
      faceImage: new TextEncoder().encode('<html>not found</html>'),
      templates: [jolie],
      policy: DEFAULT_POLICY,
    });
    expect(html).toEqual({
      errorCode: 'image_converting_error',
      message: 'Image converting error',
    });
  });

  it('refuses missing input, foreign templates and checks it cannot measure', async () => {
    const request = {
      faceImage: photo(`${JOLIE}img2.jpg`),
      templates: [jolie],
      policy: DEFAULT_POLICY,
    };
    expect(await engine.verify({ ...request, faceImage: undefined })).toMatchObject({
      errorCode: 'required_field_missing',
    });
    expect(await engine.verify({ ...request, templates: [] })).toMatchObject({
      errorCode: 'required_field_missing',
    });
    expect(
      await engine.verify({ ...request, templates: [{ ...jolie, model: 'other-model' }] }),
    ).toMatchObject({ errorCode: 'data_processing_error' });
    expect(
      await engine.verify({ ...request, policy: { ...DEFAULT_POLICY, headCover_threshold: 50 } }),
    ).toMatchObject({ errorCode: 'detection_server_error' });
  });

  it('honours EXIF orientation (a sideways-stored photo still has a face)', async () => {
    const enrolled = await engine.enroll(photo('negative/format_edge/exif_orientation_6.jpg'));
    expect(enrolled.ok).toBe(true);
  });

  it('analyzes a preview frame cheaply: boxes and guidance, no descriptor', async () => {
    const frame = await engine.analyzeFrame(photo(`${JOLIE}img2.jpg`));
    expect(frame.format).toBe('jpeg');
    expect(frame.faces.length).toBeGreaterThanOrEqual(1);
    expect(frame.faces[0]?.score).toBeGreaterThan(0.5);
    const empty = await engine.analyzeFrame(photo('negative/no_face/faceapi_white.png'));
    expect(empty.faces).toEqual([]);
    expect(empty.guidance).toBe('no_face');
  });

  it('refuses a burst beyond its bounded queue with EngineBusyError', async () => {
    const frame = photo(`${JOLIE}img2.jpg`);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => engine.analyzeFrame(frame)),
    );
    const busy = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof EngineBusyError,
    );
    // 1 worker + queue of 2: at most 3 accepted, the rest refused at once.
    expect(busy.length).toBeGreaterThanOrEqual(5);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
  });
});
