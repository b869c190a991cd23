// Local FaceAuth results as History, sync and exports read them: the stored result with its
// overrides and the names of the people involved, and the decrypted live image.
import type { FaceAuthResult } from '../../../src-shared/faceauth/result';
import type { StoreContext } from '../../database/context';
import { cipherContext } from '../../database/crypto/biometric-cipher';
import type { ReadableDb } from '../../database/db/sql';
import {
  findResult,
  listOverrides,
  listRecentResults,
  operatorDisplayName,
  type NamedOverrideRow,
  type ResultRecord,
} from '../../database/queries/results';
import type { FaceAuthRequestFields } from './results';

export interface StoredResult {
  authenticationId: string;
  submissionId: string;
  result: FaceAuthResult;
  /** The exact JSON text stored (documented field order). */
  resultJson: string;
  requestFields: FaceAuthRequestFields;
  modelVersion: string;
  policyVersion: string;
  stationId: string;
  operatorId: string | null;
  /** The desk operator's display name, for people reading history. */
  operatorName: string | null;
  hasCapturedImage: boolean;
  imagePurgedAt: number | null;
  recordedAt: number;
  syncedAt: number | null;
  centralVerdict: unknown;
  overrides: {
    decision: string;
    reason: string;
    supervisorId: string;
    /** Who authorised it: the approving supervisor, or the desk operator for a rejection. */
    supervisorName: string | null;
    createdAt: number;
  }[];
}

export function toStoredResult(
  record: ResultRecord,
  overrides: NamedOverrideRow[],
  operatorName: string | null,
): StoredResult {
  return {
    authenticationId: record.authenticationId,
    submissionId: record.submissionId,
    result: JSON.parse(record.resultJson) as FaceAuthResult,
    resultJson: record.resultJson,
    requestFields: JSON.parse(record.requestFieldsJson) as FaceAuthRequestFields,
    modelVersion: record.modelVersion,
    policyVersion: record.policyVersion,
    stationId: record.stationId,
    operatorId: record.operatorId,
    operatorName,
    hasCapturedImage: record.capturedImageEnc !== null,
    imagePurgedAt: record.imagePurgedAt,
    recordedAt: record.recordedAt,
    syncedAt: record.syncedAt,
    centralVerdict:
      record.centralVerdictJson === null
        ? null
        : (JSON.parse(record.centralVerdictJson) as unknown),
    overrides: overrides.map((o) => ({
      decision: o.decision,
      reason: o.reason,
      supervisorId: o.supervisor_id,
      supervisorName: o.supervisor_name,
      createdAt: o.created_at,
    })),
  };
}

/** A result with its overrides and the names of the people involved. */
export function storedResultOf(db: ReadableDb, record: ResultRecord): StoredResult {
  return toStoredResult(
    record,
    listOverrides(db, record.authenticationId),
    operatorDisplayName(db, record.operatorId),
  );
}

export function getResult(ctx: StoreContext, authenticationId: string): StoredResult | null {
  const record = findResult(ctx.read, authenticationId);
  return record === undefined ? null : storedResultOf(ctx.read, record);
}

export function recentResults(ctx: StoreContext, limit: number): StoredResult[] {
  const bounded = Math.max(1, Math.min(500, Math.trunc(limit)));
  return listRecentResults(ctx.read, bounded).map((r) => storedResultOf(ctx.read, r));
}

/** The decrypted live image, for the sync client to send to POST /v3/faceauth. */
export function capturedImage(ctx: StoreContext, authenticationId: string): Uint8Array | null {
  const record = findResult(ctx.read, authenticationId);
  if (record?.capturedImageEnc == null) return null;
  return ctx.cipher.decrypt(record.capturedImageEnc, cipherContext.capturedImage(authenticationId));
}
