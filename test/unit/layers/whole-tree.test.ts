// The whole tree holds the layer order (docs/architecture.md): no rule violation and no
// folder-level import cycle among src-main, src-shared, src-renderer, src-preload and tools/.
// `npm run lint` runs the same check; this keeps it inside `npm run test:unit` too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../../../scripts/layers/check-layers';

const REPO = join(import.meta.dirname, '../../..');

describe('the real tree', () => {
  it('breaks no layer rule and has no folder cycle', async () => {
    const report = await checkLayers(REPO);
    expect(report.violations).toEqual([]);
    expect(report.folderCycles).toEqual([]);
    expect(report.modules).toBeGreaterThan(300);
  }, 60_000);
});
