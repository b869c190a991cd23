// Audit domain: verifying the station's keyed audit chain on demand (admins), and the chain's
// state as the status bar shows it. Problem kinds are codes; the renderer translates them.
import { z } from 'zod';

export const AuditChainStateSchema = z.object({
  ok: z.boolean(),
  /** Entries walked; problems found (edited, removed, forged entries or acknowledgements). */
  entries: z.number().int().nonnegative(),
  problems: z.number().int().nonnegative(),
  /** ISO time of the verification. */
  checkedAt: z.string(),
});

export type AuditChainState = z.infer<typeof AuditChainStateSchema>;

export const AuditVerificationSchema = AuditChainStateSchema.extend({
  acknowledgements: z.number().int().nonnegative(),
  firstProblems: z
    .array(z.object({ seq: z.number().int().nonnegative(), kind: z.string() }))
    .max(20),
});

export type AuditVerificationView = z.infer<typeof AuditVerificationSchema>;

export const auditMethods = {
  'audit:verify': { request: z.object({}).strict(), response: AuditVerificationSchema },
};
