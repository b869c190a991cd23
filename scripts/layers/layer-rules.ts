// The layer order (docs/architecture.md) as dependency-cruiser rules. From the bottom up:
// src-shared (contract, FaceAuth types) <- services (engine with its checks, argos-simulator; the
// store's own stack: database <- audit <- operators <- store) <- bridge <- domains (one folder per
// channel family) <- host/ (wiring) <- electron/, browser-host/ (hosts) <- tools/ (CLI, training,
// evaluation: developers' and installers' programs, never shipped in the app). A rule names what
// a layer must NOT import.
// Paths may sit under a fixture root (test/fixtures/layers), hence the `(^|/)` anchors.
import type { IForbiddenRuleType } from 'dependency-cruiser';

const root = '(^|/)';
const SERVICES = '(engine|database|store|audit|operators|argos-simulator)';
const DOMAINS = '(access|accounts|verification|results|session|settings|sync|demo|frame|station)';
const ABOVE_SERVICES = `(bridge|host|electron|browser-host|${DOMAINS.slice(1, -1)})`;
/**
 * Store code that runs only in the store worker (SQL, better-sqlite3, the cipher, the worker's
 * services): main talks to it through store/client. The same pattern checks the built bundle
 * (scripts/build/module-manifest.ts).
 */
export const WORKER_ONLY_STORE = `${root}src-main/(store/(worker|services)|database/(db|queries|migrations|crypto))/`;

export const LAYER_RULES: IForbiddenRuleType[] = [
  {
    name: 'nothing-imports-tools',
    comment:
      'tools/ sit on top (they may import src-main and src-shared); the product never imports them',
    severity: 'error',
    from: { path: `${root}src-(main|shared|renderer|preload)/` },
    to: { path: `${root}tools/` },
  },
  {
    name: 'shared-at-the-bottom',
    comment: 'src-shared is imported by everyone and imports no process code',
    severity: 'error',
    from: { path: `${root}src-shared/` },
    to: { path: `${root}src-(main|renderer|preload)/` },
  },
  {
    name: 'renderer-only-through-the-contract',
    comment: 'the renderer reaches main only through the typed bridge (src-shared/contract)',
    severity: 'error',
    from: { path: `${root}src-renderer/` },
    to: { path: `${root}src-(main|preload)/` },
  },
  {
    name: 'services-import-no-handlers-or-hosts',
    comment: 'engine, store, audit, operators are services: no handler, bridge or host code',
    severity: 'error',
    from: { path: `${root}src-main/${SERVICES}/` },
    to: { path: `${root}src-main/${ABOVE_SERVICES}/` },
  },
  {
    name: 'data-layer-imports-nothing-above-it',
    comment: 'database/ (db, queries, migrations, crypto) sits below audit, operators and store',
    severity: 'error',
    from: { path: `${root}src-main/database/` },
    to: { path: `${root}src-main/`, pathNot: `${root}src-main/database/` },
  },
  {
    name: 'audit-below-operators-and-store',
    comment: 'the audit chain runs inside store and operator writes; it imports neither',
    severity: 'error',
    from: { path: `${root}src-main/audit/` },
    to: { path: `${root}src-main/(store|operators)/` },
  },
  {
    name: 'operators-below-the-store',
    comment: "the store's services and worker call operators/; operators/ never calls them",
    severity: 'error',
    from: { path: `${root}src-main/operators/` },
    to: { path: `${root}src-main/store/` },
  },
  {
    name: 'bridge-knows-no-domain',
    comment: 'the bridge validates and dispatches; it imports no domain and no host',
    severity: 'error',
    from: { path: `${root}src-main/bridge/` },
    to: { path: `${root}src-main/(host|electron|browser-host|${DOMAINS.slice(1, -1)})/` },
  },
  {
    name: 'domains-import-no-host',
    comment: 'a domain owns its handlers and service; host/ wires them, never the reverse',
    severity: 'error',
    from: { path: `${root}src-main/${DOMAINS}/` },
    to: { path: `${root}src-main/(host|electron|browser-host)/` },
  },
  {
    name: 'only-hosts-import-hosts',
    comment: 'electron/ and browser-host/ only host: nothing below them imports them',
    severity: 'error',
    from: { path: `${root}src-main/`, pathNot: `${root}src-main/(electron|browser-host)/` },
    to: { path: `${root}src-main/(electron|browser-host)/` },
  },
  {
    name: 'worker-only-store-code-stays-in-the-worker',
    comment: 'SQL, queries and worker services must not reach the main bundle (types are fine)',
    severity: 'error',
    // Bridge, domains and hosts run in main, and so do the files at store/'s top (client,
    // call-store, station-store, protocol, csv, submission-gate). operators/ and audit/ run in
    // both, so the built-bundle test (test/e2e/main-bundle-modules) catches what reaches main
    // through them.
    from: {
      path: `${root}src-main/((bridge|host|electron|browser-host|${DOMAINS.slice(1, -1)})/|store/[^/]+$)`,
    },
    to: { path: WORKER_ONLY_STORE, dependencyTypesNot: ['type-only'] },
  },
];
