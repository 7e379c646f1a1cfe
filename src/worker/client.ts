/**
 * The page's side of the worker bridge: starts the lab worker, wraps it with comlink, and
 * restarts it when it fails (recovery.ts judges the failure): on the same backend unless that
 * backend was at fault, configured with the page's latest configuration as a new run
 * (apiRun.ts) the page asks for through `restartRun`, after which the page restores the saved
 * model (`onRestarted`). A failure during the restart starts the restart again; FAILURE_LIMIT
 * failures within a minute stop it with one message. A worker whose script does not arrive
 * (its first answer does not come within FIRST_ANSWER_MS, or it errs before answering) is not
 * restarted: the page says so and offers Retry.
 * Imports no tfjs: only types cross from the worker.
 */
import * as Comlink from 'comlink';
import type { LabConfig } from '../core/config';
import { message, type Message } from '../core/messages';
import type { BackendName, InitOptions, InitResult, LabApi, LabEvent, RunRequest } from './api';
import { culpritOf, FailureWindow, FIRST_ANSWER_MS, restartMessage, type Failure, type FailureKind } from './recovery';

/** Test and dev builds only; in a production build the crash switch below is dropped as dead code. */
const TEST_HOOKS: boolean = import.meta.env.DEV || import.meta.env.VITE_LAB_TEST_HOOKS === '1';
/** How many of the next workers started (by any client) crash during their init: a test switch. */
let injectedCrashes = 0;

/** Test hook (state/testHooks.ts): the next `n` workers started crash during their init. */
export function crashDuringNextInits(n: number): void {
  injectedCrashes = n;
}

/** api.ts's BACKEND_ORDER, repeated here so the page imports nothing but types from the worker side. */
const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** `?backend=webgpu|webgl|wasm|cpu` from a location.search string, if valid. */
export function backendFromSearch(search: string): BackendName | undefined {
  const value = new URLSearchParams(search).get('backend')?.toLowerCase();
  return BACKENDS.find((b) => b === value);
}

/**
 * `?scatter=N`: how many test digits the map of the codes shows (100 to 10,000), else
 * `fallback`. The software-GPU tests (e2e/softwareGpu.spec.ts) ask for fewer: every code map
 * encodes them all, which on a software GPU costs more than the training steps judged there.
 */
export function scatterSizeFromSearch(search: string, fallback: number): number {
  const value = Number(new URLSearchParams(search).get('scatter') ?? Number.NaN);
  return Number.isInteger(value) && value >= 100 && value <= 10_000 ? value : fallback;
}

/** A call that was in flight when its worker was terminated. */
export class WorkerRestartedError extends Error {
  constructor() {
    super('The lab worker was restarted while this call was running.');
    this.name = 'WorkerRestartedError';
  }
}

/** The worker's script did not arrive: it failed to load, or did not answer in time. */
export class WorkerNotLoadedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'WorkerNotLoadedError';
  }
}

export interface RestartInfo {
  /** What happened and where the lab restarts (codes 'restart.*'). */
  reason: Message;
  /** Backends the new worker will not try. */
  excluded: BackendName[];
  kind: FailureKind;
}

export interface LabClientHandlers {
  onEvent: (e: LabEvent) => void;
  /**
   * A restarted worker is about to be configured: the page begins the run (cause 'restart') and
   * names the config, its latest (after an out-of-memory abort, the lesson's preset).
   */
  restartRun: (kind: FailureKind) => { run: RunRequest; config: LabConfig };
  /** The worker is being restarted (it failed): one notice. */
  onRestart: (info: RestartInfo) => void;
  /**
   * The new worker is initialised and configured as run `run` (undefined before the first
   * configure); called once the recovery is over, so the page's calls go straight through.
   */
  onRestarted: (result: InitResult, run: RunRequest | undefined) => Promise<void>;
  /** Restarting failed or failed too often: the lab cannot go on (the notice offers `action`). */
  onRestartFailed: (reason: Message, action: 'reload' | 'retry') => void;
}

type Remote = Comlink.Remote<LabApi>;

