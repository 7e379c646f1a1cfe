/**
 * `npm run soak` (issue 11, item 9): the long lesson, apart from the default e2e suite (its specs
 * live in soak/, which playwright.config.ts does not look at). The same server, browser and
 * wasm project as the e2e tests; SOAK_MINUTES sets the length (10 by default).
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const minutes = Number(process.env.SOAK_MINUTES) || 10;

export default defineConfig({
  ...base,
  testDir: 'soak',
  outputDir: 'test-results/soak',
  projects: (base.projects ?? []).filter((p) => p.name === 'wasm'),
  // The soak itself, plus booting and the lessons' builds.
  timeout: (minutes * 60 + 600) * 1000,
});
