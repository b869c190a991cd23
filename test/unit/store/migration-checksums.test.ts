// Released migrations are never edited: a station that already ran one would never run the new
// text, so two stations would disagree on their schema. Each released file is pinned by the
// sha256 of its bytes (comments included: any edit is a reason to add a new migration instead).
// Releasing a migration means adding its line here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/database/migrations';

const RELEASED: Record<string, string> = {
  '0001-initial': '42df1f5e3a0ea69a7034a267db08b08120b4a6ca3a46016291c0e750ab0ad319',
  '0002-operators': '4971748d92009d265e467480ac5bedf5a498cb79c4b045c210bd5e83572629d2',
  '0003-audit-chain': 'a407455249ea663f7714d8abd996f55982a118a19a7e9730b44a658ee7dd1a1c',
  '0004-retention-indexes': '53a1e5be13056e2e99d77f291214fc358ae30966d492eb28cc096522ee3a15e6',
  '0005-sync-state': '9b584691db517a9aca88f9f65ec457840eb3461b74ffe3e41aac4307a2aeeb76',
  '0006-key-checks': '8ea9b75dcf15fcc9f9fec6423d22ab52cb96a0d27a33c8a806c32e7e3290f20f',
  '0007-audit-mac': '4ea320ea111cdb888e188d1017492b8987a2bd5eebdd40d25ececf03d1e3947f',
  '0008-error-attempts': '180eeeade1761b439553ed46983c66782766f4d769e538e0ac5a89b6fb0e213c',
  '0009-drop-unused-sweep-index':
    '40ecc9bab3b7de7231641932588d26a0be128b1b38d0d81ff4a593799afadf3d',
};

const MIGRATIONS_DIR = join(import.meta.dirname, '../../../src-main/database/migrations');

function sha256(name: string): string {
  // Line endings normalised, so a checkout with CRLF does not count as an edit.
  const text = readFileSync(join(MIGRATIONS_DIR, `${name}.ts`), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

describe('released migrations', () => {
  it.each(Object.entries(RELEASED))('%s is unchanged since its release', (name, pinned) => {
    expect(sha256(name)).toBe(pinned);
  });

  it('are still registered, in order, under their released numbers', () => {
    const released = Object.keys(RELEASED);
    expect(MIGRATIONS.slice(0, released.length).map((m) => m.name)).toEqual(released);
    MIGRATIONS.slice(0, released.length).forEach((migration, index) => {
      expect(migration.version).toBe(index + 1);
    });
  });

  it('detects an edit (the check compares bytes, not a cached value)', () => {
    const text = readFileSync(join(MIGRATIONS_DIR, '0004-retention-indexes.ts'), 'utf8');
    const edited = createHash('sha256')
      .update(text.replace('recorded_at', 'recorded_at '))
      .digest('hex');
    expect(edited).not.toBe(RELEASED['0004-retention-indexes']);
  });
});
