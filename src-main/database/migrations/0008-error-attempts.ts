// Released migration: never edit it; add a new numbered file instead.
// Verifications that ended in a FaceAuth error (no_face, Invalid_submissionId, …), so that History
// lists them beside the results. Only who, when, which id and which code: no image, no template,
// no score (nothing biometric). They are local only: FaceAuth answers an error with no
// authentication_id, so the central API has no record to reconcile them with.
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion8(db: WritableDb): void {
  db.exec(`
    CREATE TABLE error_attempts (
      attempt_id TEXT NOT NULL PRIMARY KEY,
      submission_id TEXT NOT NULL,
      error_code TEXT NOT NULL,
      station_id TEXT NOT NULL,
      operator_id TEXT,
      recorded_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX error_attempts_recorded_at ON error_attempts (recorded_at);
  `);
}
