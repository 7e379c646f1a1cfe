/**
 * wasm's threads: the plan from what the page and the worker allow, and a threaded start that
 * fails falling back to the single-threaded build. The failure is real: Node cannot start the
 * threaded build's pthread workers (they are blob: URLs, which Node's Worker refuses).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_THREADS, planThreads, startWasm, type ThreadSupport } from './wasmThreads';

const ALL: ThreadSupport = { cores: 2, isolated: true, sharedMemory: true, wasmThreads: true, simd: true };

describe('planThreads', () => {
  it('follows the cores when everything allows threads, up to MAX_THREADS and ?threads=', () => {
    expect(planThreads({}, ALL)).toEqual({ threads: 2, cores: 2 });
    expect(planThreads(undefined, { ...ALL, cores: 32 })).toEqual({ threads: MAX_THREADS, cores: 32 });
    expect(planThreads({ requested: 3 }, { ...ALL, cores: 16 })).toEqual({ threads: 3, cores: 16 });
  });

  it('gives the first reason for one thread: the request, the machine, the page, the browser', () => {
    expect(planThreads({ requested: 1, notIsolated: 'frame' }, ALL)).toEqual({ threads: 1, cores: 2, why: 'asked' });
    expect(planThreads({ notIsolated: 'frame' }, { ...ALL, cores: 1 })).toMatchObject({ threads: 1, why: 'oneCore' });
    expect(planThreads({ notIsolated: 'frame' }, { ...ALL, isolated: false })).toMatchObject({ threads: 1, why: 'frame' });
    expect(planThreads({ notIsolated: 'firstVisit' }, { ...ALL, isolated: false })).toMatchObject({ why: 'firstVisit' });
    // The page thought it was isolated, the worker is not.
    expect(planThreads({}, { ...ALL, isolated: false })).toMatchObject({ threads: 1, why: 'noHeaders' });
    expect(planThreads({}, { ...ALL, sharedMemory: false })).toMatchObject({ threads: 1, why: 'noSharedMemory' });
    expect(planThreads({}, { ...ALL, wasmThreads: false })).toMatchObject({ threads: 1, why: 'noWasmThreads' });
    expect(planThreads({}, { ...ALL, simd: false })).toMatchObject({ threads: 1, why: 'noSimd' });
  });
});

describe('startWasm', () => {
  beforeAll(() => {
    const require = createRequire(import.meta.url);
    setWasmPaths(`${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/')}`);
  });

  it('falls back to one thread when the threaded build does not start, says why, and computes', async () => {
    const started: boolean[] = [];
    const result = await startWasm(
      { threads: 2, cores: 2 },
      async () => {
        const threaded = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) as boolean;
        started.push(threaded);
        return { ok: await tf.setBackend('wasm') };
      },
      () => 'the threaded build did not initialise',
    );
    expect(started).toEqual([true, false]);
    expect(result.ok).toBe(true);
    expect(result.threads).toEqual({ count: 1, cores: 2, why: 'failed', error: 'the threaded build did not initialise' });
    expect(tf.getBackend()).toBe('wasm');
    const product = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]);
    expect(product).toBe(11);
  }, 60_000);

  it('starts the single-threaded build directly when the plan is one thread, keeping the plan\'s reason', async () => {
    const result = await startWasm({ threads: 1, cores: 2, why: 'frame' }, async () => ({ ok: await tf.setBackend('wasm') }), () => 'unused');
    expect(result).toEqual({ ok: true, threads: { count: 1, cores: 2, why: 'frame' } });
  }, 60_000);
});
