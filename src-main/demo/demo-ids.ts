// Kept for verification/ until it imports src-shared/faceauth/demo-ids directly
// (docs/architecture.md, known debts).
export { DEMO_PREFIX, isDemoSubmissionId } from '../../src-shared/faceauth/demo-ids';
