// Child of the kill test: opens the real store (worker thread, WAL, synchronous=FULL) and records
// results as fast as it can, printing `ACK <id>` only after the store has replied, i.e. after
// the transaction committed. stdout to a pipe is synchronous on Linux, so an ACK the parent
// reads was written before the next record started.
import { openStore } from '../../src-main/store/client';
import { durabilityAuditKey, imageFor, resultFor } from './durability-fixtures';

const [dbPath, workerPath, run, keyHex] = process.argv.slice(2);
if (!dbPath || !workerPath || !run || !keyHex)
  throw new Error('usage: durability-child db worker run keyHex');

const store = await openStore({
  dbPath,
  workerPath,
  dataKey: Buffer.from(keyHex, 'hex'),
  // A key of its own for the audit MAC, derived so that every run of the kill test agrees.
  auditKey: durabilityAuditKey(keyHex),
  stationId: 'durability-station',
});
if (store.status.mode !== 'writable') {
  process.stdout.write(`SAFE ${JSON.stringify(store.status)}\n`);
  process.exit(3);
}
process.stdout.write('READY\n');
for (let n = 0; ; n += 1) {
  const id = `run${run}-${n}`;
  await store.send('results:record', {
    submissionId: `sub-${n % 97}`,
    result: resultFor(id),
    modelVersion: 'durability-model',
    policyVersion: 'durability-policy',
    operatorId: 'op-durability',
    capturedImage: imageFor(id),
  });
  process.stdout.write(`ACK ${id}\n`);
}
