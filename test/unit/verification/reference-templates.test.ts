import { describe, expect, it } from 'vitest';
import { TEMPLATE_MODEL, type FaceTemplate } from '../../../src-main/engine';
import {
  decodeReferenceTemplates,
  encodeReferenceTemplates,
} from '../../../src-main/verification/reference-templates';
import { policyVersion } from '../../../src-main/verification/policy-version';
import { LatencyRecorder } from '../../../src-main/verification/latency-recorder';
import { DEFAULT_POLICY } from '../../../src-main/engine';

const template: FaceTemplate = {
  format: 'faceauth-station/template',
  version: 1,
  model: TEMPLATE_MODEL,
  descriptor: Array.from({ length: 128 }, (_, i) => i / 128),
};

describe('reference templates', () => {
  it('round-trips several templates through the opaque bytes the store keeps', () => {
    const encoded = encodeReferenceTemplates([template, template]);
    expect(encoded.modelVersion).toBe(TEMPLATE_MODEL);
    expect(decodeReferenceTemplates(encoded)).toEqual([template, template]);
  });

  it('refuses templates of another model or damaged bytes instead of comparing them', () => {
    const encoded = encodeReferenceTemplates([template]);
    expect(decodeReferenceTemplates({ ...encoded, modelVersion: 'other-model' })).toBeNull();
    expect(
      decodeReferenceTemplates({ ...encoded, data: new TextEncoder().encode('{not json') }),
    ).toBeNull();
    expect(
      decodeReferenceTemplates({ ...encoded, data: new TextEncoder().encode('[]') }),
    ).toBeNull();
  });
});

describe('policy version', () => {
  it('names a policy by its content, whatever the key order', () => {
    const reordered = Object.fromEntries(
      Object.entries(DEFAULT_POLICY).reverse(),
    ) as typeof DEFAULT_POLICY;
    expect(policyVersion(reordered)).toBe(policyVersion(DEFAULT_POLICY));
    expect(policyVersion({ ...DEFAULT_POLICY, faceSimilarity_threshold: 70 })).not.toBe(
      policyVersion(DEFAULT_POLICY),
    );
  });
});

describe('latency recorder', () => {
  it('reports p50 and p95 of the most recent samples only', () => {
    const recorder = new LatencyRecorder(100);
    expect(recorder.summary()).toEqual({ samples: 0, p50Ms: null, p95Ms: null });
    for (let ms = 1; ms <= 300; ms += 1) recorder.record(ms);
    expect(recorder.summary()).toEqual({ samples: 100, p50Ms: 251, p95Ms: 296 });
  });
});
