// The outbox as the sync module sees it: claim due items, then confirm, fail (with the time of
// the next attempt) or park a poison item with its reason. Items leave only on confirmation.
import { recordConfirmedHead } from '../../audit/head';
import { requireWritable, type StoreContext } from '../../database/context';
import { checkpointTruncate } from '../../database/db/pragmas';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import {
  claimDue,
  deleteOutboxItems,
  outboxCounts,
  parkOutboxItem,
  peekOutbox,
  recordOutboxFailure,
  type OutboxItem,
} from '../../database/queries/outbox';
import { markResultSynced } from '../../database/queries/results';
import { purgeImagesNow } from './retention';
import { readSetting } from './settings';

const MAX_BATCH = 500;

function boundedLimit(limit: number): number {
  if (!Number.isFinite(limit) || limit < 1)
    throw new StoreError('invalid_input', 'limit must be >= 1');
  return Math.min(MAX_BATCH, Math.trunc(limit));
}

export function claimOutbox(ctx: StoreContext, limit: number, leaseMs: number): OutboxItem[] {
  const db = requireWritable(ctx);
  const now = ctx.clock();
  return inTransaction(db, () =>
    claimDue(db, now, boundedLimit(limit), now + Math.max(1000, leaseMs)),
  );
}

export function peekOutboxItems(
  ctx: StoreContext,
  limit: number,
  includeParked: boolean,
): OutboxItem[] {
  return peekOutbox(ctx.read, boundedLimit(limit), includeParked);
}

function isAuditPayload(value: unknown): value is { seq: number; hash: string } {
  const v = value as { seq?: unknown; hash?: unknown } | null;
  return typeof v?.seq === 'number' && typeof v.hash === 'string';
}

/** The central API accepted these items. */
export function confirmOutbox(
  ctx: StoreContext,
  outboxIds: readonly number[],
): { confirmed: number } {
  if (!outboxIds.every((id) => Number.isSafeInteger(id))) {
    throw new StoreError('invalid_input', 'outbox ids must be integers');
  }
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const purgeAfterSync = readSetting(ctx, 'retention').purgeImageAfterSync;
  const { confirmed, purged } = inTransaction(db, () => {
    const removed = deleteOutboxItems(db, outboxIds);
    let syncedResults = 0;
    // One acknowledged head per confirmation: the newest entry, which commits to all before it.
    let acknowledged: { seq: number; hash: string } | null = null;
    for (const item of removed) {
      if (item.kind === 'result') {
        markResultSynced(db, item.ref, now);
        syncedResults += 1;
      } else if (item.kind === 'audit') {
        const entry = JSON.parse(item.payload_json) as unknown;
        if (isAuditPayload(entry) && (acknowledged === null || entry.seq > acknowledged.seq))
          acknowledged = { seq: entry.seq, hash: entry.hash };
      }
    }
    if (acknowledged !== null) recordConfirmedHead(db, acknowledged, now);
    const purgedCount =
      syncedResults > 0 && purgeAfterSync ? purgeImagesNow(ctx, db, 'synced', now) : 0;
    return { confirmed: removed.length, purged: purgedCount };
  });
  if (purged > 0) checkpointTruncate(db);
  return { confirmed };
}

export function failOutbox(
  ctx: StoreContext,
  outboxId: number,
  error: string,
  nextAttemptAt: number,
): void {
  const db = requireWritable(ctx);
  if (!recordOutboxFailure(db, outboxId, error.slice(0, 2000), nextAttemptAt)) {
    throw new StoreError('not_found', `no outbox item ${outboxId}`);
  }
}

export function parkOutbox(ctx: StoreContext, outboxId: number, reason: string): void {
  const db = requireWritable(ctx);
  if (!parkOutboxItem(db, outboxId, reason.slice(0, 2000), ctx.clock())) {
    throw new StoreError('not_found', `no outbox item ${outboxId}`);
  }
}

export function countOutbox(ctx: StoreContext): { pending: number; parked: number } {
  return outboxCounts(ctx.read);
}
