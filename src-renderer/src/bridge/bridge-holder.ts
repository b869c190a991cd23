// The one connected client, installed at start-up and read by the stores (tests install their
// own, backed by a fake transport).
import type { StationClient, StationEvents } from '../../../src-shared/contract/api';

export interface StationBridge {
  client: StationClient;
  on: StationEvents;
}

let installed: StationBridge | null = null;

export function installBridge(bridge: StationBridge): void {
  installed = bridge;
}

export function useBridge(): StationBridge {
  if (installed === null) throw new Error('The station bridge is not installed yet');
  return installed;
}
