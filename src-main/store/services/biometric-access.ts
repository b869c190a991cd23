// Every look at biometric data by a person is audited (GDPR art. 9 and 30, BIPA): viewing a
// captured image or a reference thumbnail, and exporting results as CSV. The data and its audit
// entry come from the same store call, so no caller can fetch one without writing the other.
import { appendAuditEntry } from '../../audit/append';
import type { SessionInfo } from '../../operators/session-token';
import { requireSession } from '../../operators/sessions';
import { requireWritable, type StoreContext } from '../../database/context';
import { cipherContext } from '../../database/crypto/biometric-cipher';
import { inTransaction } from '../../database/db/sql';
import { findResult } from '../../database/queries/results';
import { findSubmission } from '../../database/queries/submissions';
import { VERIFIABLE_STATUS } from '../submission-gate';

export type AccessWhat = 'captured_image' | 'thumbnail' | 'results_csv' | 'results_file';

function audit(
  ctx: StoreContext,
  viewer: SessionInfo,
  what: AccessWhat,
  payload: Record<string, unknown>,
): void {
  const db = requireWritable(ctx);
  inTransaction(db, () => {
    appendAuditEntry(
      db,
      { kind: 'access', actor: viewer.operator.username, payload: { what, ...payload } },
      ctx.clock(),
    );
  });
}

export function viewCapturedImage(
  ctx: StoreContext,
  sessionToken: string,
  authenticationId: string,
): Uint8Array | null {
  const viewer = requireSession(ctx, sessionToken);
  const record = findResult(ctx.read, authenticationId);
  if (record?.capturedImageEnc == null) return null;
  const image = ctx.cipher.decrypt(
    record.capturedImageEnc,
    cipherContext.capturedImage(authenticationId),
  );
  audit(ctx, viewer, 'captured_image', { authenticationId, submissionId: record.submissionId });
  return image;
}

export function viewThumbnail(
  ctx: StoreContext,
  sessionToken: string,
  submissionId: string,
): Uint8Array | null {
  const viewer = requireSession(ctx, sessionToken);
  const record = findSubmission(ctx.read, submissionId);
  if (record?.thumbnailEnc == null || record.status !== VERIFIABLE_STATUS) return null;
  const thumbnail = ctx.cipher.decrypt(record.thumbnailEnc, cipherContext.thumbnail(submissionId));
  audit(ctx, viewer, 'thumbnail', { submissionId });
  return thumbnail;
}

/** An export of results (the console's CSV, or a file): who, when, how many rows, which filter. */
export function recordResultsExport(
  ctx: StoreContext,
  sessionToken: string,
  rows: number,
  filter: Record<string, unknown>,
  what: 'results_csv' | 'results_file' = 'results_csv',
): void {
  const viewer = requireSession(ctx, sessionToken, 'supervisor');
  audit(ctx, viewer, what, { rows, filter });
}
