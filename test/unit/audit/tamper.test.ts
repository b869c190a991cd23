// Audit chain (issue 5): 1,000 random tamperings of a real chain on disk (byte flips in any
// column, deleted, inserted and reordered entries, and a chain re-hashed after an edit), each
// applied inside a transaction that is rolled back afterwards; verify() must catch every one.
// A re-hashed chain is self-consistent, so it is caught by the head the central API confirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../../../src-main/audit/append';
import { canonicalJson } from '../../../src-main/audit/canonical';
import { AUDIT_KINDS, computeEntryHash, type AuditHead } from '../../../src-main/audit/chain';
import { currentAuditHead } from '../../../src-main/audit/head';
import { verifyAuditChain } from '../../../src-main/audit/verify';
import { inTransaction, type WritableDb } from '../../../src-main/database/db/sql';
import type { AuditRow } from '../../../src-main/database/queries/audit';
import { openTestStore, type TestStore } from '../../support/store/context';
import { seededRandom } from '../../../src-shared/seeded-random';

const ENTRIES = 200;
const TAMPERINGS = 1000;
const SEED = 0x5eed_a0d1;

// Seeded so a failure can be replayed.
const random = seededRandom(SEED);
const pick = (n: number): number => Math.floor(random() * n);

let store: TestStore;
let trustedHead: AuditHead;

beforeAll(() => {
  store = openTestStore();
  inTransaction(store.db, () => {
    for (let i = 0; i < ENTRIES; i += 1) {
      appendAuditEntry(
        store.db,
        {
          kind: AUDIT_KINDS[i % AUDIT_KINDS.length] ?? 'station',
          actor: i % 7 === 0 ? null : `op-${i % 5}`,
          payload: { n: i, note: `entry ${i}`, nested: { ok: i % 2 === 0, list: [i, i * 2] } },
        },
        store.clock.now + i * 1000,
      );
    }
  });
  const head = currentAuditHead(store.db);
  if (head === null) throw new Error('no chain');
  trustedHead = head;
});
afterAll(() => store.close());

function rows(db: WritableDb): AuditRow[] {
  return db.prepare(`SELECT * FROM audit_log ORDER BY seq`).all() as AuditRow[];
}

function flipChar(text: string): string {
  const i = pick(text.length);
  const code = text.charCodeAt(i);
  let replacement = code;
  while (replacement === code) replacement = 0x21 + pick(0x5e);
  return text.slice(0, i) + String.fromCharCode(replacement) + text.slice(i + 1);
}

const COLUMNS = ['seq', 'at', 'kind', 'actor', 'payload_json', 'prev_hash', 'hash'] as const;

type Tampering = (db: WritableDb) => string;

