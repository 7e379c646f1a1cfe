// Types for e2eServerPlugin.mjs, so vite.config.ts can import it under `strict`.
import type { Plugin } from 'vite';
export function e2eServerPlugin(): Plugin;
