// The console bridge tests' station: the one in-process browser host (engine off), its three
// accounts, fresh bridge connections and results stored as a verification would have written
// them. Shared by console-bridge-sessions and console-bridge-results.
import type WebSocket from 'ws';
import type { BrowserHost } from '../../src-main/browser-host/browser-host';
import { silentLogger } from '../../src-main/host/logger';
import { startTestBrowserHost } from './browser-host-fixture';
import { call, openBridge } from './ws-client';

export const ADMIN = { username: 'admin', displayName: 'Ada', password: 'admin password 1' };
export const DESK = {
  username: 'desk1',
  displayName: 'Dana',
  role: 'operator',
  password: 'desk password 12',
};
export const SUPER = {
  username: 'super1',
  displayName: 'Sam',
  role: 'supervisor',
  password: 'super password 12',
};

export interface ConsoleStation {
  host: BrowserHost;
  /** A fresh connection: a desk of its own, not signed in. */
  connection(): Promise<WebSocket>;
  /** Creates the first admin and the desk and supervisor accounts. */
  createAccounts(): Promise<void>;
  /** A stored result for SUB-1, as a verification would have written it; returns its id. */
  storedResult(status: 'approved' | 'rejected'): Promise<string>;
  close(): Promise<void>;
}

export async function startConsoleStation(): Promise<ConsoleStation> {
  const fixture = await startTestBrowserHost(silentLogger, { stationId: 'station-console' });
  const { host } = fixture;
  const connection = () => openBridge(host.origin, host.token);
  return {
    host,
    connection,
    createAccounts: async () => {
      const admin = await connection();
      await call(admin, 'session:createFirstAdmin', ADMIN);
      for (const account of [DESK, SUPER]) await call(admin, 'operators:create', account);
      admin.close();
    },
    storedResult: async (status) => {
      const id = `01a2${Math.random().toString(16).slice(2, 10)}-0000-7000-8000-000000000000`;
      const base = {
        authentication_id: id,
        create_time: new Date().toISOString(),
        score: { face_similarity_score: status === 'approved' ? 96 : 40 },
      };
      await host.services.store.send('results:record', {
        submissionId: 'SUB-1',
        result:
          status === 'approved'
            ? { ...base, auth_status: 'approved' }
            : {
                ...base,
                auth_status: 'rejected',
                fail_code: ['face_compare_underscore'],
                rejected_comment: ['Face compare similarity score is lower than the threshold'],
              },
        modelVersion: 'test',
        policyVersion: 'test',
        operatorId: null,
      });
      return id;
    },
    close: () => fixture.close(),
  };
}
