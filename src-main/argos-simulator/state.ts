// The simulator's memory: submissions, FaceAuth records in creation order, event batches.
import type { SimFaceAuthRecord, SimSubmission, StationEventBatch } from './model';

export class SimulatorState {
  readonly submissions = new Map<string, SimSubmission>();
  readonly records: SimFaceAuthRecord[] = [];
  readonly recordsById = new Map<string, SimFaceAuthRecord>();
  readonly eventBatches = new Map<string, StationEventBatch>();

  addRecord(record: SimFaceAuthRecord): void {
    this.records.push(record);
    this.recordsById.set(record.result.authentication_id, record);
  }

  /** Submissions in listing order: creation time, then id. */
  sortedSubmissions(): SimSubmission[] {
    return [...this.submissions.values()].sort(
      (a, b) =>
        a.created_at.localeCompare(b.created_at) || a.submission_id.localeCompare(b.submission_id),
    );
  }
}
