// `npm run test:e2e`: checks that a Chromium exists (scripts/find-browser.mjs), then runs
// `playwright test` with any extra arguments (`npm run test:e2e -- --project wasm`).
// Exits with Playwright's exit code, so a failing spec fails `npm test` and CI.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, howToGetBrowser } from './find-browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const browser = findBrowser();
if (!browser) {
  console.error(howToGetBrowser());
  process.exit(1);
}
console.log(`e2e: Chromium from ${browser.source}: ${browser.path}`);

const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const started = Date.now();
const child = spawn(process.execPath, [cli, 'test', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  console.log(`e2e: playwright finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(code ?? (signal ? 1 : 0));
});
