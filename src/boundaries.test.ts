/**
 * The layer boundaries of docs/ARCHITECTURE.md, checked on every test run:
 * core/ runs in Node (no React, DOM or store); views and state never touch tfjs;
 * the page reaches the worker only through `import type` of its API; no arrow runs back up
 * into app/; and no module reaches itself again through its imports (no cycle, types included).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '.');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Module specifiers a file imports (static imports and re-exports; `import type` flagged). */
function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) found.push({ spec: m[3] ?? m[4], typeOnly: Boolean(m[2]) });
  return found;
}

const files = sourceFiles(SRC).map((f) => ({ path: relative(SRC, f), imports: imports(f) }));
const under = (folder: string) => files.filter((f) => f.path.startsWith(folder + '/'));

/** The src-relative file a relative specifier names (.ts, .tsx or a folder's index), or undefined (packages, ?raw, CSS). */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(SRC, dirname(from), spec);
  const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p));
  return found && relative(SRC, found);
}

/**
 * Every cycle of static imports (`import type` counted too: a circle of types is still a
 * circle a reader has to hold in mind), each as `a.ts -> b.ts -> a.ts`, found by one
 * depth-first search over the graph.
 */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('layer boundaries', () => {
  it('core imports no React, DOM libraries, store or views', () => {
    const bad = under('core').flatMap((f) =>
      f.imports
        .filter((i) => /^(react|react-dom|zustand|d3)/.test(i.spec) || /\/(state|components|app|worker)\//.test(i.spec))
        .map((i) => `${f.path} -> ${i.spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('views, state, app, lessons and i18n never import tfjs', () => {
    const bad = ['components', 'state', 'app', 'lessons', 'i18n'].flatMap((folder) =>
      under(folder).flatMap((f) =>
        f.imports.filter((i) => i.spec.startsWith('@tensorflow/')).map((i) => `${f.path} -> ${i.spec}`),
      ),
    );
    expect(bad).toEqual([]);
  });

  // The clients: worker/client.ts (the lab worker), worker/embeddingClient.ts (the map worker, no tfjs)
  // and worker/textLsaClient.ts (the text lesson's LSA worker, no tfjs).
  it('the page reaches the worker only through types and the clients', () => {
    const bad = ['components', 'state', 'app'].flatMap((folder) =>
      under(folder).flatMap((f) =>
        f.imports
          .filter((i) => /\/worker\//.test(i.spec) && !i.typeOnly && !/\/worker\/(client|embeddingClient|textLsaClient)$/.test(i.spec))
          .map((i) => `${f.path} -> ${i.spec}`),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('the page does not import core modules that pull in tfjs', () => {
    const tfjsCore = new Set(
      under('core')
        .filter((f) => f.imports.some((i) => i.spec.startsWith('@tensorflow/')))
        .map((f) => f.path.replace(/\.tsx?$/, '')),
    );
    const bad = ['components', 'state', 'app'].flatMap((folder) =>
      under(folder).flatMap((f) =>
        f.imports
          .filter((i) => !i.typeOnly && i.spec.includes('/core/'))
          .filter((i) => tfjsCore.has('core/' + i.spec.split('/core/')[1]))
          .map((i) => `${f.path} -> ${i.spec}`),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('no arrow runs back up: nothing outside app/ imports from app/', () => {
    const bad = files
      .filter((f) => !f.path.startsWith('app/') && f.path !== 'main.tsx')
      .flatMap((f) => f.imports.filter((i) => resolveImport(f.path, i.spec)?.startsWith('app/')).map((i) => `${f.path} -> ${i.spec}`));
    expect(bad).toEqual([]);
  });

  it('no import cycle anywhere in src (types included)', () => {
    const graph = new Map(files.map((f) => [f.path, f.imports.flatMap((i) => resolveImport(f.path, i.spec) ?? [])]));
    expect(importCycles(graph)).toEqual([]);
  });

  it('the cycle search finds a cycle and passes a tree', () => {
    expect(importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a -> b -> c -> a']);
    expect(importCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});
