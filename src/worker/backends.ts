/**
 * Choosing the tfjs backend the lab trains on, inside the worker.
 *
 * Candidates in order webgpu, webgl, wasm, cpu. Each must initialise and pass the numerical
 * self-check (core/backend.ts); then a short micro-benchmark of the real training step picks
 * the fastest, because a WebGPU adapter can exist and still be slow (SwiftShader, a software
 * Vulkan, trains about 10x slower than wasm on a machine without a GPU). Every candidate gets
 * a sentence saying why it was or was not chosen; the page shows them in its "why" list.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selfCheckBackend } from '../core/backend';
import { BACKEND_ORDER, type BackendCandidate, type BackendName, type BackendReport } from './api';

/** A backend that takes longer than this to initialise is treated as failed. */
const INIT_TIMEOUT_MS = 15_000;

let wasmPathsSet = false;

/** Points the wasm backend at the .wasm files Vite copied (hashed URLs, any base path). */
function configureWasm(): void {
  if (wasmPathsSet) return;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
  });
  wasmPathsSet = true;
}

export interface AdapterProbe {
  ok: boolean;
  /** e.g. "google swiftshader (fallback adapter)" */
  description?: string;
  software: boolean;
  reason?: string;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** Asks for a WebGPU adapter ourselves to learn what it is (tfjs keeps its adapter info private). */
export async function probeWebGpu(): Promise<AdapterProbe> {
  const gpu = (self.navigator as Navigator).gpu;
  if (!gpu) return { ok: false, software: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { ok: false, software: false, reason: `no WebGPU adapter (${errorText(e)})` };
  }
  if (!adapter) return { ok: false, software: false, reason: 'WebGPU exists but offers no adapter (no usable GPU)' };
  // Chromium has `adapter.info` (with isFallbackAdapter); older browsers requestAdapterInfo().
  const withInfo = adapter as GPUAdapter & { info?: AdapterInfoLike };
  let info: AdapterInfoLike | undefined = withInfo.info;
  if (!info && typeof adapter.requestAdapterInfo === 'function') info = await adapter.requestAdapterInfo().catch(() => undefined);
  const fallback = Boolean(info?.isFallbackAdapter ?? adapter.isFallbackAdapter);
  const architecture = info?.architecture ?? '';
  const description =
    [info?.vendor, architecture].filter((s) => s).join(' ') + (fallback ? ' (fallback adapter)' : '') || 'unknown adapter';
  const software = fallback || /swiftshader|llvmpipe|software/i.test(`${architecture} ${info?.description ?? ''}`);
  return { ok: true, description, software };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

interface Attempt {
  ok: boolean;
  reason?: string;
  selfCheckError?: number;
  adapter?: string;
  software?: boolean;
}

/** Initialises one backend and runs the self-check; leaves it active when ok. */
async function tryBackend(name: BackendName): Promise<Attempt> {
  const attempt: Attempt = { ok: false };
  if (name === 'webgpu') {
    const probe = await probeWebGpu();
    attempt.adapter = probe.description;
    attempt.software = probe.software;
    if (!probe.ok) return { ...attempt, reason: probe.reason };
  }
  if (name === 'wasm') configureWasm();
  try {
    const ok = await withTimeout(tf.setBackend(name), INIT_TIMEOUT_MS, `initialising ${name}`);
    if (!ok) return { ...attempt, reason: `failed to initialise (see the console for the browser's reason)` };
  } catch (e) {
    dropBackend(name);
    return { ...attempt, reason: `failed to initialise: ${errorText(e)}` };
  }
  try {
    const check = await selfCheckBackend(name);
    attempt.selfCheckError = check.maxError;
    if (!check.ok) {
      return { ...attempt, reason: `failed the numerical self-check: ${check.reason ?? 'results differ from cpu'} (largest difference ${check.maxError.toExponential(1)})` };
    }
  } catch (e) {
    return { ...attempt, reason: `the self-check crashed: ${errorText(e)}` };
  }
  return { ...attempt, ok: true };
}

/** Frees a backend we will not use (a GPU context or device, the wasm heap). */
function dropBackend(name: BackendName): void {
  if (name === 'cpu') return; // the self-check's reference
  try {
    if (tf.engine().backendNames().includes(name)) tf.removeBackend(name);
  } catch {
    // already gone
  }
}

export interface SelectionOptions {
  /** `?backend=`: use only this one if it passes the check. */
  forced?: BackendName;
  /** Backends that crashed or lost their device earlier in this session. */
  exclude?: readonly BackendName[];
  /** Training samples per second of the reference model on the backend now active. */
  benchmark: (name: BackendName) => Promise<number>;
  /** Problems the page should hear about although selection goes on (a forced backend failed). */
  onProblem: (message: string, hint: string) => void;
}

export interface Selection {
  report: BackendReport;
  /** Wall-clock time of the whole selection, ms. */
  selectionMs: number;
}

const fmt = (sps: number) => `${Math.round(sps)} samples/s`;

/**
 * Picks, initialises and activates the backend to train on.
 * @throws when no backend at all passes (the page shows the reasons of the report in the error).
 */
export async function selectBackend(options: SelectionOptions): Promise<Selection> {
  const t0 = performance.now();
  const excluded = new Set(options.exclude ?? []);
  const candidates = new Map<BackendName, BackendCandidate>(
    BACKEND_ORDER.map((name) => [
      name,
      excluded.has(name)
        ? { name, status: 'skipped', reason: 'not tried: it crashed or lost its device earlier in this session' }
        : { name, status: 'skipped', reason: 'not tried' },
    ]),
  );
  const set = (name: BackendName, patch: Partial<BackendCandidate>) =>
    candidates.set(name, { ...(candidates.get(name) as BackendCandidate), ...patch });
  const report = (chosen: BackendName, forced: boolean): Selection => ({
    report: { chosen, forced, candidates: BACKEND_ORDER.map((n) => candidates.get(n) as BackendCandidate) },
    selectionMs: performance.now() - t0,
  });

  const forced = options.forced;
  if (forced && !excluded.has(forced)) {
    const a = await tryBackend(forced);
    if (a.ok) {
      set(forced, {
        status: 'chosen',
        reason: `forced by ?backend=${forced}; self-check passed`,
        selfCheckError: a.selfCheckError,
        adapter: a.adapter,
      });
      for (const n of BACKEND_ORDER) if (n !== forced && !excluded.has(n)) set(n, { reason: `not tried: ?backend=${forced} asks for ${forced} only` });
      return report(forced, true);
    }
    set(forced, { status: 'failed', reason: a.reason ?? 'failed', selfCheckError: a.selfCheckError, adapter: a.adapter });
    options.onProblem(
      `The backend asked for in the address (?backend=${forced}) cannot be used: ${a.reason}.`,
      'The lab chose another backend automatically. Remove ?backend= from the address to stop seeing this.',
    );
    excluded.add(forced);
  } else if (forced) {
    options.onProblem(
      `The backend asked for in the address (?backend=${forced}) failed earlier in this session.`,
      'The lab chose another backend automatically.',
    );
  }

  const speeds = new Map<BackendName, number>();
  const software = new Map<BackendName, string>();
  for (const name of BACKEND_ORDER) {
    if (name === 'cpu' || excluded.has(name)) continue;
    const a = await tryBackend(name);
    set(name, { selfCheckError: a.selfCheckError, adapter: a.adapter });
    if (!a.ok) {
      set(name, { status: 'failed', reason: a.reason ?? 'failed' });
      dropBackend(name);
      continue;
    }
    if (a.software) software.set(name, `software adapter (${a.adapter})`);
    try {
      const sps = await options.benchmark(name);
      speeds.set(name, sps);
      set(name, { status: 'passed', samplesPerSec: sps });
    } catch (e) {
      set(name, { status: 'failed', reason: `passed the self-check but training failed: ${errorText(e)}` });
      dropBackend(name);
    }
  }

  let chosen: BackendName | undefined;
  for (const [name, sps] of speeds) if (chosen === undefined || sps > (speeds.get(chosen) as number)) chosen = name;

  if (chosen === undefined) {
    if (excluded.has('cpu')) throw new Error(noBackendMessage(candidates));
    const a = await tryBackend('cpu');
    if (!a.ok) {
      set('cpu', { status: 'failed', reason: a.reason ?? 'failed' });
      throw new Error(noBackendMessage(candidates));
    }
    set('cpu', { status: 'chosen', reason: 'the only backend left: plain JavaScript, slow but always there', selfCheckError: a.selfCheckError });
    return report('cpu', false);
  }

  const best = speeds.get(chosen) as number;
  const others = [...speeds.keys()].filter((n) => n !== chosen);
  set(chosen, {
    status: 'chosen',
    reason:
      (software.has(chosen) ? `${software.get(chosen)}; ` : '') +
      (others.length ? `fastest checked backend: ${fmt(best)}` : `the only backend that passed its checks: ${fmt(best)}`),
  });
  for (const n of others) {
    const prefix = software.has(n) ? `${software.get(n)}; ` : 'checked but slower: ';
    set(n, { reason: `${prefix}${fmt(speeds.get(n) as number)} vs ${fmt(best)} for ${chosen}` });
    dropBackend(n);
  }
  if (!excluded.has('cpu')) set('cpu', { reason: `not needed: ${chosen} passed (plain-JavaScript cpu is the last resort)` });
  if (!(await tf.setBackend(chosen))) throw new Error(`${chosen} passed its checks but could not be made active again`);
  return report(chosen, false);
}

function noBackendMessage(candidates: Map<BackendName, BackendCandidate>): string {
  const why = [...candidates.values()].map((c) => `${c.name}: ${c.reason}`).join('; ');
  return `No backend can run the lab in this browser (${why}).`;
}

/**
 * Calls `onLost` once if the active backend is webgpu and its device is lost (driver reset,
 * GPU process crash, the tab moved to another GPU). The page then restarts the worker without
 * webgpu. No-op for other backends.
 */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  if (tf.getBackend() !== 'webgpu') return;
  const backend = tf.backend() as WebGPUBackend;
  void backend.device.lost.then((info) => onLost(info.message || `reason: ${info.reason ?? 'unknown'}`));
}

/** Destroys the webgpu device on purpose (tests of the restart path). */
export function destroyWebGpuDevice(): boolean {
  if (tf.getBackend() !== 'webgpu') return false;
  (tf.backend() as WebGPUBackend).device.destroy();
  return true;
}
