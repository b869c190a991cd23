// Whether the data folder holds anything but demo data: decides if demo mode may start.
import { queryOne, sql, type ReadableDb } from '../db/sql';

/** Results or cached submissions whose submission id does not start with `demoPrefix`
 *  (compared case-sensitively, as the rest of the station recognises DEMO ids). */
export function countRealRows(db: ReadableDb, demoPrefix: string): number {
  const length = demoPrefix.length;
  const row = queryOne<{ real: number }>(
    db,
    sql`SELECT
          (SELECT COUNT(*) FROM results WHERE substr(submission_id, 1, ${length}) <> ${demoPrefix})
          + (SELECT COUNT(*) FROM submissions WHERE substr(submission_id, 1, ${length}) <> ${demoPrefix})
        AS real`,
  );
  return row?.real ?? 0;
}
