// The only way SQL reaches SQLite outside migrations: a `sql` tagged template that turns every
// interpolation into a bound `?` parameter (after Signal-Desktop's ts/sql), so a value can never
// be concatenated into a statement. Prepared statements are cached per connection by text.
import type Database from 'better-sqlite3';

export type SqlValue = string | number | bigint | Uint8Array | null;

export interface SqlQuery {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

/** A connection that may only be read (safe mode hands out nothing else). */
export type ReadableDb = Database.Database & { readonly __access?: 'read' | 'write' };
/** A connection opened for writing; a WritableDb is also a ReadableDb. */
export type WritableDb = Database.Database & { readonly __access: 'write' };

export function asWritable(db: Database.Database): WritableDb {
  return db as WritableDb;
}

// The joined text is cached per call site (a template's strings array is the same object on
// every call), so hot statements reuse one string and the statement cache hashes it once.
const textCache = new WeakMap<TemplateStringsArray, string>();

export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlQuery {
  let text = textCache.get(strings);
  if (text === undefined) {
    text = strings.join('?');
    textCache.set(strings, text);
  }
  return { text, params: values };
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepare(db: Database.Database, text: string): Database.Statement {
  let perDb = statementCache.get(db);
  if (perDb === undefined) {
    perDb = new Map();
    statementCache.set(db, perDb);
  }
  let statement = perDb.get(text);
  if (statement === undefined) {
    statement = db.prepare(text);
    perDb.set(text, statement);
  }
  return statement;
}

export function queryOne<Row>(db: ReadableDb, query: SqlQuery): Row | undefined {
  return prepare(db, query.text).get(...query.params) as Row | undefined;
}

export function queryAll<Row>(db: ReadableDb, query: SqlQuery): Row[] {
  return prepare(db, query.text).all(...query.params) as Row[];
}

/** Rows one at a time, for exports that must not hold a whole table in memory. */
export function queryIterate<Row>(db: ReadableDb, query: SqlQuery): IterableIterator<Row> {
  return prepare(db, query.text).iterate(...query.params) as IterableIterator<Row>;
}

export function execute(db: WritableDb, query: SqlQuery): Database.RunResult {
  return prepare(db, query.text).run(...query.params);
}

/** Runs `work` in one IMMEDIATE transaction: all of it commits, or none of it. */
export function inTransaction<T>(db: WritableDb, work: () => T): T {
  return db.transaction(work).immediate();
}