const tamperings: Record<string, Tampering> = {
  byte_flip(db) {
    const row = rows(db)[pick(ENTRIES)] as AuditRow;
    const column = COLUMNS[pick(COLUMNS.length)] as (typeof COLUMNS)[number];
    const value = row[column];
    const next =
      column === 'seq'
        ? ENTRIES + 1 + pick(1000)
        : column === 'at'
          ? (value as number) ^ (1 << pick(30))
          : value === null
            ? 'intruder'
            : flipChar(value as string);
    db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(next, row.seq);
    return `flip ${column} of ${row.seq}`;
  },
  deleted(db) {
    const seq = 1 + pick(ENTRIES);
    db.prepare(`DELETE FROM audit_log WHERE seq = ?`).run(seq);
    return `delete ${seq}`;
  },
  inserted(db) {
    // A forged entry, correctly hashed onto its predecessor, slipped in before an existing one.
    const at = 1 + pick(ENTRIES);
    const prev = db.prepare(`SELECT hash FROM audit_log WHERE seq = ?`).get(at - 1) as
      { hash: string } | undefined;
    db.prepare(`UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= ?`).run(at);
    db.prepare(`UPDATE audit_log SET seq = seq - 999999 WHERE seq >= 1000000`).run();
    const forged = {
      seq: at,
      at: store.clock.now,
      kind: 'override',
      actor: 'mallory',
      payloadJson: canonicalJson({ decision: 'approved' }),
      prevHash: prev?.hash ?? '0'.repeat(64),
    };
    // Columns named: migration 0007 added `mac`, which a forger cannot compute (left NULL).
    db.prepare(
      `INSERT INTO audit_log (seq, at, kind, actor, payload_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      forged.seq,
      forged.at,
      forged.kind,
      forged.actor,
      forged.payloadJson,
      forged.prevHash,
      computeEntryHash(forged),
    );
    return `insert at ${at}`;
  },
  reordered(db) {
    const i = 1 + pick(ENTRIES);
    let j = i;
    while (j === i) j = 1 + pick(ENTRIES);
    const a = db.prepare(`SELECT * FROM audit_log WHERE seq = ?`).get(i) as AuditRow;
    const b = db.prepare(`SELECT * FROM audit_log WHERE seq = ?`).get(j) as AuditRow;
    const move = db.prepare(
      `UPDATE audit_log SET at = ?, kind = ?, actor = ?, payload_json = ?, prev_hash = ?, hash = ? WHERE seq = ?`,
    );
    move.run(b.at, b.kind, b.actor, b.payload_json, b.prev_hash, b.hash, i);
    move.run(a.at, a.kind, a.actor, a.payload_json, a.prev_hash, a.hash, j);
    return `swap ${i} ${j}`;
  },
  rehashed(db) {
    // Edit one entry, then recompute every hash after it: locally self-consistent.
    const from = 1 + pick(ENTRIES);
    const all = rows(db);
    let prevHash = from === 1 ? '0'.repeat(64) : (all[from - 2] as AuditRow).hash;
    for (const row of all.slice(from - 1)) {
      const payloadJson =
        row.seq === from ? canonicalJson({ forged: true, n: pick(1e6) }) : row.payload_json;
      const hash = computeEntryHash({
        seq: row.seq,
        at: row.at,
        kind: row.kind,
        actor: row.actor,
        payloadJson,
        prevHash,
      });
      db.prepare(
        `UPDATE audit_log SET payload_json = ?, prev_hash = ?, hash = ? WHERE seq = ?`,
      ).run(payloadJson, prevHash, hash, row.seq);
      prevHash = hash;
    }
    return `rehash from ${from}`;
  },
  truncated(db) {
    // Cut the newest entries: what remains is a valid chain, shorter than the synced one.
    const keep = pick(ENTRIES);
    db.prepare(`DELETE FROM audit_log WHERE seq > ?`).run(keep);
    return `truncate to ${keep}`;
  },
};

/** Applies a tampering in a transaction that is always rolled back; returns verify()'s verdicts. */
function tryTampering(kind: string): { what: string; withHead: boolean; withoutHead: boolean } {
  const db = store.db;
  db.exec('BEGIN');
  try {
    // A local attacker removes the append-only triggers first.
    db.exec(
      'DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;',
    );
    const what = (tamperings[kind] as Tampering)(db);
    return {
      what,
      withHead: verifyAuditChain(db, trustedHead).ok,
      withoutHead: verifyAuditChain(db).ok,
    };
  } finally {
    db.exec('ROLLBACK');
  }
}

describe('audit chain tampering', () => {
  it(`detects ${TAMPERINGS} random tamperings against the synced head`, () => {
    expect(verifyAuditChain(store.db, trustedHead)).toMatchObject({ ok: true, entries: ENTRIES });
    const kinds = Object.keys(tamperings);
    const byKind: Record<
      string,
      { tried: number; detected: number; detected_without_head: number }
    > = {};
    const missed: string[] = [];
    for (let i = 0; i < TAMPERINGS; i += 1) {
      const kind = kinds[i % kinds.length] as string;
      const outcome = tryTampering(kind);
      const tally = (byKind[kind] ??= { tried: 0, detected: 0, detected_without_head: 0 });
      tally.tried += 1;
      if (!outcome.withHead) tally.detected += 1;
      else missed.push(outcome.what);
      if (!outcome.withoutHead) tally.detected_without_head += 1;
    }
    const detected = Object.values(byKind).reduce((sum, t) => sum + t.detected, 0);
    console.log(
      JSON.stringify({
        audit: {
          entries: ENTRIES,
          tamperings: TAMPERINGS,
          detected,
          missed: missed.length,
          seed: SEED,
          by_kind: byKind,
        },
      }),
    );
    expect(missed).toEqual([]);
    expect(detected).toBe(TAMPERINGS);
    // Issue 11: entries carry a MAC under a key kept outside the database, so a re-hashed chain
    // is caught even without the central head (it used to pass). Cutting off the newest entries
    // still needs a head kept elsewhere (the acknowledged ones or the central API's).
    expect(byKind.rehashed?.detected_without_head).toBe(byKind.rehashed?.tried);
    expect(byKind.truncated?.detected_without_head).toBe(0);
    // The original chain is intact after all the rolled-back tamperings.
    expect(verifyAuditChain(store.db, trustedHead).ok).toBe(true);
  });

  it('reports where the chain breaks', () => {
    store.db.exec('BEGIN');
    try {
      store.db.exec('DROP TRIGGER audit_log_append_only_delete');
      store.db.prepare(`DELETE FROM audit_log WHERE seq = 10`).run();
      expect(verifyAuditChain(store.db, trustedHead).problems).toEqual([
        { seq: 11, kind: 'sequence_gap' },
        { seq: 11, kind: 'prev_hash_mismatch' },
      ]);
    } finally {
      store.db.exec('ROLLBACK');
    }
  });
});
