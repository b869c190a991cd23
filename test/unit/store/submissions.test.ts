// Submissions cache: templates encrypted at rest, lookups, and revocation that stops verifying.
import { afterEach, describe, expect, it } from 'vitest';
import {
  changeSubmissionStatus,
  lookupSubmission,
  upsertSubmissions,
} from '../../../src-main/store/services/submissions';
import { submissionGate } from '../../../src-main/store/submission-gate';
import { verifyAuditChain } from '../../../src-main/audit/verify';
import { openTestStore, POLICY_85, type TestStore } from '../../support/store/context';
import { filesContaining } from '../../support/store/files';

let store: TestStore | undefined;
afterEach(() => store?.close());

const TEMPLATE = new Uint8Array(new Float32Array(128).map((_, i) => Math.sin(i) * 0.5).buffer);

function seed(s: TestStore, status = 'approved'): void {
  upsertSubmissions(s.ctx, [
    {
      submissionId: 'sub-1',
      status,
      policy: POLICY_85,
      templates: { modelVersion: 'face-api-1.7.15', data: TEMPLATE },
      thumbnail: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    },
  ]);
}

describe('submissions cache', () => {
  it('returns the decrypted templates and policy of an approved submission', () => {
    store = openTestStore();
    seed(store);
    const found = lookupSubmission(store.ctx, 'sub-1');
    expect(found).toMatchObject({ found: true, status: 'approved', policy: POLICY_85 });
    if (!found.found) return;
    expect(Buffer.from(found.templates?.data ?? [])).toEqual(Buffer.from(TEMPLATE));
    expect(found.templates?.modelVersion).toBe('face-api-1.7.15');
    expect(submissionGate(found)).toBeNull();
  });

  it('never writes template plaintext to the database files', () => {
    store = openTestStore();
    seed(store);
    expect(filesContaining(store.dbPath, TEMPLATE.subarray(0, 64))).toEqual([]);
  });

  it('binds each ciphertext to its submission: a blob copied to another row does not decrypt', () => {
    store = openTestStore();
    seed(store);
    upsertSubmissions(store.ctx, [
      {
        submissionId: 'sub-2',
        status: 'approved',
        policy: POLICY_85,
        templates: { modelVersion: 'm', data: new Uint8Array(4) },
      },
    ]);
    store.db.exec(
      `UPDATE submissions SET templates_enc = (SELECT templates_enc FROM submissions WHERE submission_id = 'sub-1') WHERE submission_id = 'sub-2'`,
    );
    expect(() => lookupSubmission(store!.ctx, 'sub-2')).toThrow(/failed authentication/);
  });

  it.each([
    ['rejected', 'invalid_submission_status'],
    ['retry', 'invalid_submission_status'],
    ['delete', 'Invalid_submissionId'],
  ])(
    'a submission later reported %s stops verifying at once (%s) and loses its biometrics',
    (status, code) => {
      store = openTestStore();
      seed(store);
      expect(changeSubmissionStatus(store.ctx, 'sub-1', status)).toBe(true);
      const found = lookupSubmission(store.ctx, 'sub-1');
      expect(found).toMatchObject({ found: true, status, templates: null, thumbnail: null });
      expect(submissionGate(found)?.errorCode).toBe(code);
      const raw = store.db.prepare(`SELECT templates_enc, thumbnail_enc FROM submissions`).get();
      expect(raw).toEqual({ templates_enc: null, thumbnail_enc: null });
      const audit = verifyAuditChain(store.db);
      expect(audit.ok).toBe(true);
      expect(audit.entries).toBe(1);
    },
  );

  it('answers Invalid_submissionId for an unknown submission', () => {
    store = openTestStore();
    expect(submissionGate(lookupSubmission(store.ctx, 'nope'))?.errorCode).toBe(
      'Invalid_submissionId',
    );
  });

  it('does not store templates handed in with a non-approved status', () => {
    store = openTestStore();
    seed(store, 'submit');
    expect(store.db.prepare(`SELECT templates_enc FROM submissions`).get()).toEqual({
      templates_enc: null,
    });
  });

  it('shares one policy row between submissions with the same policy and keeps last-seen monotonic', () => {
    store = openTestStore();
    const item = (id: string, seenAt: number) => ({
      submissionId: id,
      status: 'approved',
      policy: POLICY_85,
      templates: { modelVersion: 'm', data: new Uint8Array(8) },
      seenAt,
    });
    upsertSubmissions(store.ctx, [item('a', 100), item('b', 100)]);
    upsertSubmissions(store.ctx, [item('a', 50)]);
    expect(store.db.prepare(`SELECT count(*) AS n FROM project_policies`).get()).toEqual({ n: 1 });
    const a = lookupSubmission(store.ctx, 'a');
    expect(a.found && a.lastSeenAt).toBe(100);
  });

  it('rejects the whole batch when any item has an invalid policy', () => {
    store = openTestStore();
    const good = {
      submissionId: 'ok',
      status: 'approved',
      policy: POLICY_85,
      templates: { modelVersion: 'm', data: new Uint8Array(8) },
    };
    const bad = {
      ...good,
      submissionId: 'bad',
      policy: { ...POLICY_85, faceSimilarity_threshold: 150 },
    };
    expect(() => upsertSubmissions(store!.ctx, [good, good, bad])).toThrow(/bad policy for bad/);
    expect(lookupSubmission(store.ctx, 'ok').found).toBe(false);
  });
});
