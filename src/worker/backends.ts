/**
 * Choosing the tfjs backend the lab trains on.
 *
 * Candidates, by preference: webgpu, webgl, wasm, cpu. A backend is used only after it
 * initialises and passes the numerical self-check (core/backend.ts); among those that pass, a
 * short micro-benchmark of the real training step picks the fastest, because a WebGPU adapter
 * can exist and still be slow (SwiftShader, a software Vulkan, trains about 10x slower than
 * wasm on a machine without a GPU).
 *
 * Each automatic candidate is checked and measured in a throwaway worker (backendProbe.worker.ts)
 * with a deadline: compiling a GPU backend's shaders can take tens of seconds on a software
 * adapter, and only terminating a worker really stops that (abandoned tfjs calls would go on
 * switching backends under the lab). wasm goes first: it is quick and sets the bar. A forced
 * backend (`?backend=`) is checked here directly, without a deadline.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selfCheckBackend } from '../core/backend';
import { message, type Message } from '../core/messages';
import { BACKEND_ORDER, type BackendCandidate, type BackendName, type BackendReport } from './api';

/** A backend that takes longer than this to initialise is treated as failed. */
const INIT_TIMEOUT_MS = 20_000;
/** Deadlines of a probe (worker start, init, self-check, warm-up, measurement), ms. */
export const PROBE_DEADLINE_MS: Record<'wasm' | 'hardwareGpu' | 'softwareGpu', number> = {
  wasm: 12_000,
  /** A real GPU is worth waiting for: it can be many times faster than wasm. */
  hardwareGpu: 8_000,
  softwareGpu: 3_000,
};

let wasmPathsSet = false;

/** Points the wasm backend at the .wasm files Vite emitted (hashed URLs, any base path). */
export function configureWasm(): void {
  if (wasmPathsSet) return;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
  });
  wasmPathsSet = true;
}

