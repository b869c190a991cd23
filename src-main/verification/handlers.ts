import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { checkSubmission, verifyCapture, type VerificationDeps } from './verification-service';

export function verificationHandlers(
  deps: VerificationDeps,
  /** Called after a result is recorded: the sync queue changed. */
  onRecorded: () => void,
): HandlerSlice<'submission:check' | 'verify:capture'> {
  return {
    'submission:check': async ({ submissionId, recordAttempt }, { connection }) => {
      const { token, session } = await requireOperator(deps.store, connection);
      return checkSubmission(deps, submissionId, token, {
        recordAttemptBy: recordAttempt ? session.operator.operatorId : null,
      });
    },
    'verify:capture': async ({ submissionId, image }, { connection }) => {
      const { session } = await requireOperator(deps.store, connection);
      const outcome = await verifyCapture(
        deps,
        { submissionId, image },
        session.operator.operatorId,
      );
      onRecorded();
      return outcome;
    },
  };
}
