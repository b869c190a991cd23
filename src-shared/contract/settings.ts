// Station settings as an admin sees them. API keys are write-only: the view shows only whether
// one is set and its last four characters.
import { z } from 'zod';
import { ProjectPolicySchema } from '../faceauth/policy';

export const LANGUAGES = ['en', 'ko'] as const;

export const MaskedSecretSchema = z.object({ set: z.boolean(), lastFour: z.string().nullable() });

export const RetentionViewSchema = z.object({
  capturedImageDays: z.number().int().min(0).max(3650),
  purgeImageAfterSync: z.boolean(),
  templateDays: z.number().int().min(1).max(3650),
});

export const SettingsViewSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  language: z.enum(LANGUAGES),
  central: z.object({
    baseUrl: z.string().nullable(),
    faceAuthKey: MaskedSecretSchema,
    idCheckKey: MaskedSecretSchema,
    demo: z.boolean(),
  }),
  policy: ProjectPolicySchema,
  retention: RetentionViewSchema,
});

export const SettingsUpdateSchema = z
  .object({
    stationName: z.string().trim().min(1).max(100).optional(),
    language: z.enum(LANGUAGES).optional(),
    centralBaseUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    faceAuthKey: z.string().trim().min(8).max(256).optional(),
    idCheckKey: z.string().trim().min(8).max(256).optional(),
    retention: RetentionViewSchema.optional(),
    /** The project policy the station decides with (admin). */
    policy: ProjectPolicySchema.optional(),
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
