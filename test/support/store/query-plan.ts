// Runs a real query function on a real database while recording the statements it prepares,
// then asks SQLite how it would run each one (EXPLAIN QUERY PLAN), so an index test checks the
// query the station actually sends, not a copy of it.
import type Database from 'better-sqlite3';

export interface StatementPlan {
  text: string;
  /** The plan's detail lines, e.g. "SEARCH results USING INDEX results_with_image (...)". */
  details: string[];
}

export function plansOf<T extends Database.Database>(
  db: T,
  run: (db: T) => unknown,
): StatementPlan[] {
  const texts: string[] = [];
  const recording = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (text: string) => {
          texts.push(text);
          return target.prepare(text);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  run(recording);
  return texts.map((text) => {
    // Values do not change the plan's choice of index here; every parameter is bound to NULL.
    const parameters = new Array<null>(text.split('?').length - 1).fill(null);
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...parameters) as {
      detail: string;
    }[];
    return { text, details: rows.map((row) => row.detail) };
  });
}
