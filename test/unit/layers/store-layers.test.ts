// The store's own stack (database <- audit <- operators <- store) and the worker-only rule, on a
// fixture tree with one wrong import per rule, then on the real sources: no rule broken and no
// folder cycle in these folders, and no main-process code importing worker-only store code.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../../../scripts/layers/check-layers';

const REPO = join(import.meta.dirname, '../../..');
const STORE_STACK = /^src-main\/(database|audit|operators|store)(\/|$)/;

describe('store layers', () => {
  it('reports each wrong import in the store stack, and a domain importing SQL at run time', async () => {
    const report = await checkLayers(join(REPO, 'test/fixtures/layers-store'), ['src-main']);
    expect(report.violations).toEqual([
      {
        rule: 'audit-below-operators-and-store',
        from: 'src-main/audit/reads-operators.ts',
        to: 'src-main/operators/policy.ts',
      },
      {
        rule: 'data-layer-imports-nothing-above-it',
        from: 'src-main/database/queries/rows.ts',
        to: 'src-main/operators/policy.ts',
      },
      {
        rule: 'operators-below-the-store',
        from: 'src-main/operators/reads-store.ts',
        to: 'src-main/store/services/export.ts',
      },
      // results/types-only.ts takes a worker service's type: allowed, so not listed.
      {
        rule: 'worker-only-store-code-stays-in-the-worker',
        from: 'src-main/results/leaks-sql.ts',
        to: 'src-main/database/queries/rows.ts',
      },
      // store/'s top-level files run in main too.
      {
        rule: 'worker-only-store-code-stays-in-the-worker',
        from: 'src-main/store/client.ts',
        to: 'src-main/store/services/export.ts',
      },
    ]);
    expect(report.folderCycles).toEqual([
      ['src-main/database', 'src-main/operators', 'src-main/store'],
    ]);
  });

  it('the real tree: the store stack breaks no rule, is in no folder cycle, and main imports no worker-only code', async () => {
    const report = await checkLayers(REPO);
    expect(report.violations.filter((violation) => STORE_STACK.test(violation.from))).toEqual([]);
    expect(
      report.violations.filter((v) => v.rule === 'worker-only-store-code-stays-in-the-worker'),
    ).toEqual([]);
    expect(report.folderCycles.filter((cycle) => cycle.some((f) => STORE_STACK.test(f)))).toEqual(
      [],
    );
    expect(report.modules).toBeGreaterThan(300);
  }, 120_000);
});
