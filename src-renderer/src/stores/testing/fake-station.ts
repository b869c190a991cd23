// The station as the store tests see it: the real typed client (answers validated against the
// contract, error envelopes turned into BridgeErrors, `unauthorized` signing the desk out exactly
// as main.ts wires it) over a transport that answers from the test's table and records each call.
// Test-only: no screen imports it.
import { createTestingPinia, type TestingPinia } from '@pinia/testing';
import { vi } from 'vitest';
import type { EventChannel, MethodChannel } from '../../../../src-shared/contract/channels';
import { failure, type Envelope } from '../../../../src-shared/contract/envelope';
import { installBridge } from '../../bridge/bridge-holder';
import { createStationClient } from '../../bridge/client';
import { useSessionStore } from '../session';

export type Answer = (payload: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>;

export interface FakeStation {
  /** Every call the store made, in order. */
  readonly calls: { channel: MethodChannel; payload: unknown }[];
  channels(): MethodChannel[];
  /** Pushes an event as main would (it is validated against the contract on the way in). */
  emit(channel: EventChannel, payload: unknown): void;
  /** How many listeners are subscribed to a channel now. */
  listeners(channel: EventChannel): number;
}

export const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });

/** What the WebSocket transport answers while the station is not connected (ws-transport.ts). */
export const OFFLINE = failure('unavailable', 'The station is not connected');

/** What main answers once the session expired or was revoked. */
export const UNAUTHORIZED = failure('unauthorized', 'session expired or unknown');

/**
 * A testing Pinia whose stores run their own actions (stubActions: false) with spied actions, so
 * a test can both drive a store and see what it asked of another.
 */
export function useTestingStores(): TestingPinia {
  return createTestingPinia({ createSpy: vi.fn, stubActions: false });
}

/** Installs the station; channels missing from `answers` fail as `internal`, loudly. */
export function installFakeStation(answers: Partial<Record<MethodChannel, Answer>>): FakeStation {
  const calls: FakeStation['calls'] = [];
  const subscribers = new Map<EventChannel, Set<(payload: unknown) => void>>();
  installBridge(
    createStationClient(
      {
        kind: 'websocket',
        call: async (channel, payload) => {
          calls.push({ channel, payload });
          const answer = answers[channel];
          return answer ? answer(payload) : failure('internal', `no answer for ${channel}`);
        },
        subscribe: (channel, listener) => {
          const set = subscribers.get(channel) ?? new Set();
          set.add(listener);
          subscribers.set(channel, set);
          return () => set.delete(listener);
        },
      },
      { onSessionLost: () => useSessionStore().forget() },
    ),
  );
  return {
    calls,
    channels: () => calls.map((call) => call.channel),
    emit: (channel, payload) => {
      for (const listener of subscribers.get(channel) ?? []) listener(payload);
    },
    listeners: (channel) => subscribers.get(channel)?.size ?? 0,
  };
}

/** Signs someone in on the desk, so a test can see an `unauthorized` answer sign them out. */
export function signInAs(role: 'operator' | 'supervisor' | 'admin'): void {
  useSessionStore().session = {
    operator: { operatorId: `op-${role}`, username: role, displayName: role, role },
    expiresAt: '2026-11-30T12:00:00.000Z',
  };
}
