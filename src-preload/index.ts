// The sandboxed preload: exposes ONE named object, window.faceauthStation, with one function per
// contract channel. No ipcRenderer, no generic invoke, no process. `satisfies PreloadApi` makes
// the compiler fail when a channel is added to the contract but not here, or the other way.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventChannel, MethodChannel } from '../src-shared/contract/channels';
import type { PreloadApi } from '../src-shared/contract/api';
import type { RequestOf, ResponseOf } from '../src-shared/contract/contract';
import type { Envelope } from '../src-shared/contract/envelope';

function invoke<C extends MethodChannel>(channel: C) {
  return (request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>> =>
    ipcRenderer.invoke(channel, request);
}

function subscribe(channel: EventChannel) {
  return (listener: (payload: unknown) => void): (() => void) => {
    // Strip the event object: it carries `sender`, which must never reach the page.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  };
}

const api = {
  methods: {
    station: { status: invoke('station:status') },
    frame: { analyze: invoke('frame:analyze') },
    session: {
      current: invoke('session:current'),
      signIn: invoke('session:signIn'),
      signOut: invoke('session:signOut'),
      createFirstAdmin: invoke('session:createFirstAdmin'),
    },
    operators: {
      list: invoke('operators:list'),
      create: invoke('operators:create'),
      disable: invoke('operators:disable'),
      enable: invoke('operators:enable'),
      unlock: invoke('operators:unlock'),
      revokeSessions: invoke('operators:revokeSessions'),
      resetPassword: invoke('operators:resetPassword'),
      changeRole: invoke('operators:changeRole'),
      changeOwnPassword: invoke('operators:changeOwnPassword'),
    },
    submission: { check: invoke('submission:check') },
    verify: { capture: invoke('verify:capture') },
    results: {
      search: invoke('results:search'),
      detail: invoke('results:detail'),
      override: invoke('results:override'),
      exportCsv: invoke('results:exportCsv'),
      disagreements: invoke('results:disagreements'),
      reviewDisagreement: invoke('results:reviewDisagreement'),
      erasePerson: invoke('results:erasePerson'),
    },
    sync: { status: invoke('sync:status'), runNow: invoke('sync:runNow') },
    settings: {
      get: invoke('settings:get'),
      update: invoke('settings:update'),
      cacheAge: invoke('settings:cacheAge'),
      setCacheAge: invoke('settings:setCacheAge'),
    },
    engine: { diagnostics: invoke('engine:diagnostics') },
    demo: {
      status: invoke('demo:status'),
      enroll: invoke('demo:enroll'),
      revoke: invoke('demo:revoke'),
    },
    audit: { verify: invoke('audit:verify') },
  },
  events: {
    station: { statusChanged: subscribe('station:statusChanged') },
    sync: { statusChanged: subscribe('sync:statusChanged') },
  },
} satisfies PreloadApi;

contextBridge.exposeInMainWorld('faceauthStation', api);
