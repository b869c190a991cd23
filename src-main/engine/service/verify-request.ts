// Checks a verification request in ARGOS's order (required fields first, then the policy, then
// the reference templates) and answers the parsed policy and the reference descriptors.
import { ProjectPolicySchema, type ProjectPolicy } from '../../../src-shared/faceauth/policy';
import type { VerifyRequest } from '../engine-types';
import { EngineError } from '../errors/engine-error';
import { FaceTemplateSchema, TEMPLATE_MODEL } from '../template/face-template';

export interface CheckedVerifyRequest {
  faceImage: Uint8Array;
  policy: ProjectPolicy;
  references: number[][];
}

export function checkVerifyRequest(request: VerifyRequest): CheckedVerifyRequest {
  // ARGOS checks required fields before anything else.
  if (request.faceImage === undefined || request.faceImage.length === 0) {
    throw new EngineError('required_field_missing', 'faceImage is empty or missing');
  }
  const policy = ProjectPolicySchema.safeParse(request.policy);
  if (!policy.success) throw new EngineError('invalid_data_format', 'project policy invalid');
  if (request.templates.length === 0) {
    throw new EngineError('required_field_missing', 'no reference template');
  }
  const references = request.templates.map((t) => {
    const parsed = FaceTemplateSchema.safeParse(t);
    if (!parsed.success) throw new EngineError('data_processing_error', 'template malformed');
    if (parsed.data.model !== TEMPLATE_MODEL) {
      throw new EngineError(
        'data_processing_error',
        `template of model ${parsed.data.model}, engine uses ${TEMPLATE_MODEL}: re-enroll`,
      );
    }
    return parsed.data.descriptor;
  });
  return { faceImage: request.faceImage, policy: policy.data, references };
}
