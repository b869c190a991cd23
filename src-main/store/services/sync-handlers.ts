// The `sync:*` requests of the store worker, spread into worker/handlers.ts so the typed client
// knows them. Used only by src-main/sync.
import type { StoreContext } from '../../database/context';
import {
  clearPushAttempts,
  markPushAttempts,
  pushPayloads,
  recordDeliveries,
  type CentralVerdict,
} from './sync-delivery';
import {
  applyPulledPage,
  listApprovedNotInSweep,
  readSubmissionMarks,
  type PulledPage,
} from './sync-pull';
import {
  completeEventBatch,
  createEventBatch,
  deliveryReport,
  dropEventBatch,
  openDisagreements,
  pendingEventBatches,
  readCursor,
  readSyncCounts,
  releaseClaims,
  reviewDisagreement,
  writeCursor,
} from './sync-state';
import { knownCentralIds, openAttempts, releaseItems } from './sync-reconcile';

type Empty = Record<string, never>;

export const syncStoreHandlers = {
  'sync:cursorGet': (ctx: StoreContext, a: { name: string }) => readCursor(ctx, a.name),
  'sync:cursorSet': (ctx: StoreContext, a: { name: string; value: unknown }) =>
    writeCursor(ctx, a.name, a.value),
  'sync:releaseClaims': (ctx: StoreContext, _a: Empty) => releaseClaims(ctx),
  'sync:pushPayloads': (ctx: StoreContext, a: { authenticationIds: string[] }) =>
    pushPayloads(ctx, a.authenticationIds),
  'sync:openAttempts': (ctx: StoreContext, a: { submissionIds: string[] }) =>
    openAttempts(ctx, a.submissionIds),
  'sync:knownCentralIds': (ctx: StoreContext, a: { submissionIds: string[] }) =>
    knownCentralIds(ctx, a.submissionIds),
  'sync:releaseItems': (ctx: StoreContext, a: { outboxIds: number[]; dueAt: number }) =>
    releaseItems(ctx, a.outboxIds, a.dueAt),
  'sync:markAttempts': (ctx: StoreContext, a: { authenticationIds: string[] }) =>
    markPushAttempts(ctx, a.authenticationIds),
  'sync:clearAttempts': (ctx: StoreContext, a: { authenticationIds: string[] }) =>
    clearPushAttempts(ctx, a.authenticationIds),
  'sync:recordDeliveries': (
    ctx: StoreContext,
    a: { deliveries: { authenticationId: string; verdict: CentralVerdict }[] },
  ) => recordDeliveries(ctx, a.deliveries),
  'sync:eventBatchCreate': (
    ctx: StoreContext,
    a: { idempotencyKey: string; outboxIds: number[]; body: unknown },
  ) => createEventBatch(ctx, a),
  'sync:eventBatches': (ctx: StoreContext, _a: Empty) => pendingEventBatches(ctx),
  'sync:eventBatchDone': (ctx: StoreContext, a: { idempotencyKey: string }) =>
    completeEventBatch(ctx, a.idempotencyKey),
  'sync:eventBatchDrop': (ctx: StoreContext, a: { idempotencyKey: string; reason: string }) =>
    dropEventBatch(ctx, a.idempotencyKey, a.reason),
  'sync:submissionMarks': (ctx: StoreContext, a: { submissionIds: string[] }) =>
    readSubmissionMarks(ctx, a.submissionIds),
  'sync:applyPulledPage': (ctx: StoreContext, a: PulledPage) => applyPulledPage(ctx, a),
  'sync:approvedNotInSweep': (ctx: StoreContext, a: { sweepId: string; limit: number }) =>
    listApprovedNotInSweep(ctx, a.sweepId, a.limit),
  'sync:counts': (ctx: StoreContext, _a: Empty) => readSyncCounts(ctx),
  'sync:disagreements': (ctx: StoreContext, a: { limit: number }) =>
    openDisagreements(ctx, a.limit),
  'sync:reviewDisagreement': (
    ctx: StoreContext,
    a: { sessionToken: string; authenticationId: string },
  ) => reviewDisagreement(ctx, a.sessionToken, a.authenticationId),
  'sync:deliveryReport': (ctx: StoreContext, a: { afterId: string; limit: number }) =>
    deliveryReport(ctx, a.afterId, a.limit),
};
