// The central API's address and keys in the store: keys stay with the origin they were entered
// for (a new origin clears them, audited), and plaintext remote addresses are refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin, login } from '../../../src-main/operators/service';
import { lastAuditRow } from '../../../src-main/database/queries/audit';
import {
  readCentralConfig,
  writeCentralConfig,
} from '../../../src-main/store/services/central-config';
import { openTestStore, type TestStore } from '../../support/store/context';

let store: TestStore;
let token: string;

beforeEach(async () => {
  store = openTestStore();
  const password = 'correct horse battery staple';
  await bootstrapAdmin(store.ctx, { username: 'admin', displayName: 'A', password });
  token = ((await login(store.ctx, 'admin', password)) as { token: string }).token;
});
afterEach(() => store.close());

const KEYS = { faceAuthKey: 'faceauth-key-0001', idCheckKey: 'idcheck-key-0002' };

describe('central config', () => {
  it('keeps the keys when the address changes within the same origin', () => {
    writeCentralConfig(store.ctx, token, { baseUrl: 'https://central.example/v1', ...KEYS });
    writeCentralConfig(store.ctx, token, { baseUrl: 'https://central.example/v2' });
    expect(readCentralConfig(store.ctx)).toEqual({
      baseUrl: 'https://central.example/v2',
      ...KEYS,
    });
  });

  it('clears both keys when the origin changes, and audits it', () => {
    writeCentralConfig(store.ctx, token, { baseUrl: 'https://central.example', ...KEYS });
    writeCentralConfig(store.ctx, token, { baseUrl: 'https://central.example:8443' });
    expect(readCentralConfig(store.ctx)).toEqual({
      baseUrl: 'https://central.example:8443',
      faceAuthKey: null,
      idCheckKey: null,
    });
    const audit = JSON.parse(lastAuditRow(store.db)?.payload_json ?? '{}') as Record<
      string,
      unknown
    >;
    expect(audit).toMatchObject({ keysClearedForNewOrigin: true });
  });

  it('takes keys entered together with a new origin as that origin’s', () => {
    writeCentralConfig(store.ctx, token, { baseUrl: 'https://old.example', ...KEYS });
    writeCentralConfig(store.ctx, token, {
      baseUrl: 'https://new.example',
      faceAuthKey: 'faceauth-key-new1',
    });
    expect(readCentralConfig(store.ctx)).toEqual({
      baseUrl: 'https://new.example',
      faceAuthKey: 'faceauth-key-new1',
      idCheckKey: null,
    });
  });

  it('refuses a plaintext remote address with a typed error naming it', () => {
    expect(() =>
      writeCentralConfig(store.ctx, token, { baseUrl: 'http://central.example' }),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: expect.stringContaining('http://central.example'),
      }),
    );
    expect(readCentralConfig(store.ctx).baseUrl).toBeNull();
  });
});
