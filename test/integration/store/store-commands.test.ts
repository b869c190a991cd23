// The two measuring commands, run small so the suite stays fast: the kill test with a few
// kills and the benchmark with a few thousand rows. The full-size runs are
// `npm run test:durability -- --json` and `npm run bench:store -- --json`.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/store/context';

const run = promisify(execFile);
const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

async function script(name: string, args: string[]): Promise<Record<string, number>> {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join('scripts/store', name), ...args, '--dir', join(dir, 'out'), '--json'],
    { timeout: 120_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

describe('store commands', () => {
  it('kill test: a few SIGKILLs lose and corrupt nothing', async () => {
    const figures = await script('durability.ts', ['--kills', '6']);
    expect(Object.keys(figures)).toEqual(['kills', 'acknowledged', 'lost', 'corrupt']);
    expect(figures).toMatchObject({ kills: 6, lost: 0, corrupt: 0 });
  }, 120_000);

  it('benchmark: prints the four figures for a small cache', async () => {
    const figures = await script('bench.ts', [
      '--rows',
      '3000',
      '--lookups',
      '300',
      '--batch',
      '1000',
    ]);
    expect(Object.keys(figures)).toEqual([
      'rows',
      'lookup_p50_ms',
      'lookup_p99_ms',
      'ingest_per_s',
    ]);
    expect(figures.rows).toBe(3000);
    expect(figures.ingest_per_s).toBeGreaterThan(0);
    expect(figures.lookup_p50_ms).toBeGreaterThan(0);
  }, 120_000);
});
