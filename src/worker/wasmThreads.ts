/**
 * How many threads the wasm backend computes with, and why not more.
 *
 * tfjs-backend-wasm 4.22 loads its threaded build (XNNPACK's matrix products spread over a
 * pthread pool) when WebAssembly threads and SIMD are there, which needs SharedArrayBuffer, so
 * a cross-origin-isolated page (vite.config.ts and offline/sw.ts send the headers). The thread
 * count follows navigator.hardwareConcurrency, at most MAX_THREADS. A threaded start that fails
 * falls back to the single-threaded build in the same worker, and the report says so.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { ThreadRequest, ThreadsReport, ThreadsWhy } from './backendReport';

/**
 * The most threads asked for: the threaded build starts a pool of 8 pthread workers up front
 * (its Emscripten PTHREAD_POOL_SIZE); a larger count would start more while the backend waits
 * for them, and the lab's layers (256 wide at batch 256) are too small to gain from them.
 */
export const MAX_THREADS = 8;

/** What this worker can do, measured by wasmThreadSupport(). */
export interface ThreadSupport {
  cores: number;
  isolated: boolean;
  sharedMemory: boolean;
  /** tfjs's WASM_HAS_MULTITHREAD_SUPPORT and WASM_HAS_SIMD_SUPPORT. */
  wasmThreads: boolean;
  simd: boolean;
}

export interface ThreadPlan {
  /** Threads to ask for; 1 = the single-threaded build. */
  threads: number;
  cores: number;
  /** Why only one, when threads is 1. */
  why?: ThreadsWhy;
}

/**
 * The thread count for a request in a worker with `support`. The first reason that applies
 * is given: the reader's own request, the machine, then what the page and the browser lack.
 */
export function planThreads(request: ThreadRequest | undefined, support: ThreadSupport): ThreadPlan {
  const { cores } = support;
  const one = (why: ThreadsWhy): ThreadPlan => ({ threads: 1, cores, why });
  const requested = request?.requested;
  if (requested !== undefined && requested <= 1) return one('asked');
  if (cores <= 1) return one('oneCore');
  if (request?.notIsolated) return one(request.notIsolated);
  if (!support.isolated) return one('noHeaders');
  if (!support.sharedMemory) return one('noSharedMemory');
  if (!support.wasmThreads) return one('noWasmThreads');
  if (!support.simd) return one('noSimd');
  return { threads: Math.min(cores, MAX_THREADS, requested ?? Infinity), cores };
}

/** Measures what this worker offers (call after @tensorflow/tfjs-backend-wasm is imported). */
export async function wasmThreadSupport(): Promise<ThreadSupport> {
  const [wasmThreads, simd] = await Promise.all([
    tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT') as Promise<boolean>,
    tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') as Promise<boolean>,
  ]);
  return {
    cores: Math.max(1, Math.floor(Number(self.navigator?.hardwareConcurrency) || 1)),
    isolated: self.crossOriginIsolated === true,
    sharedMemory: typeof SharedArrayBuffer !== 'undefined',
    wasmThreads: Boolean(wasmThreads),
    simd: Boolean(simd),
  };
}

/**
 * Sets tfjs's flags for `plan` before the wasm backend initialises (they are read once, by
 * its init): the threaded build with `plan.threads` threads, or the single-threaded one.
 */
export function applyThreadPlan(plan: ThreadPlan): void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', plan.threads > 1);
  setThreadsCount(plan.threads > 1 ? plan.threads : 1);
}

/** The report of the wasm backend now initialised in this worker, started with `plan`. */
export function threadsReport(plan: ThreadPlan, failure?: string): ThreadsReport {
  let count = 1;
  try {
    count = getThreadsCount();
  } catch {
    // Not initialised: the caller reports the failure that got us here.
  }
  if (failure !== undefined) return { count, cores: plan.cores, why: 'failed', error: failure };
  return count > 1 ? { count, cores: plan.cores } : { count, cores: plan.cores, why: plan.why ?? 'failed' };
}

/**
 * Forgets the initialised (or half-initialised) wasm backend, keeping its registration, so the
 * next tf.setBackend('wasm') starts it afresh with the flags set now.
 */
export function forgetWasmBackend(): void {
  const engine = tf.engine();
  const entry = engine.registryFactory.wasm;
  if (!entry) return;
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', entry.factory, entry.priority);
}

/**
 * Starts wasm with `plan`; a threaded start that fails (`start` resolves not ok) is retried on
 * the single-threaded build, and the report says why.
 * @param start initialises wasm (and checks it) with tfjs's flags as they are set now
 * @param describe a failed start in words, for the report
 */
export async function startWasm<R extends { ok: boolean }>(
  plan: ThreadPlan,
  start: () => Promise<R>,
  describe: (failed: R) => string,
): Promise<R & { threads: ThreadsReport }> {
  applyThreadPlan(plan);
  const first = await start();
  if (first.ok || plan.threads === 1) return { ...first, threads: threadsReport(plan) };
  const failure = describe(first);
  console.warn(`wasm: the threaded build failed (${failure}); starting the single-threaded one`);
  forgetWasmBackend();
  const single: ThreadPlan = { threads: 1, cores: plan.cores, why: 'failed' };
  applyThreadPlan(single);
  const second = await start();
  return { ...second, threads: threadsReport(single, failure) };
}
