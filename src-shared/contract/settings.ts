// Station settings as an admin sees them. API keys are write-only: the view shows only whether
// one is set and its last four characters.
import { z } from 'zod';
import { ProjectPolicySchema } from '../faceauth/policy';

export const LANGUAGES = ['en', 'ko'] as const;

/** Biometric data is kept at most 3 years (BIPA 740 ILCS 14/15(a): destroyed within 3 years).
 *  One limit for the form, the bridge and the store. */
export const MAX_RETENTION_DAYS = 3 * 365;

export const MaskedSecretSchema = z.object({ set: z.boolean(), lastFour: z.string().nullable() });

export const RetentionViewSchema = z.object({
  capturedImageDays: z.number().int().min(0).max(MAX_RETENTION_DAYS),
  purgeImageAfterSync: z.boolean(),
  templateDays: z.number().int().min(1).max(MAX_RETENTION_DAYS),
});

export const SettingsViewSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  /** The signed-in operator's own language (the station default until they choose one). */
  language: z.enum(LANGUAGES),
  /** The station's default language: the sign-in screen's, and an operator's until they choose. */
  stationLanguage: z.enum(LANGUAGES),
  central: z.object({
    baseUrl: z.string().nullable(),
    faceAuthKey: MaskedSecretSchema,
    idCheckKey: MaskedSecretSchema,
    demo: z.boolean(),
  }),
  policy: ProjectPolicySchema,
  retention: RetentionViewSchema,
});

/** A partial update: each Settings section sends only what changed in it, and main writes and
 *  audits only the keys whose value really changed. */
export const SettingsUpdateSchema = z
  .object({
    stationName: z.string().trim().min(1).max(100).optional(),
    /** The signed-in operator's own language; any role. */
    language: z.enum(LANGUAGES).optional(),
    /** The station's default language (admin). */
    stationLanguage: z.enum(LANGUAGES).optional(),
    centralBaseUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    faceAuthKey: z.string().trim().min(8).max(256).optional(),
    idCheckKey: z.string().trim().min(8).max(256).optional(),
    retention: RetentionViewSchema.partial().strict().optional(),
    /** The project policy the station decides with (admin); the fields not sent are kept. */
    policy: ProjectPolicySchema.partial().strict().optional(),
  })
  .strict();

export const EngineDiagnosticsViewSchema = z.object({
  state: z.enum(['loading', 'ready', 'failed', 'absent']),
  backend: z.string().nullable(),
  refused: z.array(z.object({ backend: z.string(), reason: z.string() })),
  forced: z.boolean(),
  /** Every runtime tried at start-up (ONNX Runtime providers, then TensorFlow.js): its warm-up
   *  latency on the probe model, or why it was refused or not tried, and which one serves. */
  providers: z.array(
    z.object({
      runtime: z.string(),
      outcome: z.enum(['serves', 'started', 'refused', 'not-tried']),
      warmUpMs: z.number().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  /** ONNX Runtime's intra-op threads; null on TensorFlow.js or while no engine runs. */
  threads: z.number().int().nullable(),
  modelLoadMs: z.number().nullable(),
  workers: z.number().int(),
  completed: z.number().int(),
  latency: z.object({
    samples: z.number().int(),
    p50Ms: z.number().nullable(),
    p95Ms: z.number().nullable(),
  }),
});

export type SettingsView = z.infer<typeof SettingsViewSchema>;
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;
export type EngineDiagnosticsView = z.infer<typeof EngineDiagnosticsViewSchema>;
export type Language = (typeof LANGUAGES)[number];

export const settingsMethods = {
  'settings:get': { request: z.object({}).strict(), response: SettingsViewSchema },
  'settings:update': { request: SettingsUpdateSchema, response: SettingsViewSchema },
  'engine:diagnostics': { request: z.object({}).strict(), response: EngineDiagnosticsViewSchema },
};
