// Station settings with their defaults, as data. Retention is the one the store itself obeys.
import { z } from 'zod';
import { MAX_RETENTION_DAYS } from '../../../src-shared/contract/settings';
import { ProjectPolicySchema } from '../../../src-shared/faceauth/policy';
import { DEFAULT_POLICY } from '../../engine/decision/default-policy';
import { appendAuditEntry } from '../../audit/append';
import { requireSession } from '../../operators/sessions';
import { requireWritable, type StoreContext } from '../../database/context';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { getSetting, putSetting } from '../../database/queries/settings';
/** The lowest face-similarity threshold an admin may set: below it the station would approve
 *  faces that are more likely someone else's than not (issue 11). */
export const SIMILARITY_THRESHOLD_FLOOR = 50;

export const RetentionPolicySchema = z.object({
  /** Captured live images are purged this many days after capture even if never synced. */
  capturedImageDays: z.number().int().min(0).max(MAX_RETENTION_DAYS),
  /** Purge a captured image as soon as the central API has confirmed its result. */
  purgeImageAfterSync: z.boolean(),
  /** Reference templates of a submission the central API has not reported for this long go. */
  templateDays: z.number().int().min(1).max(MAX_RETENTION_DAYS),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const SETTING_SCHEMAS = {
  retention: RetentionPolicySchema,
  stationName: z.string().min(1).max(100),
  language: z.enum(['en', 'ko']),
  /** The FaceAuth project's policy this station decides with (thresholds, enabled checks). */
  /** Revocations reach an offline station only when it syncs: past this many days without the
   *  central API reporting a submission, it no longer verifies (invalid_submission_status). */
  maxCacheAgeDays: z.number().int().min(1).max(365),
  projectPolicy: ProjectPolicySchema.refine(
    (policy) => policy.faceSimilarity_threshold >= SIMILARITY_THRESHOLD_FLOOR,
    `the similarity threshold cannot be below ${SIMILARITY_THRESHOLD_FLOOR}`,
  ),
} as const;
export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  retention: { capturedImageDays: 30, purgeImageAfterSync: true, templateDays: 90 },
  stationName: 'FaceAuth Station',
  language: 'en',
  projectPolicy: DEFAULT_POLICY,
  maxCacheAgeDays: 30,
};

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_SCHEMAS, key);
}

export function readSetting<K extends SettingKey>(ctx: StoreContext, key: K): SettingValue<K> {
  const stored = getSetting(ctx.read, key);
  if (stored === undefined) return SETTING_DEFAULTS[key];
  const parsed = SETTING_SCHEMAS[key].safeParse(stored.value);
  // A value that no longer parses falls back to the default rather than stopping the station.
  return parsed.success ? (parsed.data as SettingValue<K>) : SETTING_DEFAULTS[key];
}

/** Same JSON value, whatever the order of object keys. */
export function sameSettingValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([key, inner]) => [key, canonical(inner)]),
        )
      : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Writes one setting and audits it, only when its value really changes (a section saved with
 * nothing changed writes nothing, and the audit log lists real changes only). Returns whether
 * it changed.
 */
export function writeSetting(
  ctx: StoreContext,
  sessionToken: string,
  key: string,
  value: unknown,
): boolean {
  const admin = requireSession(ctx, sessionToken, 'admin');
  if (!isSettingKey(key)) throw new StoreError('invalid_input', `unknown setting ${key}`);
  const parsed = SETTING_SCHEMAS[key].safeParse(value);
  if (!parsed.success) {
    const why = parsed.error.issues.find((issue) => issue.code === 'custom')?.message;
    throw new StoreError('invalid_input', why ?? `bad value for ${key}`);
  }
  const db = requireWritable(ctx);
  const now = ctx.clock();
  return inTransaction(db, () => {
    const stored = getSetting(db, key);
    const current = stored === undefined ? SETTING_DEFAULTS[key] : stored.value;
    if (sameSettingValue(current, parsed.data)) return false;
    putSetting(db, key, parsed.data, now);
    appendAuditEntry(
      db,
      {
        kind: 'settings',
        actor: admin.operator.username,
        payload: { key, before: stored?.value ?? null, after: parsed.data },
      },
      now,
    );
    return true;
  });
}
