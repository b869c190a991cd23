// The one contract for everything that crosses the bridge (Electron IPC or the browser host's
// WebSocket). Main validates every request against it before a handler runs; the typed client
// and the preload are derived from it.
import type { z } from 'zod';
import { auditMethods } from './audit';
import type { EventChannel, MethodChannel } from './channels';
import { cacheAgeMethods } from './cache-age';
import { demoMethods } from './demo';
import { erasureMethods } from './erasure';
import { frameMethods } from './frame';
import { operatorAdminMethods } from './operator-admin';
import { resultMethods } from './results';
import { operatorMethods, sessionMethods } from './session';
import { settingsMethods } from './settings';
import { stationEvents, stationMethods } from './station';
import { syncEvents, syncMethods } from './sync';
import { verifyMethods } from './verify';

export interface MethodSpec {
  request: z.ZodType;
  response: z.ZodType;
}

export const methods = {
  ...stationMethods,
  ...frameMethods,
  ...sessionMethods,
  ...operatorMethods,
  ...operatorAdminMethods,
  ...verifyMethods,
  ...resultMethods,
  ...erasureMethods,
  ...syncMethods,
  ...settingsMethods,
  ...cacheAgeMethods,
  ...demoMethods,
  ...auditMethods,
} satisfies Record<MethodChannel, MethodSpec>;

export const events = {
  ...stationEvents,
  ...syncEvents,
} satisfies Record<EventChannel, z.ZodType>;

// Both directions: a schema for a channel missing from channels.ts fails here too.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const methodsMatchChannels: Exactly<keyof typeof methods, MethodChannel> = true;
const eventsMatchChannels: Exactly<keyof typeof events, EventChannel> = true;
void methodsMatchChannels;
void eventsMatchChannels;

export type Methods = typeof methods;
export type Events = typeof events;
export type RequestOf<C extends MethodChannel> = z.input<Methods[C]['request']>;
export type ParsedRequestOf<C extends MethodChannel> = z.output<Methods[C]['request']>;
export type ResponseOf<C extends MethodChannel> = z.output<Methods[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.output<Events[E]>;
