/**
 * Coalesces a fast stream of requests (pointer moves, slider input) into at most one async
 * call per animation frame, and never more than one call in flight: while the worker decodes,
 * newer requests replace each other and only the latest is sent once the call returns.
 */
export interface LatestPerFrame<T> {
  /** Queues `value`; an earlier queued value that was not sent yet is dropped. */
  push(value: T): void;
  /** Drops any queued value (e.g. on unmount). */
  cancel(): void;
}

type Scheduler = (run: () => void) => void;

const nextFrame: Scheduler = (run) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => run());
  else setTimeout(run, 16);
};

export function latestPerFrame<T>(
  send: (value: T) => Promise<unknown>,
  schedule: Scheduler = nextFrame,
): LatestPerFrame<T> {
  let pending: { value: T } | undefined;
  let scheduled = false;
  let inFlight = false;
  let cancelled = false;

  const flush = () => {
    scheduled = false;
    if (cancelled || inFlight || !pending) return;
    const { value } = pending;
    pending = undefined;
    inFlight = true;
    // Errors are the sender's to report (the bridge puts them in the store); keep the stream alive.
    send(value)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        if (pending) arm();
      });
  };
  const arm = () => {
    if (scheduled || cancelled) return;
    scheduled = true;
    schedule(flush);
  };

  return {
    push(value) {
      cancelled = false;
      pending = { value };
      if (!inFlight) arm();
    },
    cancel() {
      cancelled = true;
      pending = undefined;
    },
  };
}
