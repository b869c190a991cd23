// tools/ (CLI, checks' training, evaluation) sit above the product: they may import src-main and
// src-shared, nothing under src-* may import them. A fixture with a deliberately wrong import
// proves the check reports it; the real tree proves the engine, its checks and tools are clean.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../../../scripts/layers/check-layers';

const REPO = join(import.meta.dirname, '../../..');

describe('tools/ in the layer check', () => {
  it('reports src-main importing tools/, and the folder cycle it closes, but not the tool importing the engine', async () => {
    const report = await checkLayers(join(REPO, 'test/fixtures/layers-tools'), [
      'src-main',
      'tools',
    ]);
    expect(report.violations).toEqual([
      {
        rule: 'nothing-imports-tools',
        from: 'src-main/engine/uses-tool.ts',
        to: 'tools/cli/bench-tool.ts',
      },
    ]);
    expect(report.folderCycles).toEqual([['src-main/engine', 'tools/cli']]);
  });

  it('the real tree: nothing imports tools/, and the engine, its checks and tools break no rule', async () => {
    const report = await checkLayers(REPO);
    const mine = /^(tools\/|src-main\/engine\/)/;
    const touching = report.violations.filter(
      (violation) => mine.test(violation.from) || violation.to.startsWith('tools/'),
    );
    expect(touching).toEqual([]);
    const cyclesThroughMine = report.folderCycles.filter((cycle) =>
      cycle.some((folder) => folder === 'src-main/engine' || folder.startsWith('tools')),
    );
    expect(cyclesThroughMine).toEqual([]);
    // The cruise really read tools/: the CLI's entry point is among the modules.
    expect(report.modules).toBeGreaterThan(400);
  }, 60_000);
});
