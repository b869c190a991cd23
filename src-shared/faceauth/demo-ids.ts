// Demo submissions are recognisable by their id alone, everywhere: the console marks them, and
// sync refuses to send them to any central API but the local simulator.
export const DEMO_PREFIX = 'DEMO-';

export function isDemoSubmissionId(submissionId: string): boolean {
  return submissionId.startsWith(DEMO_PREFIX);
}
