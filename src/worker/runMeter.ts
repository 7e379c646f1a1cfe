/**
 * The training loop's bookkeeping: how many steps go into a chunk, the samples-per-second
 * over the last second, the training loss of read-backs not posted yet, and the running time
 * of this configuration with paused time left out. Plain arithmetic; times in ms.
 */

/** A chunk of steps aims at this wall time: long enough to amortise the read-back, short enough to stay responsive. */
export const CHUNK_TARGET_MS = 40;
export const MAX_CHUNK_STEPS = 500;
/** Samples per second are measured over about this window. */
export const RATE_WINDOW_MS = 1000;

export class RunMeter {
  /** Steps in the next chunk. */
  chunk = 1;
  private rate: { t: number; samples: number }[] = [];
  private pending = { sum: 0, steps: 0 };
  private lastLoss = Number.NaN;
  private elapsedBefore = 0;
  private runningSince: number | undefined;

  /** Training (re)starts at `now` with `samplesSeen` so far. */
  start(now: number, samplesSeen: number): void {
    this.runningSince = now;
    this.rate = [{ t: now, samples: samplesSeen }];
  }

  stop(now: number): void {
    if (this.runningSince !== undefined) this.elapsedBefore += now - this.runningSince;
    this.runningSince = undefined;
  }

  /** Time spent training outside the loop (single steps). */
  addElapsed(ms: number): void {
    this.elapsedBefore += ms;
  }

  /**
   * A chunk of `steps` took `ms` (steps and read-back); `samplesSeen` after it.
   * The next chunk scales towards CHUNK_TARGET_MS; the geometric mean with the old size damps noise.
   */
  chunkDone(steps: number, ms: number, now: number, samplesSeen: number): void {
    const ideal = (steps * CHUNK_TARGET_MS) / Math.max(ms, 1);
    this.chunk = clampChunk(Math.sqrt(steps * ideal));
    this.rate.push({ t: now, samples: samplesSeen });
    // Keep one point at least RATE_WINDOW_MS old, so the rate spans a whole window.
    while (this.rate.length > 2 && this.rate[1].t <= now - RATE_WINDOW_MS) this.rate.shift();
  }

  /** A read-back's mean loss over `steps` steps. A NaN or infinite loss wins: the page must see it. */
  addLoss(loss: number, steps: number): void {
    if (!Number.isFinite(loss)) this.pending = { sum: loss, steps: 1 };
    else if (Number.isFinite(this.pending.sum)) {
      this.pending.sum += loss * steps;
      this.pending.steps += steps;
    }
  }

  /** Mean loss of the read-backs since the last call (weighted by steps), or the last known. */
  takeLoss(): number {
    if (this.pending.steps > 0) this.lastLoss = this.pending.sum / this.pending.steps;
    this.pending = { sum: 0, steps: 0 };
    return this.lastLoss;
  }

  samplesPerSec(): number {
    const first = this.rate[0];
    const last = this.rate[this.rate.length - 1];
    return first && last && last.t > first.t ? ((last.samples - first.samples) * 1000) / (last.t - first.t) : 0;
  }

  elapsedMs(now: number): number {
    return this.elapsedBefore + (this.runningSince !== undefined ? now - this.runningSince : 0);
  }

  /**
   * A new run (configure, reset). The chunk starts again from one step and grows within a few
   * chunks: a chunk sized for a small model could take minutes with a large one.
   */
  reset(): void {
    this.chunk = 1;
    this.rate = [];
    this.pending = { sum: 0, steps: 0 };
    this.lastLoss = Number.NaN;
    this.elapsedBefore = 0;
    this.runningSince = undefined;
  }
}

function clampChunk(x: number): number {
  return Math.min(MAX_CHUNK_STEPS, Math.max(1, Math.round(x)));
}

/** A macrotask tick without setTimeout's 4 ms clamp: lets queued messages run. */
export const tick = (() => {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
})();
