/**
 * How the page's side of the bridge (client.ts) judges a failure of the lab worker, as plain
 * rules (tested in Node): whether the backend in use was at fault (then the new worker leaves it
 * out; otherwise it restarts on the same one), what the one notice says, and when failures come
 * too often to go on (FAILURE_LIMIT within FAILURE_WINDOW_MS: the page offers a reload instead).
 */
import { message, type Message } from '../core/messages';
import type { BackendName } from './api';

/**
 * 'crashed': the worker died (an uncaught error, the browser killed it); 'unreadable': it sent a
 * message that could not be read; 'deviceLost': the WebGPU device is gone; 'contextLost': the
 * WebGL context is gone; 'outOfMemory': WebAssembly aborted (out of memory, or memory corrupted
 * by a failed allocation: "table index is out of bounds"), after which every wasm call fails.
 */
export type FailureKind = 'crashed' | 'unreadable' | 'deviceLost' | 'contextLost' | 'outOfMemory';

export interface Failure {
  kind: FailureKind;
  /** The backend the worker trained on, or was starting on when forced (`?backend=`, a restart), if known. */
  backend?: BackendName;
  /** It failed while initialising (loading data, choosing and checking the backend). */
  duringInit?: boolean;
  /** The browser's or the library's words. */
  detail?: string;
}

/** Failures within FAILURE_WINDOW_MS that stop the restarts (a reload is offered instead). */
export const FAILURE_LIMIT = 3;
export const FAILURE_WINDOW_MS = 60_000;
/** A worker that has not answered its first call by then did not arrive (its script is missing or stalled). */
export const FIRST_ANSWER_MS = 12_000;

const GPUS: readonly BackendName[] = ['webgpu', 'webgl'];

/**
 * The backend to leave out of the restarted worker, or undefined to restart on the same one.
 * A lost device or context is its backend's fault. A crash while initialising with no backend
 * known is blamed on the first GPU backend still tried (a GPU driver can take a worker down
 * while it is probed); with a known one (forced, or the one a restart returns to: it was checked
 * before) the same backend is tried again. A crash of a running worker and an out-of-memory abort
 * are the model's or the script's, not the backend's: the same backend serves again, unless a
 * running worker crashed on it `again` (twice within the window), which blames it after all.
 */
export function culpritOf(failure: Failure, excluded: readonly BackendName[], again = false): BackendName | undefined {
  if (failure.kind === 'deviceLost' || failure.kind === 'contextLost') return failure.backend;
  if (failure.kind === 'outOfMemory') return undefined;
  if (!failure.backend) return GPUS.find((b) => !excluded.includes(b));
  return again && !failure.duringInit && failure.backend !== 'cpu' ? failure.backend : undefined;
}

/** The one notice of a failure: what happened and where the lab restarts. */
export function restartMessage(failure: Failure, culprit: BackendName | undefined, excluded: readonly BackendName[]): Message {
  const { kind, detail, backend } = failure;
  if (kind === 'outOfMemory') return message('restart.outOfMemory', { backend: backend ?? 'wasm' }, detail);
  if (kind === 'contextLost') return message('restart.contextLost', { excluded: excluded.join(', ') }, detail);
  if (culprit) return message(`restart.${kind}`, { excluded: excluded.join(', ') }, detail);
  return message('restart.crashedKept', { backend: backend ?? '' }, detail);
}

/** Times of the recent failures; says when there were too many. */
export class FailureWindow {
  private times: number[] = [];

  constructor(
    private readonly limit = FAILURE_LIMIT,
    private readonly windowMs = FAILURE_WINDOW_MS,
  ) {}

  /** Records a failure at `now` (ms); true when `limit` failures fell within the window. */
  add(now: number): boolean {
    this.times = [...this.times.filter((t) => now - t < this.windowMs), now];
    return this.times.length >= this.limit;
  }

  get count(): number {
    return this.times.length;
  }
}
