// Overrides: an operator's decision over the station's verdict, with its outbox item and audit
// entry in one transaction. Approving a rejection takes two people (see results/approval.ts).
import { appendAuditEntry } from '../../audit/append';
import type { SessionInfo } from '../../operators/session-token';
import { requireSession } from '../../operators/sessions';
import { requireWritable, type StoreContext } from '../../database/context';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { insertOutbox } from '../../database/queries/outbox';
import { findResult, insertOverride } from '../../database/queries/results';

export interface OverrideInput {
  /** The session of the operator at the desk. */
  sessionToken: string;
  /** An approval's second person: a supervisor's one-off session (see results/approval.ts). */
  approverToken?: string | null;
  authenticationId: string;
  decision: 'approved' | 'rejected';
  reason: string;
}

/**
 * Who decides an override: the desk operator for a rejection; for an approval, a supervisor who
 * is neither the desk operator nor (checked in the transaction) the result's capturer.
 */
function overrideDecider(ctx: StoreContext, input: OverrideInput): SessionInfo {
  const desk = requireSession(ctx, input.sessionToken, 'operator');
  if (input.decision !== 'approved') return desk;
  if (!input.approverToken)
    throw new StoreError('forbidden', 'approving a rejection needs a second person, a supervisor');
  const approver = requireSession(ctx, input.approverToken, 'supervisor');
  if (approver.operator.operatorId === desk.operator.operatorId)
    throw new StoreError('forbidden', 'the desk operator cannot approve alone');
  return approver;
}

export function overrideResult(
  ctx: StoreContext,
  input: OverrideInput,
): { overrideId: number; auditSeq: number } {
  if (input.decision !== 'approved' && input.decision !== 'rejected') {
    throw new StoreError('invalid_input', 'decision must be approved or rejected');
  }
  const decider = overrideDecider(ctx, input);
  if (input.reason.trim().length < 3) throw new StoreError('invalid_input', 'a reason is required');
  const db = requireWritable(ctx);
  const now = ctx.clock();
  return inTransaction(db, () => {
    const result = findResult(db, input.authenticationId);
    if (result === undefined) {
      throw new StoreError('not_found', `no result ${input.authenticationId}`);
    }
    if (input.decision === 'approved' && result.operatorId === decider.operator.operatorId) {
      throw new StoreError('forbidden', 'the operator who captured a result cannot approve it');
    }
    const override = {
      authentication_id: input.authenticationId,
      supervisor_id: decider.operator.operatorId,
      decision: input.decision,
      reason: input.reason,
      created_at: now,
    };
    const overrideId = insertOverride(db, override);
    insertOutbox(
      db,
      {
        kind: 'override',
        ref: String(overrideId),
        payloadJson: JSON.stringify({ overrideId, ...override }),
      },
      now,
    );
    const entry = appendAuditEntry(
      db,
      {
        kind: 'override',
        actor: decider.operator.username,
        payload: {
          overrideId,
          authenticationId: input.authenticationId,
          decision: input.decision,
          reason: input.reason,
        },
      },
      now,
    );
    return { overrideId, auditSeq: entry.seq };
  });
}
