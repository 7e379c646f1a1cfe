// `npm run quality`: trains the lessons' presets headless in Node (tfjs wasm backend, real
// MNIST) and writes each table to docs/quality/<name>.md. Numbers, not part of `npm test`:
// a full run takes many minutes. One file per measurement: quality/<name>.quality.ts.
// Run one: `npm run quality -- quality/dense.quality.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['quality/**/*.quality.ts'],
    environment: 'node',
    // A table may train for tens of minutes; they run one after another (2-core machines).
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