/** What a backend needs before tf.setBackend: the wasm file URLs, the WebGL compile policy. */
function prepareBackend(name: BackendName): void {
  if (name === 'wasm') configureWasm();
  // Shapes as uniforms: one compiled WebGL program serves every batch size and layer width
  // instead of one program per shape. Compiling dominates start-up on slow GPU drivers
  // (SwiftShader: about a second a program).
  if (name === 'webgl') tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

export interface AdapterProbe {
  ok: boolean;
  /** e.g. "google swiftshader (fallback adapter)" */
  description?: string;
  software: boolean;
  reason?: string;
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

/** What renders WebGL here: a software renderer (SwiftShader, llvmpipe) compiles and runs shaders on the CPU. */
export function probeWebGl(): AdapterProbe {
  if (typeof OffscreenCanvas === 'undefined') return { ok: false, software: false, reason: 'no OffscreenCanvas in workers, so no WebGL here' };
  const canvas = new OffscreenCanvas(1, 1);
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return { ok: false, software: false, reason: 'WebGL is disabled or unavailable in this browser' };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const software = /swiftshader|llvmpipe|software|basic render/i.test(renderer);
  return { ok: true, software, description: renderer || 'unknown renderer' };
}

export function errorText(e: unknown): string {
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

/** What checking (and, in a probe, measuring) one backend found. */
export interface ProbeResult {
  ok: boolean;
  reason?: string;
  selfCheckError?: number;
  adapter?: string;
  software?: boolean;
  /** Training samples per second of the reference model, if measured. */
  samplesPerSec?: number;
}

/** Initialises one backend in this worker and runs the self-check; leaves it active when ok. */
export async function checkBackend(name: BackendName): Promise<ProbeResult> {
  const result: ProbeResult = { ok: false };
  if (name === 'webgpu') {
    const probe = await probeWebGpu();
    result.adapter = probe.description;
    result.software = probe.software;
    if (!probe.ok) return { ...result, reason: probe.reason };
  }
  prepareBackend(name);
  try {
    const ok = await withTimeout(tf.setBackend(name), INIT_TIMEOUT_MS, `initialising ${name}`);
    if (!ok) return { ...result, reason: `failed to initialise (see the console for the browser's reason)` };
  } catch (e) {
    return { ...result, reason: `failed to initialise: ${errorText(e)}` };
  }
  const check = await selfCheckBackend(name);
  result.selfCheckError = Number.isFinite(check.maxError) ? check.maxError : undefined;
  if (!check.ok) {
    const size = Number.isFinite(check.maxError) ? ` (largest difference ${check.maxError.toExponential(1)})` : '';
    return { ...result, reason: `failed the numerical self-check: ${check.reason ?? 'results differ from cpu'}${size}` };
  }
  return { ...result, ok: true };
}

export interface SelectionOptions {
  /** `?backend=`: use only this one if it passes the check. */
  forced?: BackendName;
  /** Backends that crashed or lost their device earlier in this session. */
  exclude?: readonly BackendName[];
  /** Checks and measures a candidate in a throwaway worker; resolves (never rejects) by the deadline. */
  probe: (name: BackendName, deadlineMs: number) => Promise<ProbeResult>;
  /** Problems the page should hear about although selection goes on (a forced backend failed), as message codes. */
  onProblem: (problem: Message, hint: Message) => void;
}

export interface Selection {
  report: BackendReport;
  /** Wall-clock time of the whole selection, ms. */
  selectionMs: number;
}

const fmt = (sps: number) => `${Math.round(sps)} samples/s`;

/**
 * Picks the backend to train on and makes it the active backend of this worker.
 * @throws when no backend at all passes (the message lists every candidate's reason).
 */
export async function selectBackend(options: SelectionOptions): Promise<Selection> {
  const t0 = performance.now();
  const excluded = new Set(options.exclude ?? []);
  const candidates = new Map<BackendName, BackendCandidate>(
    BACKEND_ORDER.map((name): [BackendName, BackendCandidate] => [
      name,
      {
        name,
        status: 'skipped',
        reason: excluded.has(name) ? 'not tried: it crashed or lost its device earlier in this session' : 'not tried',
      },
    ]),
  );
  const set = (name: BackendName, patch: Partial<BackendCandidate>) =>
    candidates.set(name, { ...(candidates.get(name) as BackendCandidate), ...patch });
  const done = (chosen: BackendName, forced: boolean): Selection => ({
    report: { chosen, forced, candidates: BACKEND_ORDER.map((n) => candidates.get(n) as BackendCandidate) },
    selectionMs: performance.now() - t0,
  });

  const forced = options.forced;
  if (forced && !excluded.has(forced)) {
    const a = await checkBackend(forced);
    if (a.ok) {
      set(forced, { status: 'chosen', reason: `forced by ?backend=${forced}; self-check passed`, selfCheckError: a.selfCheckError, adapter: a.adapter });
      for (const n of BACKEND_ORDER) if (n !== forced && !excluded.has(n)) set(n, { reason: `not tried: ?backend=${forced} asks for ${forced} only` });
      return done(forced, true);
    }
    set(forced, { status: 'failed', reason: a.reason ?? 'failed', selfCheckError: a.selfCheckError, adapter: a.adapter });
    options.onProblem(message('backend.forcedUnusable', { backend: forced }, a.reason), message('hint.forcedIgnored', {}));
    excluded.add(forced);
  } else if (forced) {
    options.onProblem(message('backend.forcedFailedBefore', { backend: forced }), message('hint.choseAnother', {}));
  }

  // The adapter (renderer) tells a real GPU from a software one before any shader is compiled:
  // a real GPU is measured first and given more time; a software one last, briefly.
  const gpus = new Map<BackendName, AdapterProbe>();
  for (const name of ['webgpu', 'webgl'] as const) {
    if (excluded.has(name)) continue;
    const p = name === 'webgpu' ? await probeWebGpu() : probeWebGl();
    if (!p.ok) {
      set(name, { status: 'failed', reason: p.reason ?? 'unavailable' });
      excluded.add(name);
      continue;
    }
    gpus.set(name, p);
    if (name === 'webgpu') set(name, { adapter: p.description });
  }
  const software = (n: BackendName) => gpus.get(n)?.software === true;
  const softwareNote = (n: BackendName) => (software(n) ? `software ${n === 'webgpu' ? 'adapter' : 'renderer'} (${gpus.get(n)?.description}); ` : '');
  // wasm first (quick, sets the bar), then real GPUs by preference, then software ones.
  const rank = (n: BackendName) => (n === 'wasm' ? 0 : (software(n) ? 10 : 1) + (n === 'webgl' ? 1 : 0));
  const order = (['wasm', 'webgpu', 'webgl'] as const).filter((n) => !excluded.has(n)).sort((a, b) => rank(a) - rank(b));
  const speeds = new Map<BackendName, number>();
  for (const name of order) {
    const deadline = name === 'wasm' ? PROBE_DEADLINE_MS.wasm : software(name) ? PROBE_DEADLINE_MS.softwareGpu : PROBE_DEADLINE_MS.hardwareGpu;
    const r = await options.probe(name, deadline);
    set(name, { selfCheckError: r.selfCheckError, adapter: r.adapter ?? candidates.get(name)?.adapter });
    if (r.ok && r.samplesPerSec !== undefined && r.samplesPerSec > 0) {
      speeds.set(name, r.samplesPerSec);
      set(name, { status: 'passed', samplesPerSec: r.samplesPerSec, reason: `${softwareNote(name)}checked` });
    } else {
      set(name, { status: 'failed', reason: softwareNote(name) + (r.reason ?? 'failed') });
    }
  }

  // Fastest first; the runner-up takes over if the winner will not start in this worker.
  const ranked = [...speeds.entries()].sort((a, b) => b[1] - a[1]);
  for (const [name, sps] of ranked) {
    prepareBackend(name);
    let active = false;
    try {
      active = await withTimeout(tf.setBackend(name), INIT_TIMEOUT_MS, `initialising ${name}`);
    } catch {
      active = false;
    }
    if (!active) {
      set(name, { status: 'failed', reason: `passed in a test worker but did not start in the lab worker` });
      continue;
    }
    const others = ranked.filter(([n]) => n !== name && candidates.get(n)?.status === 'passed');
    set(name, {
      status: 'chosen',
      reason: softwareNote(name) + (others.length ? `fastest checked backend: ${fmt(sps)}` : `the only backend that passed its checks: ${fmt(sps)}`),
    });
    for (const [n, s] of others) set(n, { reason: `${softwareNote(n) || 'checked but slower: '}${fmt(s)} vs ${fmt(sps)} for ${name}` });
    if (!excluded.has('cpu')) set('cpu', { reason: `not needed: ${name} passed (plain-JavaScript cpu is the last resort)` });
    return done(name, false);
  }

  if (!excluded.has('cpu')) {
    const a = await checkBackend('cpu');
    if (a.ok) {
      set('cpu', { status: 'chosen', reason: 'the only backend left: plain JavaScript, slow but always there', selfCheckError: a.selfCheckError });
      return done('cpu', false);
    }
    set('cpu', { status: 'failed', reason: a.reason ?? 'failed' });
  }
  const why = [...candidates.values()].map((c) => `${c.name}: ${c.reason}`).join('; ');
  throw new Error(`No backend can run the lab in this browser (${why}).`);
}

/** Resolves with the browser's message when the webgpu device in use is lost. */
let deviceLost: Promise<string> | undefined;

/**
 * Calls `onLost` once if the active backend is webgpu and its device is lost (driver reset,
 * GPU process crash). The page then restarts the worker without webgpu. No-op otherwise.
 */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  if (tf.getBackend() !== 'webgpu') return;
  const backend = tf.backend() as WebGPUBackend;
  deviceLost = backend.device.lost.then((info) => info.message || `reason: ${info.reason ?? 'unknown'}`);
  void deviceLost.then(onLost);
}

/**
 * True if the device is lost now or within `ms`: a failing GPU call usually rejects a moment
 * before the device's `lost` promise settles, and then the loss is the story to tell.
 */
export function deviceLostWithin(ms: number): Promise<boolean> {
  const lost = deviceLost;
  if (!lost) return Promise.resolve(false);
  return Promise.race([lost.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

/** Destroys the webgpu device on purpose (tests of the restart path). */
export function destroyWebGpuDevice(): boolean {
  if (tf.getBackend() !== 'webgpu') return false;
  (tf.backend() as WebGPUBackend).device.destroy();
  return true;
}


/**
 * How long a failed GPU call waits to see whether the device was lost (then that is the
 * error): the device's `lost` promise can settle seconds after the first failed call.
 */
export const LOSS_GRACE_MS = 3000;

/** A call failed because the GPU device is gone; the page restarts the worker and says so once. */
class DeviceLostError extends Error {
  constructor() {
    super('The GPU device was lost; the lab is restarting on another backend.');
    this.name = 'DeviceLostError';
  }
}

/** Rethrows `e`, or a DeviceLostError if the device was lost around it. */
export async function explain(e: unknown): Promise<never> {
  if (await deviceLostWithin(LOSS_GRACE_MS)) throw new DeviceLostError();
  throw e;
}
