// Erasing one person (GDPR art. 17, BIPA's destruction duty): an admin removes everything the
// station holds of a submission's biometrics (reference templates, thumbnail, every captured
// image of its results) in one transaction with an audit tombstone (who, which id, when, how
// much). secure_delete zeroes the freed bytes and the TRUNCATE checkpoint empties the WAL, the
// same method retention's purge relies on (test/integration/store/purge.test.ts).
import { appendAuditEntry } from '../../audit/append';
import { requireSession } from '../../operators/sessions';
import { requireWritable, type StoreContext } from '../../database/context';
import { checkpointTruncate } from '../../database/db/pragmas';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { eraseCapturedImagesOf } from '../../database/queries/results';
import { eraseSubmissionBiometrics } from '../../database/queries/submissions';

export interface ErasureReport {
  submission: boolean;
  images: number;
  walTruncated: boolean;
}

export function erasePerson(
  ctx: StoreContext,
  sessionToken: string,
  submissionId: string,
): ErasureReport {
  const admin = requireSession(ctx, sessionToken, 'admin');
  if (submissionId.trim() === '')
    throw new StoreError('invalid_input', 'a submission id is needed');
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const erased = inTransaction(db, () => {
    const submission = eraseSubmissionBiometrics(db, submissionId, now);
    const images = eraseCapturedImagesOf(db, submissionId, now);
    appendAuditEntry(
      db,
      {
        kind: 'erase',
        actor: admin.operator.username,
        payload: { submissionId, submission, authenticationIds: images },
      },
      now,
    );
    return { submission, images: images.length };
  });
  return { ...erased, walTruncated: checkpointTruncate(db) };
}
