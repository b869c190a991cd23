// Erasing one person (GDPR art. 17): everything the station holds for a submission id, by an
// admin. What remains is an audit tombstone saying who erased which id, and when.
import { z } from 'zod';
import { SubmissionIdSchema } from './verify';

export const erasureMethods = {
  'results:erasePerson': {
    request: z.object({ submissionId: SubmissionIdSchema }).strict(),
    response: z.object({
      /** Whether the station cached the submission (templates, thumbnail). */
      submission: z.boolean(),
      /** Results of this submission whose captured images were erased. */
      images: z.number().int().nonnegative(),
    }),
  },
};
