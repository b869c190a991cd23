// Verifications that ended in a FaceAuth error (no_face, Invalid_submissionId, …). The attempt
// row and its audit entry are written in ONE transaction. What is kept: the submission id as
// typed (bounded by the bridge's schema), the error code, the operator, the station and the time;
// never the image, a template or a score, so the row holds nothing biometric. The rows stay on
// the station: an error answer has no authentication_id and the central API keeps no record of
// it (../shared/argos-faceauth.md), so there is nothing to push or reconcile.
import { randomUUID } from 'node:crypto';
import { appendAuditEntry } from '../../audit/append';
import { FaceAuthErrorSchema, type FaceAuthError } from '../../../src-shared/faceauth/result';
import { requireWritable, type StoreContext } from '../../database/context';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import {
  insertErrorAttempt,
  searchErrorAttemptRows,
  type ErrorAttemptRecord,
  type ErrorAttemptSearch,
} from '../../database/queries/error-attempts';

export function recordDecisionError(
  ctx: StoreContext,
  input: { submissionId: string; error: FaceAuthError; operatorId: string | null },
): { attemptId: string; auditSeq: number } {
  const parsed = FaceAuthErrorSchema.safeParse(input.error);
  if (!parsed.success) throw new StoreError('invalid_input', 'error is not a FaceAuth error');
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const attemptId = randomUUID();
  return inTransaction(db, () => {
    insertErrorAttempt(db, {
      attemptId,
      submissionId: input.submissionId,
      errorCode: parsed.data.errorCode,
      stationId: ctx.stationId,
      operatorId: input.operatorId,
      recordedAt: now,
    });
    const entry = appendAuditEntry(
      db,
      {
        kind: 'decision',
        actor: input.operatorId,
        payload: {
          attemptId,
          submissionId: input.submissionId,
          errorCode: parsed.data.errorCode,
          stationId: ctx.stationId,
        },
      },
      now,
    );
    return { attemptId, auditSeq: entry.seq };
  });
}

export function searchErrorAttempts(
  ctx: StoreContext,
  search: ErrorAttemptSearch,
): ErrorAttemptRecord[] {
  const limit = Math.max(1, Math.min(500, Math.trunc(search.limit)));
  return searchErrorAttemptRows(ctx.read, { ...search, limit });
}
