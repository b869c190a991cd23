// A real browser host (engine off: no models needed) on 127.0.0.1 with a real SQLite store, and
// helpers to open bridge connections and sign people in, for the operators/access attack files.
import { join } from 'node:path';
import type WebSocket from 'ws';
import type { BrowserHost } from '../../../src-main/browser-host/browser-host';
import { silentLogger } from '../../../src-main/host/logger';
import { DATABASE_FILE } from '../../../src-main/store/station-store';
import { startTestBrowserHost } from '../browser-host-fixture';
import { call, openBridge } from '../ws-client';

export interface Account {
  username: string;
  displayName: string;
  role: 'operator' | 'supervisor' | 'admin';
  password: string;
}

export const ADMIN: Account = {
  username: 'admin',
  displayName: 'Ada',
  role: 'admin',
  password: 'admin password 1',
};

/** What the sign-in form sends (the sign-in schema is strict). */
export function credentials(account: Pick<Account, 'username' | 'password'>) {
  return { username: account.username, password: account.password };
}

export interface SecurityStation {
  host: BrowserHost;
  dbPath: string;
  connect(): Promise<WebSocket>;
  /** A fresh connection signed in as `account` (throws if the sign-in fails). */
  signedIn(account: Pick<Account, 'username' | 'password'>): Promise<WebSocket>;
  /** Creates accounts through an admin connection; returns their operator ids by username. */
  createAccounts(accounts: Account[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startSecurityStation(name: string): Promise<SecurityStation> {
  // The one browser-host fixture (test/support/browser-host-fixture.ts), with the socket cap
  // raised: these attacks test accounts, sign-in throttling and access rules, each from fresh
  // connections; the cap itself has its own attack (bridge.security.test.ts).
  const fixture = await startTestBrowserHost(silentLogger, {
    maxConnections: 256,
    stationId: `station-${name}`,
  });
  const { host, dataDir } = fixture;
  const open: WebSocket[] = [];
  const connect = async () => {
    const socket = await openBridge(host.origin, host.token);
    open.push(socket);
    return socket;
  };
  const signedIn = async (account: Pick<Account, 'username' | 'password'>) => {
    const socket = await connect();
    const answer = await call(socket, 'session:signIn', credentials(account));
    if (!answer.ok) throw new Error(`sign-in of ${account.username} failed: ${answer.error?.code}`);
    return socket;
  };
  const first = await connect();
  const created = await call(first, 'session:createFirstAdmin', {
    ...credentials(ADMIN),
    displayName: ADMIN.displayName,
  });
  if (!created.ok) throw new Error('first admin refused');
  return {
    host,
    dbPath: join(dataDir, DATABASE_FILE),
    connect,
    signedIn,
    async createAccounts(accounts) {
      const ids: Record<string, string> = {};
      for (const account of accounts) {
        const answer = await call(first, 'operators:create', account);
        if (!answer.ok) throw new Error(`could not create ${account.username}`);
        ids[account.username] = (answer.value as { operatorId: string }).operatorId;
      }
      return ids;
    },
    async close() {
      for (const socket of open) socket.close();
      await fixture.close();
    },
  };
}
