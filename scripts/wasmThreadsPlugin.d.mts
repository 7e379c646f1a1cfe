// Types for wasmThreadsPlugin.mjs, for vite.config.ts and scripts/wasmThreadsPlugin.test.ts.
import type { Plugin } from 'vite';
/** Matches the id of tfjs-backend-wasm's threaded Emscripten factory. */
export const THREADED_FACTORY: RegExp;
/** The factory's source with `_scriptDir` declared inside the factory; throws on another shape. */
export function selfContainedFactory(code: string): string;
/** The Vite (and Rolldown) plugin that applies selfContainedFactory to that one file. */
export function wasmThreadsPlugin(): Plugin;