export class LabClient {
  private worker?: Worker;
  private remote?: Remote;
  /** Incremented per worker, so events of a terminated worker are dropped. */
  private generation = 0;
  private options?: InitOptions;
  private config?: LabConfig;
  private excluded: BackendName[] = [];
  private backend?: BackendName;
  /** The backend the worker being started was told to use (forced), before it reports one. */
  private startingOn?: BackendName;
  private initialised = false;
  private readonly failures = new FailureWindow();
  private lastCrash?: { backend?: BackendName };
  /** The recovery in progress, and a failure that came while it ran (it starts over). */
  private recovering?: Promise<void>;
  private failedAgain?: Failure;
  private stopped = false;
  /** Rejecters of the calls in flight on the current worker. */
  private readonly inFlight = new Set<(e: Error) => void>();

  constructor(private readonly handlers: LabClientHandlers) {}

  /**
   * Starts the worker and initialises it (data, backend). A failure during the start is
   * recovered like any other: the start resolves once the restarted worker is up.
   */
  async start(options: InitOptions): Promise<InitResult> {
    this.options = options;
    this.excluded = [...(options.excludeBackends ?? [])];
    try {
      return await this.spawnAndInit();
    } catch (e) {
      if (!(e instanceof WorkerRestartedError) || !this.recovering) throw e;
      await this.recovering;
      if (this.stopped || !this.lastInit) throw new Error('The lab worker could not be restarted.');
      return this.lastInit;
    }
  }

  private lastInit?: InitResult;

  /** The backend the current worker trains on, once known. */
  get backendName(): BackendName | undefined {
    return this.backend;
  }

  /**
   * Runs `fn` against the worker. Waits for a restart in progress; rejects with
   * WorkerRestartedError if the worker is replaced while the call runs.
   */
  async call<T>(fn: (api: Remote) => Promise<T>): Promise<T> {
    if (this.recovering) await this.recovering;
    const remote = this.remote;
    if (!remote) throw new Error('The lab worker is not running.');
    return this.tracked(fn(remote));
  }

  /** Configures the model as run `run` and remembers the configuration for restarts. */
  async configure(config: LabConfig, run: RunRequest): Promise<void> {
    await this.call((api) => api.configure(config, run));
    this.config = config;
  }

  /** Stops the worker for good. */
  terminate(): void {
    this.stopped = true;
    this.kill();
  }

