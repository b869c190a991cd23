// Released migration: never edit it; add a new numbered file instead.
// The retention sweep runs hourly; without this index it would read every result row (and the
// pages of their images) to find the few that still hold a captured image.
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion4(db: WritableDb): void {
  db.exec(`
    CREATE INDEX results_with_image ON results (recorded_at, synced_at)
      WHERE captured_image_enc IS NOT NULL;
  `);
}
