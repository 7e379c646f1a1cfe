/**
 * The page address's say in how fast the lab computes, for the worker's start (InitOptions):
 * wasm's threads (`?threads=N`, and whether the page is cross-origin isolated:
 * offline/isolation.ts) and the fused GPU kernels (`?fused=0` turns them off). The bench
 * opens the lab with each to measure them side by side.
 */
import { pageThreadRequest } from '../offline/isolation';
import type { InitOptions } from '../worker/api';

export function speedOptionsOfPage(search: string): Pick<InitOptions, 'threads' | 'fusedKernels'> {
  return { threads: pageThreadRequest(search), fusedKernels: new URLSearchParams(search).get('fused') !== '0' };
}