  /** `p`, rejected with WorkerRestartedError if the worker is terminated first. */
  private tracked<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.inFlight.add(reject);
      p.then(resolve, reject).finally(() => this.inFlight.delete(reject));
    });
  }

  private async spawnAndInit(): Promise<InitResult> {
    const options = this.options as InitOptions;
    this.kill();
    const generation = ++this.generation;
    const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });
    let answered = false;
    let notLoaded: ((e: Error) => void) | undefined;
    const arrived = new Promise<never>((_, reject) => (notLoaded = reject));
    arrived.catch(() => undefined);
    const timer = setTimeout(() => notLoaded?.(new WorkerNotLoadedError(`no answer within ${FIRST_ANSWER_MS / 1000} s`)), FIRST_ANSWER_MS);
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (generation !== this.generation) return;
      // Before its first answer the script itself failed to load or to run: not a crash to restart from.
      if (!answered) notLoaded?.(new WorkerNotLoadedError(e.message || 'the worker script failed to load'));
      else this.fail({ kind: 'crashed', backend: this.backend ?? this.startingOn, duringInit: !this.initialised, detail: e.message || undefined });
    });
    worker.addEventListener('messageerror', () => {
      if (generation === this.generation) this.fail({ kind: 'unreadable', backend: this.backend ?? this.startingOn, duringInit: !this.initialised });
    });
    this.worker = worker;
    const remote = Comlink.wrap<LabApi>(worker);
    this.remote = remote;
    this.backend = undefined;
    this.initialised = false;
    const forced = options.forcedBackend && !this.excluded.includes(options.forcedBackend) ? options.forcedBackend : undefined;
    this.startingOn = forced;
    try {
      await Promise.race([this.tracked(remote.subscribe(Comlink.proxy((e: LabEvent) => this.onWorkerEvent(e, generation)))), arrived]);
    } catch (e) {
      if (e instanceof WorkerNotLoadedError) this.kill();
      throw e;
    } finally {
      clearTimeout(timer);
    }
    answered = true;
    const crash = TEST_HOOKS && injectedCrashes > 0;
    if (crash) injectedCrashes--;
    const result = await this.tracked(remote.init({ ...options, forcedBackend: forced, excludeBackends: [...this.excluded], ...(crash ? { crashDuringInit: true } : {}) }));
    this.backend = result.backend.chosen;
    this.initialised = true;
    this.lastInit = result;
    return result;
  }

  private onWorkerEvent(e: LabEvent, generation: number): void {
    if (generation !== this.generation) return;
    if (e.type === 'backend') this.backend = e.report.chosen;
    this.handlers.onEvent(e);
    if (e.type === 'error' && e.lost) this.fail({ kind: e.lost.why, backend: e.lost.backend, detail: e.message.detail });
  }

  /** Terminates the worker; calls in flight reject. */
  private kill(): void {
    this.generation++;
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
    const rejecters = [...this.inFlight];
    this.inFlight.clear();
    for (const reject of rejecters) reject(new WorkerRestartedError());
  }

  /** A failure of the current worker: recover, or, while recovering, start the recovery over. */
  private fail(failure: Failure): void {
    if (this.stopped) return;
    if (this.recovering) {
      this.failedAgain = failure;
      this.kill();
      return;
    }
    const recovery = this.recover(failure);
    this.recovering = recovery.then(() => undefined);
    // The page's restore runs after the recovery, as calls of its own (they would wait for it otherwise).
    void recovery.then((done) => {
      this.recovering = undefined;
      if (done) void this.handlers.onRestarted(done.result, done.run).catch(() => undefined);
    });
  }

  /**
   * Replaces the worker until one starts: each failure is told once, leaves its culprit backend
   * out (recovery.ts), and counts towards FAILURE_LIMIT; the new worker is configured with the
   * page's latest config (a configure asked for meanwhile is then stale) and the page restores
   * the saved model.
   */
  private async recover(first: Failure): Promise<{ result: InitResult; run?: RunRequest } | undefined> {
    let failure: Failure | undefined = first;
    while (failure) {
      const current: Failure = failure;
      failure = undefined;
      const running = current.kind === 'crashed' && !current.duringInit;
      const again = running && this.lastCrash !== undefined && this.lastCrash.backend === current.backend;
      const tooOften = this.failures.add(performance.now());
      if (running) this.lastCrash = { backend: current.backend };
      const culprit = culpritOf(current, this.excluded, again);
      if (culprit && !this.excluded.includes(culprit)) this.excluded.push(culprit);
      const excluded = [...this.excluded];
      this.kill();
      if (tooOften) {
        this.stopped = true;
        this.handlers.onRestartFailed(message('restart.tooOften', { times: this.failures.count }, current.detail), 'reload');
        return undefined;
      }
      this.handlers.onRestart({ reason: restartMessage(current, culprit, excluded), excluded, kind: current.kind });
      // The same backend again unless it was at fault (no new probing: it was checked already).
      if (this.options && current.backend && !culprit) this.options = { ...this.options, forcedBackend: current.backend };
      try {
        const result = await this.spawnAndInit();
        let run: RunRequest | undefined;
        if (this.config) {
          const next = this.handlers.restartRun(current.kind);
          run = next.run;
          await this.tracked((this.remote as Remote).configure(next.config, next.run));
          this.config = next.config;
        }
        return { result, run };
      } catch (e) {
        if (this.failedAgain) {
          failure = this.failedAgain;
          this.failedAgain = undefined;
          continue;
        }
        this.stopped = true;
        const reason = e instanceof WorkerNotLoadedError ? message('worker.notLoaded', {}, e.message) : message('restart.failed', {}, e instanceof Error ? e.message : String(e));
        this.handlers.onRestartFailed(reason, 'retry');
      }
    }
    return undefined;
  }
}
