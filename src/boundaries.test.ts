/**
 * The layer boundaries of docs/ARCHITECTURE.md, checked on every test run:
 * core/ runs in Node (no React, DOM or store); views and state never touch tfjs;
 * the page reaches the worker only through `import type` of its API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
});
