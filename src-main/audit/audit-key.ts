// The audit chain's MAC key, bound to the database connection it seals. The key lives outside
// the database (its own wrapped file, see store/keys/); the worker binds it to its connection at
// start-up, so that every writer of audit entries seals them without passing the key around.
// A connection with no key bound can neither append nor verify: both fail loudly.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReadableDb } from '../database/db/sql';

const boundKeys = new WeakMap<ReadableDb, Buffer>();

export function bindAuditKey(db: ReadableDb, key: Uint8Array): void {
  boundKeys.set(db, Buffer.from(key));
}

export function auditKeyOf(db: ReadableDb): Buffer | undefined {
  return boundKeys.get(db);
}

export function requireAuditKey(db: ReadableDb): Buffer {
  const key = boundKeys.get(db);
  if (key === undefined) throw new Error('no audit MAC key is bound to this database connection');
  return key;
}

/** HMAC-SHA256 with a domain label, so a MAC made for one purpose never fits another. */
export function auditMac(key: Buffer, label: string, ...fields: (string | number)[]): string {
  const mac = createHmac('sha256', key).update(`faceauth-station/${label}/v1`);
  for (const field of fields) mac.update('\n').update(String(field));
  return mac.digest('hex');
}

export function macEquals(expected: string, found: string | null): boolean {
  if (found === null || found.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(found));
}

/** The MAC of one chain entry: its hash already commits to its content and its predecessor. */
export function entryMac(key: Buffer, seq: number, hash: string): string {
  return auditMac(key, 'audit-entry', seq, hash);
}

/** The MAC of a head the station-events endpoint acknowledged. */
export function acknowledgementMac(key: Buffer, seq: number, hash: string, at: number): string {
  return auditMac(key, 'audit-ack', seq, hash, at);
}
