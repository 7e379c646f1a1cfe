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
 *
 * wasm runs on as many threads as the page allows (wasmThreads.ts); the report says how many
 * and, when one, why. Every reason is a code with parameters (backendReport.ts), worded on the page.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selfCheckBackend } from '../core/backend';
import { registerWebgpuKernels } from '../core/kernels/registerWebgpuKernels';
import { message, type Message } from '../core/messages';
import { BACKEND_ORDER, type BackendCandidate, type BackendName, type BackendReport } from './api';
import { probeWebGl, probeWebGpu, type AdapterProbe } from './backendAdapters';
import { reason, type CandidateReason, type ThreadRequest, type ThreadsReport } from './backendReport';
import { applyThreadPlan, planThreads, startWasm, threadsReport, wasmThreadSupport, type ThreadPlan } from './wasmThreads';

// The lab's fused dense and Adam kernels (core/kernels/) join tfjs-backend-webgpu's own.
registerWebgpuKernels();

/** A backend that takes longer than this to initialise is treated as failed. */
const INIT_TIMEOUT_MS = 20_000;
/** Deadlines of a probe (worker start, init, self-check, warm-up, measurement), ms. */
export const PROBE_DEADLINE_MS: Record<'wasm' | 'hardwareGpu' | 'softwareGpu', number> = {
  /** wasm is quick, but a busy machine slows its start (each of its two probes: threads, one thread). */
  wasm: 20_000,
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

/**
 * What a backend needs before tf.setBackend: the wasm file URLs and threads.
 *
 * WebGL compiles each program for its shapes (tfjs's default). The lab used to ask for shapes
 * as uniforms (WEBGL_USE_SHAPES_UNIFORMS: one program per op, fewer compiles at start-up on a
 * software renderer), but those programs compute every index from uniforms at run time, and
 * the training step paid for it: on SwiftShader the lab's step alone ran at 0.6-0.75x of
 * `model.fit` with them and 1.1-1.3x without (bench/labCore.ts, side by side in one page, three
 * runs), for about 4 s more of compiling at the start.
 */
function prepareBackend(name: BackendName, threads?: ThreadPlan): void {
  if (name === 'wasm') {
    configureWasm();
    if (threads) applyThreadPlan(threads);
  }
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
  reason?: CandidateReason;
  selfCheckError?: number;
  adapter?: string;
  software?: boolean;
  /** Training samples per second of the reference model, if measured. */
  samplesPerSec?: number;
  /** wasm: the threads it started with. */
  threads?: ThreadsReport;
}

/** Initialises `name` and runs the self-check; leaves it active when ok. */
async function startAndCheck(name: BackendName): Promise<ProbeResult> {
  try {
    const ok = await withTimeout(tf.setBackend(name), INIT_TIMEOUT_MS, `initialising ${name}`);
    if (!ok) return { ok: false, reason: reason('initFailed', {}) };
  } catch (e) {
    return { ok: false, reason: reason('initFailed', {}, errorText(e)) };
  }
  const check = await selfCheckBackend(name);
  const selfCheckError = Number.isFinite(check.maxError) ? check.maxError : undefined;
  if (!check.ok) {
    return { ok: false, selfCheckError, reason: reason('selfCheckFailed', {}, check.reason ?? 'results differ from cpu') };
  }
  return { ok: true, selfCheckError };
}

/** A failure's own words (its detail, else its code), for the threads report of a threaded start that failed. */
function failureText(r: ProbeResult): string {
  return r.reason?.detail ?? r.reason?.code ?? 'failed';
}

/**
 * wasm with the threads `request` allows; a threaded start that fails (or fails its
 * self-check) is retried on one thread, and the report says why.
 */
async function checkWasm(request: ThreadRequest | undefined): Promise<ProbeResult> {
  configureWasm();
  const plan = planThreads(request, await wasmThreadSupport());
  return startWasm(plan, () => startAndCheck('wasm'), failureText);
}

/**
 * Initialises one backend in this worker and runs the self-check; leaves it active when ok.
 * @param threads for wasm: what the page allows (ignored by the other backends)
 */
export async function checkBackend(name: BackendName, threads?: ThreadRequest): Promise<ProbeResult> {
  if (name === 'wasm') return checkWasm(threads);
  const result: ProbeResult = { ok: false };
  if (name === 'webgpu') {
    const probe = await probeWebGpu();
    result.adapter = probe.description;
    result.software = probe.software;
    if (!probe.ok) return { ...result, reason: probe.reason };
  }
  prepareBackend(name);
  return { ...result, ...(await startAndCheck(name)) };
}

export interface SelectionOptions {
  /** `?backend=`: use only this one if it passes the check. */
  forced?: BackendName;
  /** Backends that crashed or lost their device earlier in this session. */
  exclude?: readonly BackendName[];
  /** What the page allows wasm's threads (cross-origin isolation, `?threads=`). */
  threads?: ThreadRequest;
  /**
   * Checks and measures a candidate in a throwaway worker; resolves (never rejects) by the
   * deadline. `threads`: for wasm, what the page allows.
   */
  probe: (name: BackendName, deadlineMs: number, threads?: ThreadRequest) => Promise<ProbeResult>;
  /** Problems the page should hear about although selection goes on (a forced backend failed), as message codes. */
  onProblem: (problem: Message, hint: Message) => void;
}

export interface Selection {
  report: BackendReport;
  /** Wall-clock time of the whole selection, ms. */
  selectionMs: number;
}

/** The plan the lab worker starts wasm with: what its probe ran on (one thread if threads failed there). */
function planFromProbe(threads: ThreadsReport | undefined): ThreadPlan | undefined {
  if (!threads) return undefined;
  return threads.count > 1 ? { threads: threads.count, cores: threads.cores } : { threads: 1, cores: threads.cores, why: threads.why };
}

/** Whether wasm would start threaded here with `request` (as its probe worker would decide). */
async function threadedWasmPlanned(request: ThreadRequest | undefined): Promise<boolean> {
  configureWasm();
  return planThreads(request, await wasmThreadSupport()).threads > 1;
}

/**
 * Picks the backend to train on and makes it the active backend of this worker.
 * @throws when no backend at all passes (the message lists every candidate's reason code).
 */
export async function selectBackend(options: SelectionOptions): Promise<Selection> {
  const t0 = performance.now();
  const excluded = new Set(options.exclude ?? []);
  const candidates = new Map<BackendName, BackendCandidate>(
    BACKEND_ORDER.map((name): [BackendName, BackendCandidate] => [
      name,
      { name, status: 'skipped', reason: excluded.has(name) ? reason('crashedEarlier', {}) : reason('notTried', {}) },
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
    const a = await checkBackend(forced, options.threads);
    const facts = { selfCheckError: a.selfCheckError, adapter: a.adapter, software: a.software, threads: a.threads };
    if (a.ok) {
      set(forced, { status: 'chosen', reason: reason('forcedChecked', {}), ...facts });
      for (const n of BACKEND_ORDER) if (n !== forced && !excluded.has(n)) set(n, { reason: reason('forcedOther', { forced }) });
      return done(forced, true);
    }
    set(forced, { status: 'failed', reason: a.reason ?? reason('initFailed', {}), ...facts });
    options.onProblem(message('backend.forcedUnusable', { backend: forced }, failureText(a)), message('hint.forcedIgnored', {}));
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
      set(name, { status: 'failed', reason: p.reason ?? reason('initFailed', {}) });
      excluded.add(name);
      continue;
    }
    gpus.set(name, p);
    set(name, { adapter: p.description, software: p.software });
  }
  const software = (n: BackendName) => gpus.get(n)?.software === true;
  // wasm first (quick, sets the bar), then real GPUs by preference, then software ones.
  const rank = (n: BackendName) => (n === 'wasm' ? 0 : (software(n) ? 10 : 1) + (n === 'webgl' ? 1 : 0));
  const order = (['wasm', 'webgpu', 'webgl'] as const).filter((n) => !excluded.has(n)).sort((a, b) => rank(a) - rank(b));
  const speeds = new Map<BackendName, number>();
  const plans = new Map<BackendName, ThreadPlan | undefined>();
  for (const name of order) {
    const deadline = name === 'wasm' ? PROBE_DEADLINE_MS.wasm : software(name) ? PROBE_DEADLINE_MS.softwareGpu : PROBE_DEADLINE_MS.hardwareGpu;
    let r = await options.probe(name, deadline, name === 'wasm' ? options.threads : undefined);
    if (name === 'wasm' && !r.ok && r.threads?.count !== 1 && (await threadedWasmPlanned(options.threads))) {
      // A threaded start can hang or crash the probe worker (no answer to fall back in):
      // measure the single-threaded build, and say why threads are off.
      const failure = failureText(r);
      console.warn(`wasm: the threaded probe failed (${failure}); probing one thread`);
      const single = await options.probe(name, deadline, { ...options.threads, requested: 1 });
      r = { ...single, threads: single.threads && { ...single.threads, why: 'failed', error: failure } };
    }
    if (name === 'wasm' && r.ok && r.threads && r.threads.count > 1 && options.threads?.requested === undefined) {
      // Threads the reader did not ask for by number are measured against one thread, in a
      // probe worker of its own: on a busy machine the threads wait for other programs' time
      // and one thread can be faster. The faster is kept, both figures in the report.
      const single = await options.probe(name, deadline, { ...options.threads, requested: 1 });
      const measured = { threads: r.threads.count, threaded: r.samplesPerSec ?? 0, single: single.samplesPerSec ?? 0 };
      r = single.ok && measured.single > measured.threaded
        ? { ...single, threads: { count: 1, cores: r.threads.cores, why: 'slower', measured } }
        : { ...r, threads: { ...r.threads, measured } };
    }
    set(name, { selfCheckError: r.selfCheckError, adapter: r.adapter ?? candidates.get(name)?.adapter, threads: r.threads });
    plans.set(name, planFromProbe(r.threads));
    if (r.ok && r.samplesPerSec !== undefined && r.samplesPerSec > 0) {
      speeds.set(name, r.samplesPerSec);
      set(name, { status: 'passed', samplesPerSec: r.samplesPerSec, reason: reason('checked', {}) });
    } else {
      set(name, { status: 'failed', reason: r.reason ?? reason('initFailed', {}) });
    }
  }

  // Fastest first; the runner-up takes over if the winner will not start in this worker.
  const ranked = [...speeds.entries()].sort((a, b) => b[1] - a[1]);
  for (const [name, sps] of ranked) {
    prepareBackend(name, plans.get(name));
    let active = false;
    try {
      active = await withTimeout(tf.setBackend(name), INIT_TIMEOUT_MS, `initialising ${name}`);
    } catch {
      active = false;
    }
    if (!active) {
      set(name, { status: 'failed', reason: reason('didNotStart', {}) });
      continue;
    }
    const others = ranked.filter(([n]) => n !== name && candidates.get(n)?.status === 'passed');
    const plan = plans.get(name);
    set(name, {
      status: 'chosen',
      reason: others.length ? reason('fastest', { samplesPerSec: sps }) : reason('onlyPassed', { samplesPerSec: sps }),
      // The lab worker's own start; a probe's failed threaded start keeps its error.
      ...(plan && plan.threads > 1 ? { threads: { ...candidates.get(name)?.threads, ...threadsReport(plan) } } : {}),
    });
    for (const [n, s] of others) set(n, { reason: reason('slower', { samplesPerSec: s, chosen: name, chosenSamplesPerSec: sps }) });
    if (!excluded.has('cpu')) set('cpu', { reason: reason('notNeeded', { chosen: name }) });
    return done(name, false);
  }

  if (!excluded.has('cpu')) {
    const a = await checkBackend('cpu');
    if (a.ok) {
      set('cpu', { status: 'chosen', reason: reason('lastResort', {}), selfCheckError: a.selfCheckError });
      return done('cpu', false);
    }
    set('cpu', { status: 'failed', reason: a.reason ?? reason('initFailed', {}) });
  }
  const why = [...candidates.values()].map((c) => `${c.name}: ${c.reason.code}${c.reason.detail ? ` (${c.reason.detail})` : ''}`).join('; ');
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
