// ARGOS FaceAuth's failure and error codes, spelled exactly as the public docs spell them
// (see ../shared/argos-faceauth.md, "Failure codes" and "Error codes"). Never re-case them.

export const FAIL_COMMENTS = {
  face_compare_underscore: 'Face compare similarity score is lower than the threshold',
  Face_Occluded_fail: 'Face is occluded',
  Face_cover_fail: 'Protection equipment is not found on Face',
  Head_cover_fail: 'Protection equipment is not found on Head',
} as const;

export type FailCode = keyof typeof FAIL_COMMENTS;
export const FAIL_CODES = Object.keys(FAIL_COMMENTS) as FailCode[];

export const ERROR_MESSAGES = {
  invalid_data_format: 'Data parsing error. Please check input data.',
  required_field_missing: 'Required field is missing',
  Invalid_submissionId: 'Fail to find the submission data',
  Invalid_projectId: 'Fail to find the project data',
  invalid_submission_status: 'The submission must be approved to process face authentication',
  image_converting_error: 'Image converting error',
  image_processing_error: 'Image processing error',
  detection_server_error: 'Cannot finish process of detecting face',
  no_face: 'Face is not detected',
  data_processing_error: 'Data processing error',
} as const;

export type FaceAuthErrorCode = keyof typeof ERROR_MESSAGES;
export const FACEAUTH_ERROR_CODES = Object.keys(ERROR_MESSAGES) as FaceAuthErrorCode[];
