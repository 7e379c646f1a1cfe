// Types for securityHeadersPlugin.mjs, so vite.config.ts can import it under `strict`.
import type { Plugin } from 'vite';
export function securityHeadersPlugin(policy: { headers: Record<string, string>; meta: string }): Plugin;
