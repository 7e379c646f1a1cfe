import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['src/compat/makeFixtures.gen.ts'], environment: 'node', testTimeout: 600000 } });
