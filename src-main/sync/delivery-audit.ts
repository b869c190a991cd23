// The exactly-once check behind the chaos run and its negative controls: compares what the
// station recorded with what the central API holds, by cf2 (the local authentication id).
import type { DeliveryRecord } from '../store/services/sync-state';

export interface CentralRecord {
  authenticationId: string;
  submissionId: string;
  cf1: string | null;
  cf2: string | null;
  cf3: string | null;
}

export interface DeliveryCheck {
  results: number;
  central_records: number;
  /** Extra central records for a local result (more than one per cf2). */
  duplicates: number;
  /** Local results with no central record. */
  missing: number;
  /** Central records that disagree with the station's record of them (or belong to no result). */
  mismatched: number;
  /** Local results not yet marked delivered. */
  pending: number;
}

export function checkDelivery(
  local: readonly DeliveryRecord[],
  central: readonly CentralRecord[],
  stationId: string,
): DeliveryCheck {
  const ours = central.filter((record) => record.cf1 === stationId);
  const byCf2 = new Map<string, CentralRecord[]>();
  for (const record of ours) {
    const list = byCf2.get(record.cf2 ?? '') ?? [];
    list.push(record);
    byCf2.set(record.cf2 ?? '', list);
  }
  const localIds = new Set(local.map((r) => r.authenticationId));
  let duplicates = 0;
  let missing = 0;
  let mismatched = 0;
  let pending = 0;
  for (const result of local) {
    if (result.syncedAt === null) pending += 1;
    const records = byCf2.get(result.authenticationId) ?? [];
    if (records.length === 0) {
      missing += 1;
      continue;
    }
    duplicates += records.length - 1;
    const verdict = result.centralVerdict as { authentication_id?: string } | null;
    const recordedId = verdict?.authentication_id;
    const wrong = records.some((record) => record.submissionId !== result.submissionId);
    const unlinked =
      result.syncedAt !== null && !records.some((r) => r.authenticationId === recordedId);
    if (wrong || unlinked) mismatched += 1;
  }
  for (const [cf2, records] of byCf2) if (!localIds.has(cf2)) mismatched += records.length;
  return {
    results: local.length,
    central_records: ours.length,
    duplicates,
    missing,
    mismatched,
    pending,
  };
}
