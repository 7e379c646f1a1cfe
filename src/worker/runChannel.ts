/**
 * The lab worker's one way out to the page: the listener the page subscribed (comlink-proxied),
 * and the run whose events go out now (apiRun.ts tells the protocol). Modules that make a run's
 * events (labViews, labVq, the applications' meters) send them through `emit`, which stamps the
 * current run's id; an answer that arrives later from another worker (the PCA fit, the pixel
 * search) goes through an emit `pin`ned when it was asked for, so it carries the run it belongs
 * to and the page drops it if that run has been superseded.
 */
import * as Comlink from 'comlink';
import type { LabEvent, RunEventBody, RunScopedEvent, WorkerEvent } from './api';
import type { RunEvent, RunRequest } from './apiRun';

export type Listener = (e: LabEvent) => unknown;
/** Sends one event of a run; the buffers in `transfer` move to the page. */
export type Emit = (e: RunEventBody, transfer?: Transferable[]) => void;

export class RunChannel {
  private listener?: Listener;
  /** The run whose events go out now; 0 before the first configure. */
  private current = 0;

  subscribe(listener: Listener): void {
    this.listener = listener;
  }

  get runId(): number {
    return this.current;
  }

  /** An event of the worker itself or of a lesson's own experiment (no run id). */
  post(e: WorkerEvent, transfer: Transferable[] = []): void {
    this.send(e, transfer);
  }

  /** An event of the current run. */
  readonly emit: Emit = (e, transfer = []) => this.send({ ...e, runId: this.current } as RunScopedEvent, transfer);

  /** An emit bound to the run current now, for an answer that comes later. */
  pin(): Emit {
    const runId = this.current;
    return (e, transfer = []) => this.send({ ...e, runId } as RunScopedEvent, transfer);
  }

  /** True when the page has asked for a newer run than `run` since (or for this one already). */
  stale(run: RunRequest): boolean {
    return run.runId <= this.current;
  }

  /**
   * Starts run `run`: later events carry its id, and its announcement goes out first.
   * Call once the old run's loop has stopped (its last events still carry the old id).
   */
  begin(run: RunRequest, announcement: Omit<RunEvent, 'type' | 'runId' | 'cause'>): void {
    this.current = run.runId;
    this.emit({ type: 'run', cause: run.cause, ...announcement });
  }

  private send(e: LabEvent, transfer: Transferable[]): void {
    if (!this.listener) return;
    // The page may be gone or busy: never let its failure stop training.
    Promise.resolve(this.listener(transfer.length ? Comlink.transfer(e, transfer) : e)).catch(() => undefined);
  }
}
