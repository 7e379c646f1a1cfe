/**
 * The lab worker's side of recovery (the page's is client.ts + recovery.ts): it notices that the
 * backend in use broke and says so once, as an error event with `lost` (the page restarts the
 * worker), and, in test builds only, makes those failures happen for real.
 *
 * - WebGPU: the device's `lost` promise (backends.ts watchDeviceLoss).
 * - WebGL: the context's `webglcontextlost` event on the backend's OffscreenCanvas.
 * - WebAssembly: an abort (a failed allocation corrupts memory: "table index is out of
 *   bounds", then "Aborted()"); every later wasm call fails, so the worker is done.
 */
import * as tf from '@tensorflow/tfjs';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { message } from '../core/messages';
import type { BackendName, ErrorEvent } from './api';
import { destroyWebGpuDevice, errorText, watchDeviceLoss } from './backends';

/** What a test can make fail: the worker itself, or the backend in use (its own kind of loss). */
export type SimulatedFailure = 'crash' | 'deviceLost' | 'contextLost' | 'outOfMemory';

/** Test builds (the e2e build sets VITE_LAB_TEST_HOOKS; `npm start` is a dev build): failure switches exist. */
export const TEST_HOOKS: boolean = import.meta.env.DEV || import.meta.env.VITE_LAB_TEST_HOOKS === '1';

/** True for a WebAssembly abort or trap: the module is dead (or its memory is) after it. */
export function isWasmAbort(e: unknown): boolean {
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return true;
  return /^Aborted\(|table index is out of bounds|memory access out of bounds|Cannot enlarge memory|Out of memory/i.test(errorText(e));
}

export class LabFailures {
  private told = false;

  /** @param lose stops training and tells the page the backend broke (once per worker). */
  constructor(private readonly emit: (e: Omit<ErrorEvent, 'type'>) => void, private readonly stopTraining: () => void) {}

  /** Watches the active backend for the loss of its device or context. */
  watch(): void {
    watchDeviceLoss((reason) => this.lose('webgpu', 'deviceLost', reason));
    if (tf.getBackend() !== 'webgl') return;
    const canvas = (tf.backend() as MathBackendWebGL).gpgpu.gl.canvas as OffscreenCanvas | HTMLCanvasElement;
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      this.lose('webgl', 'contextLost', 'webglcontextlost');
    });
  }

  /**
   * True when `e` means the backend in use broke (then the page has been told); a caller rethrows
   * other errors as before. An abort of WebAssembly counts only on the wasm backend.
   */
  lostBy(e: unknown): boolean {
    if (tf.getBackend() !== 'wasm' || !isWasmAbort(e)) return false;
    this.lose('wasm', 'outOfMemory', errorText(e));
    return true;
  }

  private lose(backend: BackendName, why: 'deviceLost' | 'contextLost' | 'outOfMemory', detail: string): void {
    if (this.told) return;
    this.told = true;
    this.stopTraining();
    const code = why === 'deviceLost' ? 'backend.deviceLost' : why === 'contextLost' ? 'backend.contextLost' : 'backend.outOfMemory';
    this.emit({ kind: 'backend', message: message(code, {}, detail), lost: { backend, why } });
  }

  /**
   * Test builds: makes `kind` happen for real. 'crash' throws an uncaught error; 'deviceLost'
   * destroys the WebGPU device; 'contextLost' loses the WebGL context (WEBGL_lose_context);
   * 'outOfMemory' asks wasm for more memory than it can address, until it aborts.
   */
  simulate(kind: SimulatedFailure): void {
    if (!TEST_HOOKS) throw new Error('Failures are simulated in test builds only.');
    if (kind === 'crash') {
      setTimeout(() => {
        throw new Error('Simulated worker crash (test).');
      });
      return;
    }
    if (kind === 'deviceLost') {
      if (!destroyWebGpuDevice()) throw new Error('deviceLost can only be simulated on the webgpu backend.');
      return;
    }
    if (kind === 'contextLost') {
      if (tf.getBackend() !== 'webgl') throw new Error('contextLost can only be simulated on the webgl backend.');
      const lose = (tf.backend() as MathBackendWebGL).gpgpu.gl.getExtension('WEBGL_lose_context');
      if (!lose) throw new Error('This WebGL has no WEBGL_lose_context.');
      lose.loseContext();
      return;
    }
    if (tf.getBackend() !== 'wasm') throw new Error('outOfMemory can only be simulated on the wasm backend.');
    try {
      exhaustWasm();
    } catch (e) {
      if (!this.lostBy(e)) throw e;
    }
  }
}

/** Allocates 256 MB blocks on the wasm heap and computes with them until WebAssembly gives up. */
function exhaustWasm(): void {
  const wasm = (tf.backend() as BackendWasm).wasm as unknown as { _malloc(bytes: number): number };
  const block = 256 * 2 ** 20;
  for (let i = 0; i < 64; i++) {
    const pointer = wasm._malloc(block);
    // A failed allocation returns 0; writing through it is the corruption real models hit.
    if (pointer === 0) tf.tidy(() => tf.matMul(tf.ones([4096, 4096]), tf.ones([4096, 4096 * 16])));
  }
  throw new Error('WebAssembly did not run out of memory.');
}
