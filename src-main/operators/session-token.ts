// What a session is and how its token is kept: random 256-bit values, of which only the SHA-256
// is stored, so that a copied database does not hand out live sessions.
import { createHash } from 'node:crypto';
import type { OperatorRecord, OperatorRole } from '../database/queries/operators';

export interface OperatorSummary {
  operatorId: string;
  username: string;
  displayName: string;
  role: OperatorRole;
  lockedUntil: number | null;
  disabled: boolean;
}

export interface SessionInfo {
  operator: OperatorSummary;
  expiresAt: number;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function summarize(op: OperatorRecord): OperatorSummary {
  return {
    operatorId: op.operatorId,
    username: op.username,
    displayName: op.displayName,
    role: op.role,
    lockedUntil: op.lockedUntil,
    disabled: op.disabledAt !== null,
  };
}
