// Station settings with their defaults, as data. Retention is the one the store itself obeys.
import { z } from 'zod';
import { ProjectPolicySchema } from '../../../src-shared/faceauth/policy';
import { DEFAULT_POLICY } from '../../engine/decision/default-policy';
import { appendAuditEntry } from '../../audit/append';
import { requireSession } from '../../operators/service';
import { requireWritable, type StoreContext } from '../context';
import { inTransaction } from '../db/sql';
import { StoreError } from '../errors';
import { getSetting, putSetting } from '../queries/settings';

export const RetentionPolicySchema = z.object({
  /** Captured live images are purged this many days after capture even if never synced. */
  capturedImageDays: z.number().int().min(0).max(3650),
  /** Purge a captured image as soon as the central API has confirmed its result. */
  purgeImageAfterSync: z.boolean(),
  /** Reference templates of a submission the central API has not reported for this long go. */
  templateDays: z.number().int().min(1).max(3650),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const SETTING_SCHEMAS = {
  retention: RetentionPolicySchema,
  stationName: z.string().min(1).max(100),
  language: z.enum(['en', 'ko']),
  /** The FaceAuth project's policy this station decides with (thresholds, enabled checks). */
  projectPolicy: ProjectPolicySchema,
} as const;
export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  retention: { capturedImageDays: 30, purgeImageAfterSync: true, templateDays: 90 },
  stationName: 'FaceAuth Station',
  language: 'en',
  projectPolicy: DEFAULT_POLICY,
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

export function writeSetting(
  ctx: StoreContext,
  sessionToken: string,
  key: string,
  value: unknown,
): void {
  const admin = requireSession(ctx, sessionToken, 'admin');
  if (!isSettingKey(key)) throw new StoreError('invalid_input', `unknown setting ${key}`);
  const parsed = SETTING_SCHEMAS[key].safeParse(value);
  if (!parsed.success) throw new StoreError('invalid_input', `bad value for ${key}`);
  const db = requireWritable(ctx);
  const now = ctx.clock();
  inTransaction(db, () => {
    const before = getSetting(db, key)?.value ?? null;
    putSetting(db, key, parsed.data, now);
    appendAuditEntry(
      db,
      {
        kind: 'settings',
        actor: admin.operator.username,
        payload: { key, before, after: parsed.data },
      },
      now,
    );
  });
}
