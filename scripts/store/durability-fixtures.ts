// Deterministic content for the kill test: the parent can rebuild exactly what the child wrote
// for any id, and so tell a lost or altered write from a committed one.
import { createHash } from 'node:crypto';
import type { FaceAuthResult } from '../../src-shared/faceauth/result';

function digest(id: string): Buffer {
  return createHash('sha256').update(id).digest();
}

export function resultFor(id: string): FaceAuthResult {
  const d = digest(id);
  const similarity = Math.round(((d[0] ?? 0) / 255) * 1000) / 10;
  const createTime = new Date(Date.UTC(2026, 0, 1) + (d.readUInt32BE(1) % 1e9)).toISOString();
  return similarity >= 85
    ? {
        authentication_id: id,
        auth_status: 'approved',
        create_time: createTime,
        score: { face_similarity_score: similarity },
      }
    : {
        authentication_id: id,
        auth_status: 'rejected',
        create_time: createTime,
        score: { face_similarity_score: similarity },
        fail_code: ['face_compare_underscore'],
        rejected_comment: ['Face compare similarity score is lower than the threshold'],
      };
}

/** 256 B to ~8 KiB, so some writes span several pages. */
export function imageFor(id: string): Buffer {
  const d = digest(id);
  const size = 256 + (d.readUInt16BE(5) % 8000);
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += d.length) d.copy(out, i);
  return out;
}

/** The audit MAC key of the kill test, derived from its data key so every run agrees. */
export function durabilityAuditKey(dataKeyHex: string): Buffer {
  return createHash('sha256').update('durability audit key').update(dataKeyHex).digest();
}
