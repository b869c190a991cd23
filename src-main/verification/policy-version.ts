import { createHash } from 'node:crypto';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';

/** A short, stable name for the policy a decision was made under (stored with each result). */
export function policyVersion(policy: ProjectPolicy): string {
  const canonical = JSON.stringify(
    Object.fromEntries(Object.entries(policy).sort(([a], [b]) => a.localeCompare(b))),
  );
  return `policy-${createHash('sha256').update(canonical).digest('hex').slice(0, 12)}`;
}
