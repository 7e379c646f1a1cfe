import { describe, expect, it } from 'vitest';
import { latestPerFrame } from './latestPerFrame';

/** A manual frame clock: callbacks run only when `tick()` is called. */
function manualFrames() {
  let queue: (() => void)[] = [];
  return {
    schedule: (run: () => void) => queue.push(run),
    tick() {
      const q = queue;
      queue = [];
      q.forEach((run) => run());
    },
    get queued() {
      return queue.length;
    },
  };
}

describe('latestPerFrame', () => {
  it('sends only the latest value per frame and waits for the call in flight', async () => {
    const frames = manualFrames();
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const c = latestPerFrame<number>((v) => {
      sent.push(v);
      return new Promise<void>((r) => (release = r));
    }, frames.schedule);

    c.push(1);
    c.push(2);
    c.push(3);
    expect(frames.queued).toBe(1);
    frames.tick();
    expect(sent).toEqual([3]);

    // While 3 is being decoded, newer values replace each other and nothing is scheduled.
    c.push(4);
    c.push(5);
    expect(frames.queued).toBe(0);
    release();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(frames.queued).toBe(1);
    frames.tick();
    expect(sent).toEqual([3, 5]);
  });

  it('keeps going after a failed send and drops values on cancel', async () => {
    const frames = manualFrames();
    const sent: number[] = [];
    const c = latestPerFrame<number>(async (v) => {
      sent.push(v);
      if (v === 1) throw new Error('decode failed');
    }, frames.schedule);
    c.push(1);
    frames.tick();
    await new Promise((r) => setTimeout(r, 0));
    c.push(2);
    frames.tick();
    expect(sent).toEqual([1, 2]);
    await new Promise((r) => setTimeout(r, 0));
    c.push(3);
    c.cancel();
    frames.tick();
    expect(sent).toEqual([1, 2]);
  });
});
