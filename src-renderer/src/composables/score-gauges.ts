// The bars under the verdict: each score the result carries, against the project's threshold
// (occlusion passes below its cut, the others at or above theirs).
import type { ProjectPolicy } from '../../../src-shared/faceauth/policy';
import type { FaceAuthResult } from '../../../src-shared/faceauth/result';
import { OCCLUDED_CUT } from '../../../src-shared/faceauth/policy';

export interface Gauge {
  key: string;
  value: number;
  threshold: number | null;
  above: boolean;
}

export function scoreGauges(result: FaceAuthResult, policy: ProjectPolicy | null): Gauge[] {
  const score = result.score;
  const list: Gauge[] = [
    {
      key: 'face_similarity_score',
      value: score.face_similarity_score,
      threshold: policy?.faceSimilarity_threshold ?? null,
      above: true,
    },
  ];
  if (score.occluded_score !== undefined)
    list.push({
      key: 'occluded_score',
      value: score.occluded_score,
      threshold: policy?.occluded_threshold ? OCCLUDED_CUT : null,
      above: false,
    });
  if (score.face_cover_score !== undefined)
    list.push({
      key: 'face_cover_score',
      value: score.face_cover_score,
      threshold: policy?.faceCover_threshold || null,
      above: true,
    });
  if (score.head_cover_score !== undefined)
    list.push({
      key: 'head_cover_score',
      value: score.head_cover_score,
      threshold: policy?.headCover_threshold || null,
      above: true,
    });
  return list;
}
