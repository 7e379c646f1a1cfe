/**
 * The page's side of the worker bridge: starts the lab worker, wraps it with comlink, and
 * restarts it when it dies or its GPU device is lost, on the next backend and with the
 * configuration it had, as a new run (apiRun.ts) the page asks for through `beginRun`.
 * Imports no tfjs: only types cross from the worker.
 */
import * as Comlink from 'comlink';
import type { LabConfig } from '../core/config';
import { message, type Message } from '../core/messages';
import type { BackendName, InitOptions, InitResult, LabApi, LabEvent, RunRequest } from './api';

/** api.ts's BACKEND_ORDER, repeated here so the page imports nothing but types from the worker side. */
const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
/** A worker that keeps dying is not restarted forever: one try per backend. */
const MAX_RESTARTS = BACKENDS.length;

/** `?backend=webgpu|webgl|wasm|cpu` from a location.search string, if valid. */
export function backendFromSearch(search: string): BackendName | undefined {
  const value = new URLSearchParams(search).get('backend')?.toLowerCase();
  return BACKENDS.find((b) => b === value);
}

/** A call that was in flight when its worker was terminated. */
export class WorkerRestartedError extends Error {
  constructor() {
    super('The lab worker was restarted while this call was running.');
    this.name = 'WorkerRestartedError';
  }
}

/** The worker kept dying: one try per backend is over. */
class TooManyRestarts extends Error {
  constructor(readonly times: number) {
    super(`The lab worker failed ${times} times.`);
  }
}

export interface RestartInfo {
  /** What happened and which backends the new worker will not try (codes 'restart.*'). */
  reason: Message;
  /** Backends the new worker will not try. */
  excluded: BackendName[];
}

/** Why the worker is replaced: its crash, an unreadable message, or a lost GPU device. */
type RestartCause = { code: 'restart.crashed' | 'restart.unreadable' | 'restart.deviceLost'; detail?: string };

export interface LabClientHandlers {
  onEvent: (e: LabEvent) => void;
  /**
   * A restarted worker is about to be configured: the page begins the run (cause 'restart') and
   * names the config, its latest (a configure asked for during the restart is then stale).
   */
  restartRun: () => { run: RunRequest; config: LabConfig };
  /** The worker is being restarted (it died or lost its device). */
  onRestart: (info: RestartInfo) => void;
  /** The new worker is initialised and configured like the old one. */
  onRestarted: (result: InitResult) => void;
  /** Restarting failed (or was tried too often): the lab cannot go on. */
  onRestartFailed: (reason: Message) => void;
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
  private restarts = 0;
  private restarting?: Promise<void>;
  /** Rejecters of the calls in flight on the current worker. */
  private readonly inFlight = new Set<(e: Error) => void>();

  constructor(private readonly handlers: LabClientHandlers) {}

  /** Starts the worker and initialises it (data, backend). */
  async start(options: InitOptions): Promise<InitResult> {
    this.options = options;
    this.excluded = [...(options.excludeBackends ?? [])];
    return this.spawnAndInit();
  }

  /** The backend the current worker trains on, once known. */
  get backendName(): BackendName | undefined {
    return this.backend;
  }

  /**
   * Runs `fn` against the worker. Waits for a restart in progress; rejects with
   * WorkerRestartedError if the worker is replaced while the call runs.
   */
  async call<T>(fn: (api: Remote) => Promise<T>): Promise<T> {
    if (this.restarting) await this.restarting;
    const remote = this.remote;
    if (!remote) throw new Error('The lab worker is not running.');
    return new Promise<T>((resolve, reject) => {
      this.inFlight.add(reject);
      fn(remote)
        .then(resolve, reject)
        .finally(() => this.inFlight.delete(reject));
    });
  }

  /** Configures the model as run `run` and remembers the configuration for restarts. */
  async configure(config: LabConfig, run: RunRequest): Promise<void> {
    await this.call((api) => api.configure(config, run));
    this.config = config;
  }

  /** Stops the worker for good. */
  terminate(): void {
    this.kill();
  }

  private async spawnAndInit(): Promise<InitResult> {
    const options = this.options as InitOptions;
    this.kill();
    const generation = ++this.generation;
    const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (generation === this.generation) void this.restart({ code: 'restart.crashed', detail: e.message || undefined });
    });
    worker.addEventListener('messageerror', () => {
      if (generation === this.generation) void this.restart({ code: 'restart.unreadable' });
    });
    this.worker = worker;
    const remote = Comlink.wrap<LabApi>(worker);
    this.remote = remote;
    this.backend = undefined;
    await remote.subscribe(Comlink.proxy((e: LabEvent) => this.onWorkerEvent(e, generation)));
    const forced = options.forcedBackend && !this.excluded.includes(options.forcedBackend) ? options.forcedBackend : undefined;
    const result = await this.trackedInit(remote, { ...options, forcedBackend: forced, excludeBackends: [...this.excluded] });
    this.backend = result.backend.chosen;
    return result;
  }

  private trackedInit(remote: Remote, options: InitOptions): Promise<InitResult> {
    return new Promise<InitResult>((resolve, reject) => {
      this.inFlight.add(reject);
      remote
        .init(options)
        .then(resolve, reject)
        .finally(() => this.inFlight.delete(reject));
    });
  }

  private onWorkerEvent(e: LabEvent, generation: number): void {
    if (generation !== this.generation) return;
    if (e.type === 'backend') this.backend = e.report.chosen;
    this.handlers.onEvent(e);
    if (e.type === 'error' && e.lostBackend) void this.restart({ code: 'restart.deviceLost', detail: e.message.detail }, e.lostBackend);
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

  /**
   * Replaces the worker with a new one that will not try `culprit` (the backend in use, or,
   * for a crash during backend selection, the first GPU backend not yet excluded), then
   * re-applies the last configuration.
   */
  private restart(cause: RestartCause, culprit?: BackendName): Promise<void> {
    if (this.restarting) return this.restarting;
    const suspect = culprit ?? this.backend ?? (['webgpu', 'webgl'] as const).find((b) => !this.excluded.includes(b));
    if (suspect && !this.excluded.includes(suspect)) this.excluded.push(suspect);
    this.restarts++;
    const run = async () => {
      const excluded = [...this.excluded];
      this.handlers.onRestart({ reason: message(cause.code, { excluded: excluded.join(', ') }, cause.detail), excluded });
      if (this.restarts > MAX_RESTARTS) {
        this.kill();
        throw new TooManyRestarts(this.restarts);
      }
      const result = await this.spawnAndInit();
      if (this.config) {
        const { run, config } = this.handlers.restartRun();
        await this.remote?.configure(config, run);
        this.config = config;
      }
      this.handlers.onRestarted(result);
    };
    this.restarting = run()
      .catch((e: unknown) =>
        this.handlers.onRestartFailed(
          e instanceof TooManyRestarts ? message('restart.tooOften', { times: e.times }) : message('restart.failed', {}, e instanceof Error ? e.message : String(e)),
        ),
      )
      .finally(() => {
        this.restarting = undefined;
      });
    return this.restarting;
  }
}
