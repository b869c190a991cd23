// The console's language is a desk preference any signed-in operator may change (other
// settings need an admin). Still audited, like every settings change.
import { appendAuditEntry } from '../../audit/append';
import { requireSession } from '../../operators/service';
import { requireWritable, type StoreContext } from '../context';
import { inTransaction } from '../db/sql';
import { StoreError } from '../errors';
import { putSetting } from '../queries/settings';
import { SETTING_SCHEMAS } from './settings';

export function writeLanguage(ctx: StoreContext, sessionToken: string, language: string): void {
  const operator = requireSession(ctx, sessionToken, 'operator');
  const parsed = SETTING_SCHEMAS.language.safeParse(language);
  if (!parsed.success) throw new StoreError('invalid_input', 'unknown language');
  const db = requireWritable(ctx);
  const now = ctx.clock();
  inTransaction(db, () => {
    putSetting(db, 'language', parsed.data, now);
    appendAuditEntry(
      db,
      {
        kind: 'settings',
        actor: operator.operator.username,
        payload: { key: 'language', after: parsed.data },
      },
      now,
    );
  });
}
