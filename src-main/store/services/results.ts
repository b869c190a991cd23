// Recording local FaceAuth results and the central API's verdict on them. A result, its outbox
// item and its audit entry are written in ONE transaction: after a crash either all three exist
// or none does. Reading them back: result-reads.ts.
import { appendAuditEntry } from '../../audit/append';
import { FaceAuthResultSchema, type FaceAuthResult } from '../../../src-shared/faceauth/result';
import { requireWritable, type StoreContext } from '../../database/context';
import { cipherContext } from '../../database/crypto/biometric-cipher';
import { checkpointTruncate } from '../../database/db/pragmas';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { deleteOutboxByRef, insertOutbox } from '../../database/queries/outbox';
import {
  findResult,
  insertResult,
  markResultSynced,
  setCentralVerdict,
} from '../../database/queries/results';
import { purgeImagesNow } from './retention';
import { readSetting } from './settings';

/** The optional fields of POST /v3/faceauth, kept so that sync can send them on. */
export interface FaceAuthRequestFields {
  userId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
}

export interface RecordResultInput {
  submissionId: string;
  result: FaceAuthResult;
  requestFields?: FaceAuthRequestFields;
  modelVersion: string;
  policyVersion: string;
  operatorId: string | null;
  capturedImage?: Uint8Array | null;
}

function requestFieldsOf(fields: FaceAuthRequestFields | undefined): FaceAuthRequestFields {
  const out: FaceAuthRequestFields = {};
  for (const key of ['userId', 'cf1', 'cf2', 'cf3'] as const) {
    const value = fields?.[key];
    if (value !== undefined) {
      if (typeof value !== 'string')
        throw new StoreError('invalid_input', `${key} must be a string`);
      out[key] = value;
    }
  }
  return out;
}

export function recordResult(
  ctx: StoreContext,
  input: RecordResultInput,
): { authenticationId: string; outboxId: number; auditSeq: number } {
  const parsed = FaceAuthResultSchema.safeParse(input.result);
  if (!parsed.success) throw new StoreError('invalid_input', 'result is not a FaceAuth result');
  if (!input.submissionId || !input.modelVersion || !input.policyVersion) {
    throw new StoreError(
      'invalid_input',
      'submissionId, modelVersion and policyVersion are required',
    );
  }
  const result = parsed.data;
  const authenticationId = result.authentication_id;
  // Serialised from the parsed value, so fields keep the documented order and nothing extra.
  const resultJson = JSON.stringify(result);
  const requestFields = requestFieldsOf(input.requestFields);
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const imageEnc =
    input.capturedImage == null
      ? null
      : ctx.cipher.encrypt(input.capturedImage, cipherContext.capturedImage(authenticationId));

  return inTransaction(db, () => {
    if (findResult(db, authenticationId) !== undefined) {
      throw new StoreError('conflict', `result ${authenticationId} already recorded`);
    }
    insertResult(db, {
      authenticationId,
      submissionId: input.submissionId,
      authStatus: result.auth_status,
      createTime: result.create_time,
      resultJson,
      requestFieldsJson: JSON.stringify(requestFields),
      modelVersion: input.modelVersion,
      policyVersion: input.policyVersion,
      stationId: ctx.stationId,
      operatorId: input.operatorId,
      capturedImageEnc: imageEnc,
      imagePurgedAt: null,
      recordedAt: now,
      syncedAt: null,
      centralVerdictJson: null,
      centralVerdictAt: null,
    });
    const outboxId = insertOutbox(
      db,
      {
        kind: 'result',
        ref: authenticationId,
        payloadJson: JSON.stringify({
          authenticationId,
          submissionId: input.submissionId,
          stationId: ctx.stationId,
          requestFields,
          result,
        }),
      },
      now,
    );
    const entry = appendAuditEntry(
      db,
      {
        kind: 'decision',
        actor: input.operatorId,
        payload: {
          authenticationId,
          submissionId: input.submissionId,
          authStatus: result.auth_status,
          failCodes: result.auth_status === 'rejected' ? result.fail_code : [],
          modelVersion: input.modelVersion,
          policyVersion: input.policyVersion,
          stationId: ctx.stationId,
        },
      },
      now,
    );
    return { authenticationId, outboxId, auditSeq: entry.seq };
  });
}

/**
 * The central API's answer for a synced result. Recording it also confirms the result's outbox
 * item and, when retention says so, purges the captured image (all in one transaction).
 */
export function recordCentralVerdict(
  ctx: StoreContext,
  authenticationId: string,
  verdict: unknown,
): void {
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const purgeAfterSync = readSetting(ctx, 'retention').purgeImageAfterSync;
  const purged = inTransaction(db, () => {
    if (!setCentralVerdict(db, authenticationId, JSON.stringify(verdict ?? null), now)) {
      throw new StoreError('not_found', `no result ${authenticationId}`);
    }
    markResultSynced(db, authenticationId, now);
    deleteOutboxByRef(db, 'result', authenticationId);
    return purgeAfterSync ? purgeImagesNow(ctx, db, 'synced', now) : 0;
  });
  if (purged > 0) checkpointTruncate(db);
}
