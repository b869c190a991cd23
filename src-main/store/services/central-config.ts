// Where the central API is and the two ARGOS keys. The keys are secrets: encrypted with the data
// key like biometrics, readable only by main (for sync), never returned to the renderer in full,
// and never written into the audit log (which records only that a key changed).
import { z } from 'zod';
import { checkCentralUrl, sameCentralOrigin } from '../../../src-shared/central-url';
import { appendAuditEntry } from '../../audit/append';
import { requireSession } from '../../operators/sessions';
import { requireWritable, type StoreContext } from '../../database/context';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { getSetting, putSetting } from '../../database/queries/settings';

const SETTING_KEY = 'central';

const StoredCentralSchema = z.object({
  baseUrl: z.string().nullable(),
  faceAuthKeyEnc: z.string().nullable(),
  idCheckKeyEnc: z.string().nullable(),
});
type StoredCentral = z.infer<typeof StoredCentralSchema>;

export interface CentralConfig {
  baseUrl: string | null;
  faceAuthKey: string | null;
  idCheckKey: string | null;
}

export interface CentralConfigUpdate {
  baseUrl?: string | null;
  faceAuthKey?: string;
  idCheckKey?: string;
}

const EMPTY: StoredCentral = { baseUrl: null, faceAuthKeyEnc: null, idCheckKeyEnc: null };
const keyContext = (name: 'faceAuth' | 'idCheck') => `central-key:${name}`;

function readStored(ctx: StoreContext): StoredCentral {
  const parsed = StoredCentralSchema.safeParse(getSetting(ctx.read, SETTING_KEY)?.value);
  return parsed.success ? parsed.data : EMPTY;
}

export function readCentralConfig(ctx: StoreContext): CentralConfig {
  const stored = readStored(ctx);
  const open = (sealed: string | null, name: 'faceAuth' | 'idCheck') =>
    sealed === null
      ? null
      : ctx.cipher.decrypt(Buffer.from(sealed, 'base64'), keyContext(name)).toString('utf8');
  return {
    baseUrl: stored.baseUrl,
    faceAuthKey: open(stored.faceAuthKeyEnc, 'faceAuth'),
    idCheckKey: open(stored.idCheckKeyEnc, 'idCheck'),
  };
}

export function writeCentralConfig(
  ctx: StoreContext,
  sessionToken: string,
  update: CentralConfigUpdate,
): void {
  const admin = requireSession(ctx, sessionToken, 'admin');
  if (update.baseUrl !== undefined && update.baseUrl !== null) {
    const check = checkCentralUrl(update.baseUrl);
    if (!check.ok) throw new StoreError('invalid_input', check.reason);
  }
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const seal = (plain: string, name: 'faceAuth' | 'idCheck') =>
    ctx.cipher.encrypt(Buffer.from(plain, 'utf8'), keyContext(name)).toString('base64');
  inTransaction(db, () => {
    const before = readStored(ctx);
    const baseUrl = update.baseUrl === undefined ? before.baseUrl : update.baseUrl;
    // The same address and no new key: nothing to write or audit (a section saved unchanged).
    const keysGiven = update.faceAuthKey !== undefined || update.idCheckKey !== undefined;
    if (baseUrl === before.baseUrl && !keysGiven) return;
    // Keys belong to the central API they were entered for: a new origin (or none) drops the
    // stored ones, so an admin session cannot point the station at another host and have it
    // send the write-only keys there. Keys entered in the same update are for the new origin.
    const keysCleared =
      !sameCentralOrigin(before.baseUrl, baseUrl) &&
      (before.faceAuthKeyEnc !== null || before.idCheckKeyEnc !== null);
    const kept = (sealed: string | null) => (keysCleared ? null : sealed);
    const next: StoredCentral = {
      baseUrl,
      faceAuthKeyEnc:
        update.faceAuthKey === undefined
          ? kept(before.faceAuthKeyEnc)
          : seal(update.faceAuthKey, 'faceAuth'),
      idCheckKeyEnc:
        update.idCheckKey === undefined
          ? kept(before.idCheckKeyEnc)
          : seal(update.idCheckKey, 'idCheck'),
    };
    putSetting(db, SETTING_KEY, next, now);
    appendAuditEntry(
      db,
      {
        kind: 'settings',
        actor: admin.operator.username,
        payload: {
          key: SETTING_KEY,
          baseUrl: { before: before.baseUrl, after: next.baseUrl },
          faceAuthKeyChanged: update.faceAuthKey !== undefined,
          idCheckKeyChanged: update.idCheckKey !== undefined,
          keysClearedForNewOrigin: keysCleared,
        },
      },
      now,
    );
  });
}
