// Starts a TypeScript worker entry in development and tests. Node 20's workers ignore
// `execArgv: ['--import', 'tsx']` for the entry file itself (it fails with "Unknown file
// extension .ts"), so this plain-JS file registers tsx in the worker thread first and then
// imports the real entry, passed as the worker's first argv. Bundled builds never use it.
import { register } from 'tsx/esm/api';

register();
const entry = process.argv[2];
if (entry === undefined) throw new Error('ts-worker-bootstrap: no entry given');
await import(entry);
