// The hash chain: entry n commits to entry n-1's hash and to its own content, so that editing,
// removing, inserting or reordering any entry changes every hash after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_KINDS = [
  'decision',
  'override',
  'login',
  'logout',
  'operator',
  'settings',
  'purge',
  'station',
  /** Someone looked at biometric data (a captured image, a reference thumbnail, a CSV export). */
  'access',
  /** An admin erased one person's biometrics: the tombstone. */
  'erase',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEntry {
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  kind: string;
  actor: string | null;
  /** Canonical JSON text of the payload, exactly as hashed. */
  payloadJson: string;
  prevHash: string;
  hash: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

/** SHA-256 over the canonical header line and the payload's stored bytes. */
export function computeEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const header = canonicalJson({
    actor: entry.actor,
    at: entry.at,
    kind: entry.kind,
    prev: entry.prevHash,
    seq: entry.seq,
  });
  return createHash('sha256').update(header).update('\n').update(entry.payloadJson).digest('hex');
}

export function isAuditKind(value: string): value is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(value);
}
