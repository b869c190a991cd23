// A database that fails integrity_check opens read-only, says so clearly, and is never written.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { requireWritable } from '../../../src-main/database/context';
import { openDatabase } from '../../../src-main/database/db/open-database';
import { StoreError } from '../../../src-main/database/errors';
import { upsertSubmissions } from '../../../src-main/store/services/submissions';
import { openTestStore, POLICY_85, type TestStore } from '../../support/store/context';

let store: TestStore | undefined;
afterEach(() => store?.close());

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function fillAndCorrupt(s: TestStore): void {
  const items = Array.from({ length: 400 }, (_, i) => ({
    submissionId: `sub-${i}`,
    status: 'approved',
    policy: POLICY_85,
    templates: { modelVersion: 'm1', data: new Uint8Array(512).fill(i % 251) },
  }));
  upsertSubmissions(s.ctx, items);
  s.db.close();
  // Overwrite the middle of the file (b-tree pages), leaving the 100-byte header intact.
  const fd = openSync(s.dbPath, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096 * 4);
  closeSync(fd);
}

describe('integrity failure', () => {
  it('opens read-only with a clear message and leaves the file byte-for-byte untouched', () => {
    store = openTestStore();
    fillAndCorrupt(store);
    const before = fileHash(store.dbPath);

    const opened = openDatabase({ path: store.dbPath });
    expect(opened.mode).toBe('safe-readonly');
    if (opened.mode !== 'safe-readonly') return;
    expect(opened.problems.length).toBeGreaterThan(0);
    expect(opened.message).toMatch(/READ-ONLY SAFE MODE/);
    expect(opened.message).toContain(store.dbPath);
    expect(() => opened.db.prepare(`DELETE FROM settings`).run()).toThrow();

    const safeCtx = {
      ...store.ctx,
      read: opened.db,
      writable: null,
      safeModeMessage: opened.message,
    };
    const writeError = (() => {
      try {
        requireWritable(safeCtx);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(writeError).toBeInstanceOf(StoreError);
    expect((writeError as StoreError).code).toBe('safe_mode');
    expect((writeError as StoreError).message).toMatch(/READ-ONLY SAFE MODE/);
    opened.db.close();
    expect(fileHash(store.dbPath)).toBe(before);
  });
});
