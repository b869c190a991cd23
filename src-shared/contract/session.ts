// Operator sessions. The session token never reaches the renderer: main keeps it per bridge
// connection, so a page only ever learns who is signed in and until when.
import { z } from 'zod';
import { LANGUAGES } from './settings';

export const OPERATOR_ROLES = ['operator', 'supervisor', 'admin'] as const;

export const OperatorViewSchema = z.object({
  operatorId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(OPERATOR_ROLES),
});

export const SessionViewSchema = z.object({
  operator: OperatorViewSchema,
  expiresAt: z.string(),
});

const UsernameSchema = z.string().trim().min(1).max(64);
const PasswordSchema = z.string().min(1).max(256);

/** Another person's credentials, typed at the desk for one action (a supervisor's approval). */
export const CredentialsSchema = z
  .object({ username: UsernameSchema, password: PasswordSchema })
  .strict();

export const SessionStateSchema = z.object({
  session: SessionViewSchema.nullable(),
  /** True on a fresh station: the first admin account must be created before anything else. */
  needsFirstAdmin: z.boolean(),
  /** The station's default language: the sign-in screen shows it, before anyone is known. */
  stationLanguage: z.enum(LANGUAGES),
});

export type OperatorView = z.infer<typeof OperatorViewSchema>;
export type SessionView = z.infer<typeof SessionViewSchema>;
export type SessionState = z.infer<typeof SessionStateSchema>;
export type OperatorRoleName = (typeof OPERATOR_ROLES)[number];

export const sessionMethods = {
  'session:current': { request: z.object({}).strict(), response: SessionStateSchema },
  'session:signIn': { request: CredentialsSchema, response: SessionViewSchema },
  'session:signOut': { request: z.object({}).strict(), response: z.object({}) },
  'session:createFirstAdmin': {
    request: z
      .object({
        username: UsernameSchema,
        displayName: z.string().trim().min(1).max(100),
        password: PasswordSchema,
      })
      .strict(),
    response: SessionViewSchema,
  },
};

export const NewOperatorSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{3,64}$/, '3-64 letters, digits, dot, dash or underscore'),
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(OPERATOR_ROLES),
    password: PasswordSchema,
  })
  .strict();

export const OperatorSummarySchema = OperatorViewSchema.extend({
  locked: z.boolean(),
  /** ISO time the lock-out ends, while locked; the console shows it in local time. */
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  /** ISO time of the last successful desk sign-in; null if never (or only in the list call). */
  lastSignInAt: z.string().nullable(),
});
export type OperatorSummaryView = z.infer<typeof OperatorSummarySchema>;

export const operatorMethods = {
  'operators:list': {
    request: z.object({}).strict(),
    response: z.object({ operators: z.array(OperatorSummarySchema) }),
  },
  'operators:create': { request: NewOperatorSchema, response: OperatorSummarySchema },
};
