// Cruises the sources (type-only imports included) and reports layer-rule violations and
// folder-level import cycles. Used by `npm run check:layers` and by its test on a fixture tree.
import { cruise, type IModule } from 'dependency-cruiser';
import { folderCycles, folderGraph } from './folder-cycles';
import { LAYER_RULES } from './layer-rules';

export const CHECKED_TREES = ['src-main', 'src-shared', 'src-renderer', 'src-preload', 'tools'];

export interface LayerViolation {
  rule: string;
  from: string;
  to: string;
}

export interface LayerReport {
  modules: number;
  violations: LayerViolation[];
  folderCycles: string[][];
}

export async function checkLayers(baseDir: string, trees = CHECKED_TREES): Promise<LayerReport> {
  const result = await cruise(trees, {
    baseDir,
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    validate: true,
    ruleSet: { forbidden: LAYER_RULES },
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave text output');
  const { modules, summary } = result.output;
  const violations = summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to,
  }));
  return {
    modules: summary.totalCruised,
    violations,
    folderCycles: folderCycles(folderGraph(modules.filter(isLocal))),
  };
}

function isLocal(module: IModule): boolean {
  return !module.coreModule && !module.source.includes('node_modules');
}
