import type { WritableDb } from '../db/sql';

/** One schema step. `up` is pure DDL/DML on the connection; the runner wraps it in a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: WritableDb) => void;
}
