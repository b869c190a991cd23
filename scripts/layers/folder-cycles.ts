// Folder-level import cycles: modules are collapsed to their folder (src-main/sync,
// src-shared/contract, src-renderer/src/stores, tools/cli, …) and every strongly connected group of two or
// more folders is a cycle. Module-level cycle rules miss these: a folder cycle is built from
// imports between different files.
export interface ModuleEdges {
  source: string;
  dependencies: { resolved: string }[];
}

/** The folder a module belongs to, or null for files outside the checked trees. */
export function folderOf(path: string): string | null {
  // A package's own tools/ or src-main/ folder is not ours.
  if (path.includes('node_modules/')) return null;
  const match =
    /(^|\/)(src-main|src-shared|src-preload|src-renderer\/src|tools)\/(?:([^/]+)\/)?/.exec(path);
  if (match === null) return null;
  const [, , tree = '', folder] = match;
  return folder === undefined ? tree : `${tree}/${folder}`;
}

export function folderGraph(modules: ModuleEdges[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of modules) {
    const from = folderOf(module.source);
    if (from === null) continue;
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (to !== null && to !== from) targets.add(to);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components, keeping those with two or more folders. */
export function folderCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const at = (map: Map<string, number>, node: string): number => map.get(node) ?? Infinity;
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, at(index, node));
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(at(low, node), at(low, target)));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(at(low, node), at(index, target)));
      }
    }
    if (at(low, node) !== at(index, node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}
