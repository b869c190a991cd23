import { cruise } from 'dependency-cruiser';
import { folderOf } from './scripts/layers/folder-cycles';
const r = await cruise(['src-main', 'src-shared'], { tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } });
if (typeof r.output === 'string') throw 0;
const want = new Set(process.argv.slice(2));
for (const m of r.output.modules) for (const d of m.dependencies) {
  const a = folderOf(m.source), b = folderOf(d.resolved);
  if (a && b && a !== b && want.has(a) && want.has(b)) console.log(`${a} -> ${b}   ${m.source} -> ${d.resolved} ${d.dependencyTypes.includes('type-only') ? '(type)' : ''}`);
}
