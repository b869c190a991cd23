// Store side of reconciliation without the cf echo (see src-main/sync/reconcile.ts): the push
// keeps at most one result per submission whose POST outcome is unknown, and matches central
// records it does not already hold.
import { requireWritable, type StoreContext } from '../../database/context';
import { StoreError } from '../../database/errors';
import {
  centralIdsOnRecord,
  releaseOutboxItems,
  openAttemptsFor,
} from '../../database/queries/sync-reconcile';

const MAX_IDS = 2000;

function checkList<T>(values: readonly T[], type: 'string' | 'number'): void {
  if (
    !Array.isArray(values) ||
    values.length > MAX_IDS ||
    !values.every((value) => typeof value === type)
  ) {
    throw new StoreError('invalid_input', `at most ${MAX_IDS} ${type} values`);
  }
}

export function openAttempts(
  ctx: StoreContext,
  submissionIds: string[],
): { submissionId: string; authenticationId: string }[] {
  checkList(submissionIds, 'string');
  return openAttemptsFor(ctx.read, submissionIds);
}

export function knownCentralIds(ctx: StoreContext, submissionIds: string[]): string[] {
  checkList(submissionIds, 'string');
  return centralIdsOnRecord(ctx.read, submissionIds);
}

export function releaseItems(
  ctx: StoreContext,
  outboxIds: number[],
  dueAt: number,
): { released: number } {
  checkList(outboxIds, 'number');
  if (!Number.isFinite(dueAt)) throw new StoreError('invalid_input', 'dueAt must be a time');
  return { released: releaseOutboxItems(requireWritable(ctx), outboxIds, dueAt) };
}
