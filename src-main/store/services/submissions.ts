// The cache of approved KYC submissions. Only an 'approved' submission keeps its reference
// templates: any other status reported by the central API (rejected, delete, …) purges them in
// the same write, so a revoked submission stops verifying at once.
// Statuses: https://developers.argosidentity.com (ID Check API reference, submission status).
import { appendAuditEntry } from '../../audit/append';
import { ProjectPolicySchema, type ProjectPolicy } from '../../../src-shared/faceauth/policy';
import { requireWritable, type StoreContext } from '../../database/context';
import { cipherContext } from '../../database/crypto/biometric-cipher';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import {
  ensurePolicy,
  findSubmission,
  setSubmissionStatus as setStatusRow,
  upsertSubmission,
} from '../../database/queries/submissions';
import {
  VERIFIABLE_STATUS,
  type ReferenceTemplates,
  type SubmissionLookup,
} from '../submission-gate';
import { readSetting } from './settings';

export interface SubmissionInput {
  submissionId: string;
  status: string;
  policy: ProjectPolicy;
  templates: ReferenceTemplates | null;
  thumbnail?: Uint8Array | null;
  /** When the central API last reported this submission; defaults to now. */
  seenAt?: number;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Validates one item and returns its policy as canonical JSON (zod returns keys in schema order).
 * A batch repeats a few policies many times, so each distinct raw policy is parsed once.
 */
function checkInput(item: SubmissionInput, parsedPolicies: Map<string, string>): string {
  if (
    typeof item.submissionId !== 'string' ||
    item.submissionId.length === 0 ||
    item.submissionId.length > 200
  ) {
    throw new StoreError('invalid_input', 'submissionId must be a non-empty string');
  }
  if (typeof item.status !== 'string' || item.status.length === 0) {
    throw new StoreError('invalid_input', `status missing for ${item.submissionId}`);
  }
  const raw = JSON.stringify(item.policy ?? null);
  const known = parsedPolicies.get(raw);
  if (known !== undefined) return known;
  const policy = ProjectPolicySchema.safeParse(item.policy);
  if (!policy.success) throw new StoreError('invalid_input', `bad policy for ${item.submissionId}`);
  const canonical = JSON.stringify(policy.data);
  parsedPolicies.set(raw, canonical);
  return canonical;
}

export function upsertSubmissions(
  ctx: StoreContext,
  items: readonly SubmissionInput[],
): { written: number; purged: number } {
  const db = requireWritable(ctx);
  const parsedPolicies = new Map<string, string>();
  const policies = items.map((item) => checkInput(item, parsedPolicies));
  const now = ctx.clock();
  return inTransaction(db, () => {
    const policyIds = new Map<string, number>();
    const purgedIds: string[] = [];
    // Insert in key order: consecutive rows then land in neighbouring index pages, which keeps
    // the B-tree descent cached (ids arrive in no particular order).
    const order = items.map((_, index) => index);
    order.sort((a, b) => {
      const x = (items[a] as SubmissionInput).submissionId;
      const y = (items[b] as SubmissionInput).submissionId;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    for (const index of order) {
      const item = items[index] as SubmissionInput;
      const policyJson = policies[index] as string;
      let policyId = policyIds.get(policyJson);
      if (policyId === undefined) {
        policyId = ensurePolicy(db, policyJson);
        policyIds.set(policyJson, policyId);
      }
      const verifiable = item.status === VERIFIABLE_STATUS;
      const templates = verifiable ? item.templates : null;
      const thumbnail = verifiable ? (item.thumbnail ?? null) : null;
      if (!verifiable && (item.templates !== null || (item.thumbnail ?? null) !== null)) {
        purgedIds.push(item.submissionId);
      }
      upsertSubmission(
        db,
        {
          submissionId: item.submissionId,
          status: item.status,
          policyId,
          templateModelVersion: templates?.modelVersion ?? null,
          templatesEnc:
            templates === null
              ? null
              : ctx.cipher.encrypt(templates.data, cipherContext.templates(item.submissionId)),
          thumbnailEnc:
            thumbnail === null
              ? null
              : ctx.cipher.encrypt(thumbnail, cipherContext.thumbnail(item.submissionId)),
          lastSeenAt: item.seenAt ?? now,
        },
        now,
      );
    }
    if (purgedIds.length > 0) {
      appendAuditEntry(
        db,
        {
          kind: 'purge',
          actor: null,
          payload: { what: 'templates', reason: 'not_approved', submissionIds: purgedIds },
        },
        now,
      );
    }
    return { written: items.length, purged: purgedIds.length };
  });
}

export function lookupSubmission(ctx: StoreContext, submissionId: string): SubmissionLookup {
  const record = findSubmission(ctx.read, submissionId);
  if (record === undefined) return { found: false, submissionId };
  const approved = record.status === VERIFIABLE_STATUS;
  const templates =
    approved && record.templatesEnc !== null && record.templateModelVersion !== null
      ? {
          modelVersion: record.templateModelVersion,
          data: ctx.cipher.decrypt(record.templatesEnc, cipherContext.templates(submissionId)),
        }
      : null;
  const thumbnail =
    approved && record.thumbnailEnc !== null
      ? ctx.cipher.decrypt(record.thumbnailEnc, cipherContext.thumbnail(submissionId))
      : null;
  return {
    found: true,
    submissionId,
    status: record.status,
    policy: record.policy,
    templates,
    thumbnail,
    lastSeenAt: record.lastSeenAt,
    templatesPurgedAt: record.templatesPurgedAt,
    cacheTooOld: ctx.clock() - record.lastSeenAt > readSetting(ctx, 'maxCacheAgeDays') * DAY_MS,
  };
}

/** The central API reported a new status; anything but approved purges biometrics now. */
export function changeSubmissionStatus(
  ctx: StoreContext,
  submissionId: string,
  status: string,
): boolean {
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const keep = status === VERIFIABLE_STATUS;
  return inTransaction(db, () => {
    const before = findSubmission(db, submissionId);
    const changed = setStatusRow(db, submissionId, status, keep, now);
    if (changed && !keep && (before?.templatesEnc != null || before?.thumbnailEnc != null)) {
      appendAuditEntry(
        db,
        {
          kind: 'purge',
          actor: null,
          payload: { what: 'templates', reason: `status_${status}`, submissionIds: [submissionId] },
        },
        now,
      );
    }
    return changed;
  });
}
