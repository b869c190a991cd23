// docs/architecture.md's channel tables against the code: one row per channel; the schema file
// really declares it, the handler file really handles it (the event's emitter really emits it),
// the service and test files exist, and a test named without "(via UI)" names the channel.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, METHOD_CHANNELS } from '../../../src-shared/contract/channels';

const REPO = join(import.meta.dirname, '../../..');
const DOC = readFileSync(join(REPO, 'docs/architecture.md'), 'utf8');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');

/** Rows of the table under `## heading`, as cells, header and rule lines left out. */
function tableRows(heading: string): string[][] {
  const section = DOC.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

function channelOf(cell: string | undefined): string {
  return (cell ?? '').replace(/`/g, '');
}

/** Every `*Methods` / `*Events` object the contract file exports, by channel. */
async function declaredIn(schemaFile: string, suffix: 'Methods' | 'Events'): Promise<string[]> {
  const module = (await import(join(REPO, schemaFile))) as Record<string, unknown>;
  return Object.entries(module)
    .filter(([name, value]) => name.endsWith(suffix) && typeof value === 'object' && value !== null)
    .flatMap(([, value]) => Object.keys(value as object));
}

function checkTests(channel: string, cell: string | undefined): void {
  const tests = (cell ?? '').split(',').map((entry) => entry.trim());
  expect(tests.length, channel).toBeGreaterThan(0);
  for (const entry of tests) {
    const path = entry.replace(' (via UI)', '');
    expect(existsSync(join(REPO, path)), `${channel}: ${path}`).toBe(true);
    if (!entry.endsWith('(via UI)'))
      expect(read(path), `${channel} in ${path}`).toContain(`'${channel}'`);
  }
}

describe('docs/architecture.md', () => {
  const methodRows = tableRows('Method channels');
  const eventRows = tableRows('Event channels');

  it('has one row for every method channel and every event channel, and no other', () => {
    expect(methodRows.map((row) => channelOf(row[0])).sort()).toEqual([...METHOD_CHANNELS].sort());
    expect(eventRows.map((row) => channelOf(row[0])).sort()).toEqual([...EVENT_CHANNELS].sort());
  });

  it.each(methodRows.map((row) => [channelOf(row[0]), row] as const))(
    '%s: schema, handler, service and tests are where the row says',
    async (channel, [, schema, handler, service, tests]) => {
      expect(await declaredIn(schema ?? '', 'Methods')).toContain(channel);
      expect(read(handler ?? '')).toMatch(new RegExp(`'${channel}'(: |\\()`));
      expect(existsSync(join(REPO, service ?? '')), `${channel}: ${service}`).toBe(true);
      checkTests(channel, tests);
    },
  );

  it.each(eventRows.map((row) => [channelOf(row[0]), row] as const))(
    '%s: schema and emitter are where the row says',
    async (channel, [, schema, emitter, tests]) => {
      expect(await declaredIn(schema ?? '', 'Events')).toContain(channel);
      expect(read(emitter ?? '')).toContain(`emit('${channel}'`);
      checkTests(channel, tests);
    },
  );

  it('names only contract files that exist', () => {
    const contract = readdirSync(join(REPO, 'src-shared/contract'));
    for (const row of [...methodRows, ...eventRows]) {
      expect(contract).toContain((row[1] ?? '').replace('src-shared/contract/', ''));
    }
  });
});
