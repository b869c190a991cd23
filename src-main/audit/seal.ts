// Seals audit entries written before the chain was keyed (migration 0007): their NULL mac is
// filled under the new audit key. This is trust on first use, so it happens only on the start
// that both applied migration 0007 and created the audit key; at any other time an entry without
// a MAC is a finding, never something to fix up (an attacker would strip MACs to launder edits).
import type { WritableDb } from '../database/db/sql';
import { inTransaction } from '../database/db/sql';
import { listUnsealedAuditSeqs, sealAuditRow } from '../database/queries/audit';
import { entryMac, requireAuditKey } from './audit-key';

export function sealLegacyAuditEntries(db: WritableDb): number {
  const key = requireAuditKey(db);
  return inTransaction(db, () => {
    const unsealed = listUnsealedAuditSeqs(db);
    for (const { seq, hash } of unsealed) sealAuditRow(db, seq, entryMac(key, seq, hash));
    return unsealed.length;
  });
}
