/**
 * The page's one connection to the lab worker (worker/client.ts) and how its actions fail: every
 * action runs through `act`, which waits for the lab to be started and turns a failure into a
 * worded message in the store's errors ('internal.actionFailed' with the action's name and the
 * exception's text as detail). labBridge.ts starts the connection; the actions' modules
 * (labBridge, latentActions, lessonActions, textRetrieval) use it.
 */
import { message, type LabAction, type Message } from '../core/messages';
import type { ErrorEvent } from '../worker/api';
import { WorkerRestartedError, type LabClient } from '../worker/client';
import { useLab } from './store';

const store = () => useLab.getState();
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

let client: LabClient | undefined;
let booting: Promise<void> | undefined;

/** labBridge.boot: the client being started, and the promise that resolves when it is ready. */
export function connect(c: LabClient, started: (c: LabClient) => Promise<void>): Promise<void> {
  client = c;
  booting = started(c).catch(() => {
    client = undefined;
  });
  return booting;
}

/** True once boot() has begun (before it, actions only keep the page's wishes). */
export function started(): boolean {
  return booting !== undefined;
}

/** The client, if the lab is running (no wait). */
export function currentClient(): LabClient | undefined {
  return client;
}

/** The running client; throws before boot(). */
export async function ready(): Promise<LabClient> {
  if (!booting) throw new Error('The lab has not been started: call lab.boot() first.');
  await booting;
  if (!client) throw new Error('The lab failed to start.');
  return client;
}

/** An error notice in the store, worded by the page. */
export function report(kind: ErrorEvent['kind'], what: Message, hint?: Message): void {
  store().addError({ type: 'error', kind, message: what, ...(hint ? { hint } : {}) });
}

/**
 * Failures the page already hears about otherwise: a restart in progress, a lost GPU device, a
 * refusal the worker reported as its own error event (lab.worker.ts ReportedError).
 */
export function expected(e: unknown): boolean {
  if (e instanceof WorkerRestartedError) return true;
  return e instanceof Error && (e.name === 'DeviceLostError' || e.name === 'ReportedError');
}

/**
 * Runs an action; failures land in the store's errors (the worker already reported its own
 * refusals as events), and a call cut short by a worker restart is not an error.
 */
export async function act<T>(action: LabAction, fn: (c: LabClient) => Promise<T>): Promise<T | undefined> {
  try {
    return await fn(await ready());
  } catch (e) {
    if (!expected(e)) report('internal', message('internal.actionFailed', { action }, errorText(e)));
    return undefined;
  }
}

/** True while run `runId` is still the one the page shows (an answer for an older run is dropped). */
export function stillRun(runId: number): boolean {
  return store().run.id === runId;
}
