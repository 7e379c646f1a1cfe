import { describe, expect, it } from 'vitest';
import { CHUNK_TARGET_MS, RunMeter } from './runMeter';

describe('RunMeter', () => {
  it('sizes chunks towards the target time', () => {
    const m = new RunMeter();
    const msPerStep = 2;
    let now = 0;
    for (let i = 0; i < 12; i++) {
      const steps = m.chunk;
      now += steps * msPerStep;
      m.chunkDone(steps, steps * msPerStep, now, 0);
    }
    expect(m.chunk).toBeGreaterThanOrEqual(CHUNK_TARGET_MS / msPerStep - 1);
    expect(m.chunk).toBeLessThanOrEqual(CHUNK_TARGET_MS / msPerStep + 1);
    // A step slower than the target: one step per chunk.
    m.chunkDone(m.chunk, m.chunk * 500, now, 0);
    m.chunkDone(m.chunk, m.chunk * 500, now, 0);
    m.chunkDone(m.chunk, m.chunk * 500, now, 0);
    expect(m.chunk).toBeLessThanOrEqual(2);
    m.reset();
    expect(m.chunk).toBe(1);
  });

  it('measures samples per second over the last second', () => {
    const m = new RunMeter();
    m.start(0, 0);
    // 100 samples every 100 ms for 0.5 s, then 300 every 100 ms: the window forgets the slow part.
    let samples = 0;
    for (let t = 100; t <= 3000; t += 100) {
      samples += t <= 500 ? 100 : 300;
      m.chunkDone(1, 100, t, samples);
    }
    expect(m.samplesPerSec()).toBeCloseTo(3000, 6);
  });

  it('weights the pending loss by steps and lets NaN through', () => {
    const m = new RunMeter();
    m.addLoss(1, 1);
    m.addLoss(4, 3);
    expect(m.takeLoss()).toBeCloseTo(13 / 4, 10);
    // Nothing new: the last value stays.
    expect(m.takeLoss()).toBeCloseTo(13 / 4, 10);
    m.addLoss(0.5, 2);
    m.addLoss(Number.NaN, 2);
    m.addLoss(0.4, 2);
    expect(m.takeLoss()).toBeNaN();
  });

  it('counts running time without the pauses', () => {
    const m = new RunMeter();
    m.start(1000, 0);
    m.stop(1500);
    expect(m.elapsedMs(9000)).toBe(500);
    m.start(10000, 0);
    expect(m.elapsedMs(10250)).toBe(750);
    m.addElapsed(50);
    m.stop(10300);
    expect(m.elapsedMs(20000)).toBe(850);
  });
});
