// Project policy as ARGOS's FaceAuth listing returns it (FOUND in the docs):
// {"faceSimilarity_threshold":85,"occluded_threshold":false,"faceCover_threshold":0,
//  "headCover_threshold":0,"liveness_threshold":0}
// A cover threshold of 0 means the check is off; occluded_threshold is a boolean switch.
import { z } from 'zod';

export const ProjectPolicySchema = z.object({
  faceSimilarity_threshold: z.number().min(0).max(100),
  occluded_threshold: z.boolean(),
  faceCover_threshold: z.number().min(0).max(100),
  headCover_threshold: z.number().min(0).max(100),
  liveness_threshold: z.number().min(0).max(100).default(0),
});

export type ProjectPolicy = z.infer<typeof ProjectPolicySchema>;

/**
 * occluded_threshold is a boolean in ARGOS's policy, so the cut on occluded_score (confidence the
 * face is occluded) is the station's own: a face scoring this or more fails Face_Occluded_fail
 * (ASSUMED 50: more likely occluded than not). Shared so the console draws the same cut.
 */
export const OCCLUDED_CUT = 50;
