// The closed list of channels, free of any schema library so the sandboxed preload can import
// it cheaply. Channel names read `domain:verb`. contract.ts checks that it declares a schema
// for exactly these names.

export const METHOD_CHANNELS = [
  'station:status',
  'frame:analyze',
  'session:current',
  'session:signIn',
  'session:signOut',
  'session:createFirstAdmin',
  'operators:list',
  'operators:create',
  'operators:disable',
  'operators:enable',
  'operators:unlock',
  'operators:revokeSessions',
  'operators:resetPassword',
  'operators:changeRole',
  'operators:changeOwnPassword',
  'submission:check',
  'verify:capture',
  'results:search',
  'results:detail',
  'results:override',
  'results:exportCsv',
  'results:disagreements',
  'results:reviewDisagreement',
  'results:erasePerson',
  'sync:status',
  'sync:runNow',
  'settings:get',
  'settings:update',
  'settings:cacheAge',
  'settings:setCacheAge',
  'engine:diagnostics',
  'demo:status',
  'demo:enroll',
  'demo:revoke',
  'audit:verify',
] as const;
export const EVENT_CHANNELS = ['station:statusChanged', 'sync:statusChanged'] as const;

export type MethodChannel = (typeof METHOD_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isMethodChannel(value: unknown): value is MethodChannel {
  return typeof value === 'string' && (METHOD_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
