// The bookkeeping of one batch of results being pushed: the report, the deliveries to record,
// and the outbox moves (retry later, park for good, release unsent) every step shares.
import type { OutboxItem } from '../database/queries/outbox';
import type { CentralVerdict, PushPayload } from '../store/services/sync-delivery';
import type { ApiResult } from './argos-client';
import { isAccessRefusal } from './argos-http';
import type { Pause, SyncContext } from './sync-context';

export interface PushOptions {
  /** POSTs in flight at once. */
  concurrency: number;
  /** Look up "maybe delivered" results before re-posting. Off ONLY in the negative-control test. */
  reconcile: boolean;
  /** How long after an unanswered POST the server is assumed to have finished with it. */
  graceMs: number;
}

export interface PushReport {
  delivered: number;
  reconciledFound: number;
  reconciledAbsent: number;
  deferred: number;
  failed: number;
  parked: number;
  /** Released unsent: another result of the same submission has an unknown outcome. */
  held: number;
  disagreements: number;
  pause: Pause | null;
}

export class PushBatch {
  readonly report: PushReport = {
    delivered: 0,
    reconciledFound: 0,
    reconciledAbsent: 0,
    deferred: 0,
    failed: 0,
    parked: 0,
    held: 0,
    disagreements: 0,
    pause: null,
  };
  readonly deliveries: { authenticationId: string; verdict: CentralVerdict }[] = [];
  private readonly byRef: Map<string, OutboxItem>;

  constructor(
    readonly ctx: SyncContext,
    items: readonly OutboxItem[],
  ) {
    this.byRef = new Map(items.map((item) => [item.ref, item]));
  }

  item(authenticationId: string): OutboxItem | undefined {
    return this.byRef.get(authenticationId);
  }

  attempts(authenticationId: string): number {
    return this.byRef.get(authenticationId)?.attempts ?? 0;
  }

  /** Retry after `delayMs`; the item keeps its place in the outbox. */
  async fail(authenticationId: string, error: string, delayMs: number): Promise<void> {
    const item = this.byRef.get(authenticationId);
    if (item === undefined) return;
    await this.ctx.store.send('outbox:fail', {
      outboxId: item.outboxId,
      error,
      nextAttemptAt: this.ctx.clock() + delayMs,
    });
  }

  /** Refused for good, with the reason kept in the outbox. */
  async park(authenticationId: string, reason: string): Promise<void> {
    const item = this.byRef.get(authenticationId);
    if (item === undefined) return;
    await this.ctx.store.send('outbox:park', { outboxId: item.outboxId, reason });
    this.report.parked += 1;
    this.ctx.log.warn('result parked', { authenticationId, reason });
  }

  /** Back to the outbox unsent and without an attempt counted, due at `dueAt`. */
  async release(held: PushPayload[], dueAt: number): Promise<void> {
    if (held.length === 0) return;
    const outboxIds = held.flatMap((p) => this.byRef.get(p.authenticationId)?.outboxId ?? []);
    await this.ctx.store.send('sync:releaseItems', { outboxIds, dueAt });
    this.report.held += held.length;
  }
}

export function describeFailure(outcome: Exclude<ApiResult<never>, { kind: 'ok' }>): string {
  const status = outcome.status === null ? 'no answer' : `HTTP ${outcome.status}`;
  return outcome.kind === 'refused'
    ? `${status} ${outcome.errorCode ?? ''}: ${outcome.message}`.trim()
    : `${status}: ${outcome.message}`;
}

/** 429 and refused keys stop all traffic for a while; other failures only delay their item. */
export function pauseFor(
  ctx: SyncContext,
  outcome: Exclude<ApiResult<never>, { kind: 'ok' }>,
): Pause | null {
  if (outcome.kind === 'refused' && outcome.status === 429) {
    return {
      until: ctx.clock() + (outcome.retryAfterMs ?? ctx.backoff.baseMs),
      reason: 'rate limited (429)',
    };
  }
  if (outcome.kind === 'refused' && isAccessRefusal(outcome.status)) {
    return {
      until: ctx.clock() + ctx.backoff.capMs,
      reason:
        `central API refused the key or address (HTTP ${outcome.status} ${outcome.errorCode ?? ''})`.trim(),
    };
  }
  return null;
}
