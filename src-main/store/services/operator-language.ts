// Each operator's own console language, a desk preference any signed-in operator may change for
// themselves (the station's default, the `language` setting, is the admin's). Kept in the
// settings table under one key per operator, so that no migration is needed; still audited,
// and only when it really changes.
import { LANGUAGES, type Language } from '../../../src-shared/contract/settings';
import { appendAuditEntry } from '../../audit/append';
import { requireSession } from '../../operators/sessions';
import { requireWritable, type StoreContext } from '../../database/context';
import { inTransaction, type ReadableDb } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { getSetting, putSetting } from '../../database/queries/settings';

function keyFor(operatorId: string): string {
  return `operatorLanguage:${operatorId}`;
}

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The operator's chosen language, or null while they follow the station's default. */
export function readOperatorLanguage(db: ReadableDb, operatorId: string): Language | null {
  const stored = getSetting(db, keyFor(operatorId))?.value;
  return isLanguage(stored) ? stored : null;
}

/** Sets the signed-in operator's own language; returns whether it changed. */
export function writeOwnLanguage(
  ctx: StoreContext,
  sessionToken: string,
  language: string,
): boolean {
  const { operator } = requireSession(ctx, sessionToken, 'operator');
  if (!isLanguage(language)) throw new StoreError('invalid_input', 'unknown language');
  const db = requireWritable(ctx);
  const now = ctx.clock();
  return inTransaction(db, () => {
    const before = readOperatorLanguage(db, operator.operatorId);
    if (before === language) return false;
    putSetting(db, keyFor(operator.operatorId), language, now);
    appendAuditEntry(
      db,
      {
        kind: 'settings',
        actor: operator.username,
        payload: {
          key: 'operatorLanguage',
          operatorId: operator.operatorId,
          before,
          after: language,
        },
      },
      now,
    );
    return true;
  });
}
