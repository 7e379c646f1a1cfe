// `npm run claims`: the lessons' claims against their controls (quality/claims/claims.run.ts).
// Trains in Node on the wasm backend, lessons one after another (2-core machines); not part of
// `npm test`. One lesson: `npm run claims -- -t <lesson id>`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['quality/claims/claims.run.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
