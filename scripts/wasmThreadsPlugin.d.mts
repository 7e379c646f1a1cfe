// Types for wasmThreadsPlugin.mjs, for vite.config.ts and scripts/wasmThreadsPlugin.test.ts.
import type { Plugin } from 'vite';
/** Matches the id of tfjs-backend-wasm's threaded Emscripten factory. */
export const THREADED_FACTORY: RegExp;
/** The factory's source with `_scriptDir` declared inside it and the core count unhalved; throws on another shape. */
export function patchThreadedFactory(code: string): string;
/** The Vite (and Rolldown) plugin that applies patchThreadedFactory to that one file. */
export function wasmThreadsPlugin(): Plugin;
