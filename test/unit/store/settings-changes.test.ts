// The store writes and audits a setting only when its value changes, and each operator's own
// language is kept apart from the station's default and from other operators'.
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin, createOperator, login } from '../../../src-main/operators/service';
import { iterateAuditRows } from '../../../src-main/database/queries/audit';
import {
  readOperatorLanguage,
  writeOwnLanguage,
} from '../../../src-main/store/services/operator-language';
import { readSetting, writeSetting } from '../../../src-main/store/services/settings';
import { openTestStore, type TestStore } from '../../support/store/context';

let store: TestStore | undefined;
afterEach(() => store?.close());

async function tokenOf(s: TestStore, username: string, password: string): Promise<string> {
  const outcome = await login(s.ctx, username, password);
  if (!outcome.ok) throw new Error('login failed');
  return outcome.token;
}

function settingsAudits(s: TestStore): Record<string, unknown>[] {
  return [...iterateAuditRows(s.ctx.read)]
    .filter((row) => row.kind === 'settings')
    .map((row) => JSON.parse(row.payload_json) as Record<string, unknown>);
}

describe('settings written only when changed', () => {
  it('rewrites and audits one key once; the same value again writes nothing', async () => {
    store = openTestStore();
    await bootstrapAdmin(store.ctx, {
      username: 'admin',
      displayName: 'A',
      password: 'admin password 1',
    });
    const token = await tokenOf(store, 'admin', 'admin password 1');
    const retention = { capturedImageDays: 30, purgeImageAfterSync: true, templateDays: 60 };
    expect(writeSetting(store.ctx, token, 'retention', retention)).toBe(true);
    // Same value, keys in another order: unchanged.
    expect(
      writeSetting(store.ctx, token, 'retention', {
        templateDays: 60,
        capturedImageDays: 30,
        purgeImageAfterSync: true,
      }),
    ).toBe(false);
    // The default value of a key never written is not a change either.
    expect(writeSetting(store.ctx, token, 'stationName', 'FaceAuth Station')).toBe(false);
    expect(settingsAudits(store)).toEqual([
      expect.objectContaining({ key: 'retention', after: retention }),
    ]);
    expect(readSetting(store.ctx, 'retention')).toEqual(retention);
  });
});

describe('language per operator', () => {
  it('one operator’s choice changes neither the station default nor another operator', async () => {
    store = openTestStore();
    const adminAccount = await bootstrapAdmin(store.ctx, {
      username: 'admin',
      displayName: 'A',
      password: 'admin password 1',
    });
    const admin = await tokenOf(store, 'admin', 'admin password 1');
    const kim = await createOperator(store.ctx, admin, {
      username: 'kim',
      displayName: 'Kim',
      role: 'operator',
      password: 'kim password 123',
    });
    const kimToken = await tokenOf(store, 'kim', 'kim password 123');
    expect(writeOwnLanguage(store.ctx, kimToken, 'ko')).toBe(true);
    expect(writeOwnLanguage(store.ctx, kimToken, 'ko')).toBe(false);
    expect(readOperatorLanguage(store.ctx.read, kim.operatorId)).toBe('ko');
    expect(readOperatorLanguage(store.ctx.read, adminAccount.operatorId)).toBeNull();
    expect(readSetting(store.ctx, 'language')).toBe('en');
    expect(() => writeOwnLanguage(store!.ctx, kimToken, 'fr')).toThrow(/language/);
    expect(settingsAudits(store)).toEqual([
      expect.objectContaining({ key: 'operatorLanguage', operatorId: kim.operatorId, after: 'ko' }),
    ]);
  });
});
