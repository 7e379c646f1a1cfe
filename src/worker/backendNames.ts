/**
 * The backends the lab can train on, in the order it prefers them when they are equally fast
 * (the report lists them in this order). Its own file so that the report's types
 * (backendReport.ts) and the worker's API (apiBackend.ts) both name them without a cycle.
 */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
