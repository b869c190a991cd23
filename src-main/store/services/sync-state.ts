// Store side of the sync module's bookkeeping: cursors, persisted event batches, lease release
// after a crash, counts for the status panel, disagreements for the supervisor and a delivery
// report for checks.
import { requireWritable, type StoreContext } from '../../database/context';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { releaseOutboxClaims } from '../../database/queries/outbox';
import { syncCounts } from '../../database/queries/sync-counts';
import { getCursor, putCursor } from '../../database/queries/sync-cursors';
import { deliveryRows } from '../../database/queries/sync-delivery-rows';
import {
  listOpenDisagreements,
  markDisagreementReviewed,
  type DisagreementRow,
} from '../../database/queries/sync-disagreements';
import {
  deleteEventBatch,
  insertEventBatch,
  listEventBatches,
} from '../../database/queries/sync-push-attempts';
import { appendAuditEntry } from '../../audit/append';
import { requireSession } from '../../operators/sessions';
import { parkOutboxItem } from '../../database/queries/outbox';
import type { FaceAuthRequestFields } from './results';
import { confirmOutbox } from './outbox';

export function readCursor(ctx: StoreContext, name: string): unknown {
  return getCursor(ctx.read, name);
}

export function writeCursor(ctx: StoreContext, name: string, value: unknown): void {
  const db = requireWritable(ctx);
  putCursor(db, name, value, ctx.clock());
}

export function releaseClaims(ctx: StoreContext): { released: number } {
  return { released: releaseOutboxClaims(requireWritable(ctx)) };
}

export interface EventBatch {
  idempotencyKey: string;
  outboxIds: number[];
  body: unknown;
  createdAt: number;
}

export function createEventBatch(
  ctx: StoreContext,
  batch: { idempotencyKey: string; outboxIds: number[]; body: unknown },
): void {
  if (batch.idempotencyKey.length < 8 || !batch.outboxIds.every(Number.isSafeInteger)) {
    throw new StoreError('invalid_input', 'bad event batch');
  }
  const db = requireWritable(ctx);
  inTransaction(db, () =>
    insertEventBatch(db, {
      idempotency_key: batch.idempotencyKey,
      outbox_ids_json: JSON.stringify(batch.outboxIds),
      body_json: JSON.stringify(batch.body),
      created_at: ctx.clock(),
    }),
  );
}

export function pendingEventBatches(ctx: StoreContext): EventBatch[] {
  return listEventBatches(ctx.read).map((row) => ({
    idempotencyKey: row.idempotency_key,
    outboxIds: JSON.parse(row.outbox_ids_json) as number[],
    body: JSON.parse(row.body_json) as unknown,
    createdAt: row.created_at,
  }));
}

/** The endpoint accepted the batch: its outbox items are confirmed, then the batch forgotten. */
export function completeEventBatch(ctx: StoreContext, idempotencyKey: string): void {
  const batch = pendingEventBatches(ctx).find((b) => b.idempotencyKey === idempotencyKey);
  if (batch === undefined) return;
  confirmOutbox(ctx, batch.outboxIds);
  const db = requireWritable(ctx);
  deleteEventBatch(db, idempotencyKey);
}

/** The endpoint refused the batch for good: its items are parked with the reason. */
export function dropEventBatch(ctx: StoreContext, idempotencyKey: string, reason: string): void {
  const batch = pendingEventBatches(ctx).find((b) => b.idempotencyKey === idempotencyKey);
  if (batch === undefined) return;
  const db = requireWritable(ctx);
  const now = ctx.clock();
  inTransaction(db, () => {
    for (const id of batch.outboxIds) parkOutboxItem(db, id, reason.slice(0, 2000), now);
    deleteEventBatch(db, idempotencyKey);
  });
}

export interface SyncStoreCounts {
  submissions: number;
  verifiable: number;
  newestSeenAt: number | null;
  oldestVerifiableSeenAt: number | null;
  unsyncedResults: number;
  openDisagreements: number;
  pendingEventBatches: number;
}

export function readSyncCounts(ctx: StoreContext): SyncStoreCounts {
  const row = syncCounts(ctx.read);
  return {
    submissions: row.submissions,
    verifiable: row.verifiable,
    newestSeenAt: row.newest_seen_at,
    oldestVerifiableSeenAt: row.oldest_verifiable_seen_at,
    unsyncedResults: row.unsynced_results,
    openDisagreements: row.open_disagreements,
    pendingEventBatches: row.pending_event_batches,
  };
}

export function openDisagreements(ctx: StoreContext, limit: number): DisagreementRow[] {
  return listOpenDisagreements(ctx.read, Math.max(1, Math.min(500, Math.trunc(limit))));
}

/** A supervisor has looked at a result the central engine decided differently. */
export function reviewDisagreement(
  ctx: StoreContext,
  sessionToken: string,
  authenticationId: string,
): { reviewed: boolean } {
  const supervisor = requireSession(ctx, sessionToken, 'supervisor');
  const db = requireWritable(ctx);
  const now = ctx.clock();
  return inTransaction(db, () => {
    const reviewed = markDisagreementReviewed(db, authenticationId, now);
    if (reviewed) {
      appendAuditEntry(
        db,
        {
          kind: 'station',
          actor: supervisor.operator.username,
          payload: { what: 'central_disagreement_reviewed', authenticationId },
        },
        now,
      );
    }
    return { reviewed };
  });
}

export interface DeliveryRecord {
  authenticationId: string;
  submissionId: string;
  authStatus: string;
  requestFields: FaceAuthRequestFields;
  syncedAt: number | null;
  centralVerdict: unknown;
  latestOverride: string | null;
}

export function deliveryReport(
  ctx: StoreContext,
  afterId: string,
  limit: number,
): DeliveryRecord[] {
  return deliveryRows(ctx.read, afterId, Math.max(1, Math.min(2000, Math.trunc(limit)))).map(
    (row) => ({
      authenticationId: row.authentication_id,
      submissionId: row.submission_id,
      authStatus: row.auth_status,
      requestFields: JSON.parse(row.request_fields_json) as FaceAuthRequestFields,
      syncedAt: row.synced_at,
      centralVerdict:
        row.central_verdict_json === null
          ? null
          : (JSON.parse(row.central_verdict_json) as unknown),
      latestOverride: row.latest_override,
    }),
  );
}
