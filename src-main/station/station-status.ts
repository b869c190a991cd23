// Holds what the status bar shows and pushes every change to the renderers.
import type { StationStatus } from '../../src-shared/contract/station';
import type { EventHub } from '../bridge/event-hub';

export class StationStatusService {
  private status: StationStatus;

  constructor(
    initial: StationStatus,
    private readonly hub: EventHub,
  ) {
    this.status = initial;
  }

  current(): StationStatus {
    return this.status;
  }

  update(change: Partial<StationStatus>): void {
    this.status = { ...this.status, ...change };
    this.hub.emit('station:statusChanged', this.status);
  }
}
