// docs/architecture.md's Domains table against the code: every channel family has exactly one
// domain folder, that folder holds the family's handlers (and its events' emitters), exists, and
// is a domain in the layer rules, so check:layers keeps it from importing host/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, METHOD_CHANNELS } from '../../../src-shared/contract/channels';
import { LAYER_RULES } from '../../../scripts/layers/layer-rules';

const REPO = join(import.meta.dirname, '../../..');
const DOC = readFileSync(join(REPO, 'docs/architecture.md'), 'utf8');

function section(heading: string): string {
  return DOC.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
}

/** Cells of a section's table rows whose first cell starts with `start`. */
function rows(heading: string, start: string): string[][] {
  return section(heading)
    .split('\n')
    .filter((line) => line.startsWith(`| ${start}`))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** family ("results") -> domain folder ("src-main/results/"), from the Domains table. */
function familyFolders(): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const [folder = '', families = ''] of rows('Domains', 'src-main/')) {
    for (const [, family = ''] of families.matchAll(/`([a-z]+):\*`/g)) {
      folders.set(family, [...(folders.get(family) ?? []), folder]);
    }
  }
  return folders;
}

const familyOf = (channel: string) => channel.split(':')[0] ?? '';

describe('docs/architecture.md, Domains', () => {
  const folders = familyFolders();

  it('gives every channel family exactly one folder, and names no family the contract lacks', () => {
    const families = new Set([...METHOD_CHANNELS, ...EVENT_CHANNELS].map(familyOf));
    expect([...folders.keys()].sort()).toEqual([...families].sort());
    for (const [family, list] of folders) expect(list, family).toHaveLength(1);
  });

  it("puts every channel's handler (or emitter) in its family's folder", () => {
    const placed = [
      ...rows('Method channels', '`').map(([channel = '', , handler = '']) => [channel, handler]),
      ...rows('Event channels', '`').map(([channel = '', , emitter = '']) => [channel, emitter]),
    ];
    expect(placed).toHaveLength(METHOD_CHANNELS.length + EVENT_CHANNELS.length);
    for (const [channel = '', file = ''] of placed) {
      const folder = folders.get(familyOf(channel.replace(/`/g, '')))?.[0] ?? '(none)';
      expect(file.startsWith(folder), `${channel}: ${file} in ${folder}`).toBe(true);
    }
  });

  it('lists folders that exist and that the layer rules treat as domains', () => {
    const domainRule = LAYER_RULES.find((rule) => rule.name === 'domains-import-no-host');
    const domainPath = new RegExp(String(domainRule?.from.path));
    const listed = rows('Domains', 'src-main/').map(([folder = '']) => folder);
    expect(listed.length).toBeGreaterThan(5);
    for (const folder of listed) {
      expect(existsSync(join(REPO, folder)), folder).toBe(true);
      expect(domainPath.test(`${folder}handlers.ts`), folder).toBe(true);
    }
  });
});
