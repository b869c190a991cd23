// Retention policy as data: a table of cases for captured images and templates, and the
// settings that change it (admin only, audited).
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin, login } from '../../../src-main/operators/service';
import { confirmOutbox } from '../../../src-main/store/services/outbox';
import { runRetention } from '../../../src-main/store/services/retention';
import { getResult } from '../../../src-main/store/services/result-reads';
import { recordResult } from '../../../src-main/store/services/results';
import {
  readSetting,
  SETTING_DEFAULTS,
  writeSetting,
} from '../../../src-main/store/services/settings';
import { lookupSubmission, upsertSubmissions } from '../../../src-main/store/services/submissions';
import { findOutboxByRef } from '../../../src-main/database/queries/outbox';
import { verifyAuditChain } from '../../../src-main/audit/verify';
import { DAY_MS, openTestStore, POLICY_85, type TestStore } from '../../support/store/context';
import { approvedResult } from '../../support/store/fixtures';

let store: TestStore | undefined;
afterEach(() => store?.close());

async function adminToken(s: TestStore): Promise<string> {
  await bootstrapAdmin(s.ctx, {
    username: 'admin',
    displayName: 'A',
    password: 'admin password 1',
  });
  const outcome = await login(s.ctx, 'admin', 'admin password 1');
  if (!outcome.ok) throw new Error('login failed');
  return outcome.token;
}

describe('captured image retention', () => {
  it.each([
    // imageDays, purgeAfterSync, synced, ageDays, purged
    [30, true, false, 29, false],
    [30, true, false, 31, true],
    [30, true, true, 0, true],
    [30, false, true, 0, false],
    [30, false, true, 31, true],
    [0, false, false, 0.001, true],
  ] as const)(
    'days=%d afterSync=%s synced=%s age=%d days -> purged=%s',
    async (imageDays, afterSync, synced, ageDays, purged) => {
      store = openTestStore();
      const token = await adminToken(store);
      writeSetting(store.ctx, token, 'retention', {
        capturedImageDays: imageDays,
        purgeImageAfterSync: afterSync,
        templateDays: 90,
      });
      recordResult(store.ctx, {
        submissionId: 's',
        result: approvedResult('a-1'),
        modelVersion: 'm',
        policyVersion: 'p',
        operatorId: null,
        capturedImage: Buffer.from('image'),
      });
      if (synced) {
        const item = findOutboxByRef(store.db, 'result', 'a-1');
        confirmOutbox(store.ctx, item === undefined ? [] : [item.outboxId]);
      }
      store.clock.advance(ageDays * DAY_MS);
      runRetention(store.ctx);
      expect(getResult(store.ctx, 'a-1')?.hasCapturedImage).toBe(!purged);
    },
  );
});

describe('template retention', () => {
  it.each([
    [90, 89, false],
    [90, 91, true],
    [7, 8, true],
  ] as const)(
    'templateDays=%d, not seen for %d days -> purged=%s',
    async (days, unseen, purged) => {
      store = openTestStore();
      const token = await adminToken(store);
      writeSetting(store.ctx, token, 'retention', {
        ...SETTING_DEFAULTS.retention,
        templateDays: days,
      });
      upsertSubmissions(store.ctx, [
        {
          submissionId: 's-1',
          status: 'approved',
          policy: POLICY_85,
          templates: { modelVersion: 'm', data: new Uint8Array(16) },
          thumbnail: new Uint8Array(4),
        },
      ]);
      store.clock.advance(unseen * DAY_MS);
      expect(runRetention(store.ctx).templatesPurged).toBe(purged ? 1 : 0);
      const found = lookupSubmission(store.ctx, 's-1');
      expect(found.found && found.templates === null).toBe(purged);
      expect(found.found && found.thumbnail === null).toBe(purged);
    },
  );
});

describe('retention settings', () => {
  it('are changed by an admin only, validated, and audited', async () => {
    store = openTestStore();
    const token = await adminToken(store);
    expect(() =>
      writeSetting(store!.ctx, token, 'retention', {
        capturedImageDays: -1,
        purgeImageAfterSync: true,
        templateDays: 1,
      }),
    ).toThrow(/bad value/);
    writeSetting(store.ctx, token, 'retention', {
      capturedImageDays: 7,
      purgeImageAfterSync: true,
      templateDays: 30,
    });
    expect(readSetting(store.ctx, 'retention')).toEqual({
      capturedImageDays: 7,
      purgeImageAfterSync: true,
      templateDays: 30,
    });
    const audit = store.db
      .prepare(`SELECT kind, actor FROM audit_log WHERE kind = 'settings'`)
      .all();
    expect(audit).toEqual([{ kind: 'settings', actor: 'admin' }]);
    expect(verifyAuditChain(store.db).ok).toBe(true);
  });
});
