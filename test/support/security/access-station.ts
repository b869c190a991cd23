// The access attacks' station (the security station with two supervisors and an operator) and
// what they record in it: results as a verification would have, cached submissions, the audit
// head. Shared by access-decisions and access-biometrics.
import type WebSocket from 'ws';
import { POLICY_85 } from '../store/context';
import { ADMIN, startSecurityStation, type SecurityStation } from './station';

export const SAM = {
  username: 'sam',
  displayName: 'Sam',
  role: 'supervisor',
  password: 'sam password 12',
} as const;
export const SUE = {
  username: 'sue',
  displayName: 'Sue',
  role: 'supervisor',
  password: 'sue password 12',
} as const;
export const OLGA = {
  username: 'olga',
  displayName: 'Olga',
  role: 'operator',
  password: 'olga password 1',
} as const;
export interface AccessStation {
  station: SecurityStation;
  /** Operator ids by username. */
  ids: Record<string, string>;
  /** The admin's signed-in connection. */
  admin: WebSocket;
}

export async function startAccessStation(name: string): Promise<AccessStation> {
  const station = await startSecurityStation(name);
  const ids = await station.createAccounts([SAM, SUE, OLGA]);
  return { station, ids, admin: await station.signedIn(ADMIN) };
}

let serial = 0;
/** A rejected result as a verification by `operatorId` would have recorded it. */
export async function rejectedResult(
  station: SecurityStation,
  operatorId: string | null,
  submissionId = 'SUB-1',
  capturedImage: Uint8Array | null = null,
): Promise<string> {
  serial += 1;
  const id = `01a2${serial.toString(16).padStart(8, '0')}-0000-7000-8000-000000000000`;
  await station.host.services.store.send('results:record', {
    submissionId,
    result: {
      authentication_id: id,
      create_time: new Date().toISOString(),
      score: { face_similarity_score: 40 },
      auth_status: 'rejected',
      fail_code: ['face_compare_underscore'],
      rejected_comment: ['Face compare similarity score is lower than the threshold'],
    },
    modelVersion: 'test',
    policyVersion: 'test',
    operatorId,
    capturedImage,
  });
  return id;
}

export async function cacheSubmission(
  station: SecurityStation,
  submissionId: string,
  seenAt: number,
  biometrics: { templates: Uint8Array; thumbnail: Uint8Array },
): Promise<void> {
  await station.host.services.store.send('submissions:upsertMany', {
    items: [
      {
        submissionId,
        status: 'approved',
        policy: POLICY_85,
        templates: { modelVersion: 'test-model', data: biometrics.templates },
        thumbnail: biometrics.thumbnail,
        seenAt,
      },
    ],
  });
}

export async function auditHead(station: SecurityStation): Promise<number> {
  return (await station.host.services.store.send('audit:head', {})).head?.seq ?? 0;
}

export const approve = (
  authenticationId: string,
  supervisor?: { username: string; password: string },
) => ({
  authenticationId,
  decision: 'approved',
  reasonCode: 'identity_confirmed_by_document',
  reasonText: 'Passport checked',
  ...(supervisor ? { supervisor } : {}),
});
export const creds = (a: { username: string; password: string }) => ({
  username: a.username,
  password: a.password,
});
