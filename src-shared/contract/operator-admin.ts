// What an admin does to an operator account, and what anyone does to their own password. The
// answers carry no secret: passwords go one way only, into main, where they are hashed.
import { z } from 'zod';
import { OPERATOR_ROLES } from './session';

const OperatorIdSchema = z.string().min(1).max(64);
/** Length rules (12 characters at least) are main's, so that they hold for every caller. */
const NewPasswordSchema = z.string().min(1).max(256);
const Target = z.object({ operatorId: OperatorIdSchema }).strict();
const Done = z.object({});

export const operatorAdminMethods = {
  /** Disabling ends the account's sessions: its open connections answer `unauthorized`. */
  'operators:disable': { request: Target, response: Done },
  'operators:enable': { request: Target, response: Done },
  'operators:unlock': { request: Target, response: Done },
  'operators:revokeSessions': { request: Target, response: Done },
  'operators:resetPassword': {
    request: Target.extend({ password: NewPasswordSchema }).strict(),
    response: Done,
  },
  'operators:changeRole': {
    request: Target.extend({ role: z.enum(OPERATOR_ROLES) }).strict(),
    response: Done,
  },
  /** Any signed-in operator, for their own account; other sessions of theirs end. */
  'operators:changeOwnPassword': {
    request: z
      .object({ currentPassword: z.string().min(1).max(256), newPassword: NewPasswordSchema })
      .strict(),
    response: Done,
  },
};
