// Store side of pushing results: what a POST needs (in one read), the "maybe delivered" marks
// written before each POST, and the delivery record written in one transaction per batch
// (central verdict beside the local one, result synced, outbox item gone, disagreement flagged).
import { appendAuditEntry } from '../../audit/append';
import { requireWritable, type StoreContext } from '../../database/context';
import { cipherContext } from '../../database/crypto/biometric-cipher';
import { checkpointTruncate } from '../../database/db/pragmas';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { deleteOutboxByRef } from '../../database/queries/outbox';
import {
  findResult,
  listOverrides,
  markResultSynced,
  setCentralVerdict,
} from '../../database/queries/results';
import { flagDisagreement } from '../../database/queries/sync-disagreements';
import {
  deletePushAttempt,
  findPushAttempt,
  notePushAttempt,
} from '../../database/queries/sync-push-attempts';
import { purgeImagesNow } from './retention';
import type { FaceAuthRequestFields } from './results';
import { readSetting } from './settings';

const MAX_IDS = 500;

export interface PushPayload {
  authenticationId: string;
  submissionId: string;
  authStatus: 'approved' | 'rejected';
  createTime: string;
  requestFields: FaceAuthRequestFields;
  /** The latest supervisor decision on this result, sent as cf3. */
  operatorDecision: 'approved' | 'rejected' | null;
  image: Uint8Array | null;
  imagePurged: boolean;
  /** Set when an earlier POST may have reached the central API. */
  lastAttemptAt: number | null;
  firstAttemptAt: number | null;
  syncedAt: number | null;
}

/** What the central API says about one result; stored as JSON beside the local verdict. */
export interface CentralVerdict {
  source: 'post' | 'reconcile';
  authentication_id: string;
  auth_status: 'approved' | 'rejected';
  create_time: string;
  face_similarity_score: number | null;
  fail_code: string[];
}

function checkIds(ids: readonly string[]): void {
  if (!Array.isArray(ids) || ids.length > MAX_IDS || !ids.every((id) => typeof id === 'string')) {
    throw new StoreError('invalid_input', `at most ${MAX_IDS} string ids`);
  }
}

export function pushPayloads(ctx: StoreContext, ids: readonly string[]): PushPayload[] {
  checkIds(ids);
  const out: PushPayload[] = [];
  for (const id of ids) {
    const record = findResult(ctx.read, id);
    if (record === undefined) continue;
    const attempt = findPushAttempt(ctx.read, id);
    const latest = listOverrides(ctx.read, id).at(-1);
    out.push({
      authenticationId: id,
      submissionId: record.submissionId,
      authStatus: record.authStatus,
      createTime: record.createTime,
      requestFields: JSON.parse(record.requestFieldsJson) as FaceAuthRequestFields,
      operatorDecision: latest?.decision ?? null,
      image:
        record.capturedImageEnc === null
          ? null
          : ctx.cipher.decrypt(record.capturedImageEnc, cipherContext.capturedImage(id)),
      imagePurged: record.imagePurgedAt !== null,
      lastAttemptAt: attempt?.last_attempt_at ?? null,
      firstAttemptAt: attempt?.first_attempt_at ?? null,
      syncedAt: record.syncedAt,
    });
  }
  return out;
}

/** Written (and fsynced) before the POSTs go out: from here on the outcome may be unknown. */
export function markPushAttempts(ctx: StoreContext, ids: readonly string[]): { at: number } {
  checkIds(ids);
  const db = requireWritable(ctx);
  const now = ctx.clock();
  inTransaction(db, () => ids.forEach((id) => notePushAttempt(db, id, now)));
  return { at: now };
}

/** The outcome is known and nothing was stored centrally (e.g. 429, or a 4xx before commit). */
export function clearPushAttempts(ctx: StoreContext, ids: readonly string[]): void {
  checkIds(ids);
  const db = requireWritable(ctx);
  inTransaction(db, () => ids.forEach((id) => deletePushAttempt(db, id)));
}

function isVerdict(value: CentralVerdict): boolean {
  return (
    typeof value?.authentication_id === 'string' &&
    (value.auth_status === 'approved' || value.auth_status === 'rejected')
  );
}

export function recordDeliveries(
  ctx: StoreContext,
  deliveries: readonly { authenticationId: string; verdict: CentralVerdict }[],
): { recorded: number; disagreements: number } {
  if (!Array.isArray(deliveries) || deliveries.length > MAX_IDS) {
    throw new StoreError('invalid_input', `at most ${MAX_IDS} deliveries`);
  }
  if (!deliveries.every((d) => isVerdict(d.verdict))) {
    throw new StoreError(
      'invalid_input',
      'a central verdict needs authentication_id and auth_status',
    );
  }
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const purgeAfterSync = readSetting(ctx, 'retention').purgeImageAfterSync;
  const outcome = inTransaction(db, () => {
    let recorded = 0;
    let disagreements = 0;
    for (const { authenticationId, verdict } of deliveries) {
      const local = findResult(db, authenticationId);
      if (local === undefined) continue;
      setCentralVerdict(db, authenticationId, JSON.stringify(verdict), now);
      markResultSynced(db, authenticationId, now);
      deleteOutboxByRef(db, 'result', authenticationId);
      deletePushAttempt(db, authenticationId);
      recorded += 1;
      // The supervisor reviews any result the central engine decided differently.
      if (verdict.auth_status !== local.authStatus) {
        flagDisagreement(
          db,
          {
            authenticationId,
            localStatus: local.authStatus,
            centralStatus: verdict.auth_status,
            centralAuthenticationId: verdict.authentication_id,
          },
          now,
        );
        appendAuditEntry(
          db,
          {
            kind: 'station',
            actor: null,
            payload: {
              what: 'central_disagreement',
              authenticationId,
              localStatus: local.authStatus,
              centralStatus: verdict.auth_status,
              centralAuthenticationId: verdict.authentication_id,
            },
          },
          now,
        );
        disagreements += 1;
      }
    }
    const purged = recorded > 0 && purgeAfterSync ? purgeImagesNow(ctx, db, 'synced', now) : 0;
    return { recorded, disagreements, purged };
  });
  if (outcome.purged > 0) checkpointTruncate(db);
  return { recorded: outcome.recorded, disagreements: outcome.disagreements };
}
