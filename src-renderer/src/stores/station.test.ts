import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StationStatus } from '../../../src-shared/contract/station';
import { installBridge, type StationBridge } from '../bridge/bridge-holder';
import { useStationStore } from './station';

const status: StationStatus = {
  version: '1.0.0',
  host: 'electron',
  backend: null,
  engine: 'loading',
  network: { online: false, reason: 'No central API is configured', checkedAt: null },
  framesAnalyzed: 0,
  stationId: 'station-1',
  demo: false,
  warnings: [],
};

function bridgeWith(statusAnswer: () => Promise<StationStatus>) {
  let push: ((payload: StationStatus) => void) | null = null;
  const bridge = {
    client: {
      station: { status: statusAnswer },
      frame: {
        analyze: async () => {
          throw new Error('unused');
        },
      },
    },
    on: {
      station: {
        statusChanged: (listener: (payload: StationStatus) => void) => (
          (push = listener),
          () => (push = null)
        ),
      },
    },
  } as unknown as StationBridge;
  return { bridge, push: (payload: StationStatus) => push?.(payload) };
}

describe('station store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('loads the status and follows pushed changes', async () => {
    const { bridge, push } = bridgeWith(async () => status);
    installBridge(bridge);
    const store = useStationStore();
    await store.connect();
    expect(store.status).toEqual(status);
    push({ ...status, engine: 'ready', backend: 'wasm' });
    expect(store.status?.backend).toBe('wasm');
  });

  it('keeps the error message when main cannot be reached', async () => {
    const { bridge } = bridgeWith(async () => {
      throw new Error('The station is not connected');
    });
    installBridge(bridge);
    const store = useStationStore();
    await store.connect();
    expect(store.status).toBeNull();
    expect(store.error).toBe('The station is not connected');
  });

  it('forgets the status and stops following changes on disconnect', async () => {
    const { bridge, push } = bridgeWith(async () => status);
    installBridge(bridge);
    const store = useStationStore();
    await store.connect();
    store.disconnect();
    expect(store.status).toBeNull();
    push({ ...status, engine: 'ready', backend: 'wasm' });
    expect(store.status).toBeNull();
  });
});
