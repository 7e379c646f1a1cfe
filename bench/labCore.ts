/**
 * The lab's training step without the lab around it: core/train/trainer.ts on this page's main
 * thread, the reference model at batch 256, no live test, no code map, no messages. Beside the
 * full lab (bench/lab.mjs) and `model.fit` it tells where the lab's time goes: in the step
 * itself, in how the loop reads the loss back, or in the views the running lab refreshes.
 *
 * Two ways to read the loss, as the lab's loop could:
 * - 'each': steps sized to about 40 ms (RunMeter, as in lab.worker.ts), then an await of the
 *   loss before the next chunk, so a GPU backend idles while the read-back crosses;
 * - 'overlapped': the next chunk is queued before the previous loss is awaited (one chunk in
 *   flight), as `model.fit` never waits between batches.
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CONFIG, LIMITS, type LabConfig } from '../src/core/config';
import { Trainer } from '../src/core/train/trainer';
import type { MnistData } from '../src/core/train/types';
import { RunMeter } from '../src/worker/runMeter';

export type ReadPattern = 'each' | 'overlapped';

export interface LabCoreResult {
  samplesPerSec: number;
  steps: number;
  seconds: number;
  loss: number;
  /** Kernels one step dispatches (tf.profile on the active backend). */
  kernelsPerStep: number;
}

let trainer: Trainer | undefined;
let kernelsPerStep = 0;

/** The reference model (the lab's default 784-256-64-2-64-256-784) at batch 256. */
export function benchConfig(batchSize = 256): LabConfig {
  return { ...DEFAULT_CONFIG, train: { ...DEFAULT_CONFIG.train, batchSize, trainSize: Math.max(LIMITS.trainSize.min, 8192) } };
}

/** Builds the Trainer on the active backend, warms it up and counts a step's kernels. */
export async function labCoreSetup(data: MnistData, config: LabConfig = benchConfig()): Promise<number> {
  trainer?.dispose();
  trainer = new Trainer(data, config);
  trainer.steps(2);
  await trainer.readTrainMetrics();
  const t = trainer;
  const profile = await tf.profile(() => t.steps(1));
  kernelsPerStep = profile.kernels.length;
  await trainer.readTrainMetrics();
  return kernelsPerStep;
}

/** Samples per second of the Trainer alone over about `seconds`, reading the loss `pattern`. */
export async function labCoreRun(seconds: number, pattern: ReadPattern): Promise<LabCoreResult> {
  const t = trainer;
  if (!t) throw new Error('call labCoreSetup first');
  const meter = new RunMeter();
  const batch = t.config.train.batchSize;
  const start = performance.now();
  const steps0 = t.step;
  let loss = Number.NaN;
  let pending: Promise<{ trainLoss: number }> | undefined;
  while (performance.now() - start < seconds * 1000) {
    const t0 = performance.now();
    const n = meter.chunk;
    t.steps(n);
    if (pattern === 'each') {
      loss = (await t.readTrainMetrics()).trainLoss;
    } else {
      const previous = pending;
      pending = t.readTrainMetrics();
      if (previous) loss = (await previous).trainLoss;
    }
    const now = performance.now();
    meter.chunkDone(n, now - t0, now, t.samplesSeen);
  }
  if (pending) loss = (await pending).trainLoss;
  const ms = performance.now() - start;
  const steps = t.step - steps0;
  return { samplesPerSec: (steps * batch * 1000) / ms, steps, seconds: ms / 1000, loss, kernelsPerStep };
}

/**
 * Where one step's time goes, by kernel name: total kernel ms (the backend's own timer, or
 * NaN where it has none) and count, largest first. For reading by hand, not for the table.
 */
export async function labCoreProfile(): Promise<string> {
  const t = trainer;
  if (!t) throw new Error('call labCoreSetup first');
  const profile = await tf.profile(() => t.steps(1));
  await t.readTrainMetrics();
  const byName = new Map<string, { ms: number; n: number }>();
  for (const k of profile.kernels) {
    const e = byName.get(k.name) ?? { ms: 0, n: 0 };
    const ms = await Promise.resolve(k.kernelTimeMs as number | { error: string } | Promise<number | { error: string }>);
    e.ms += typeof ms === 'number' ? ms : Number.NaN;
    e.n++;
    byName.set(k.name, e);
  }
  const products = [];
  for (const k of profile.kernels) {
    if (!/MatMul|^Sum$/.test(k.name)) continue;
    const ms = await Promise.resolve(k.kernelTimeMs as number | { error: string } | Promise<number | { error: string }>);
    products.push(`  ${k.name} ${JSON.stringify(k.inputShapes)} -> ${JSON.stringify(k.outputShapes)}: ${typeof ms === 'number' ? ms.toFixed(1) : '?'} ms`);
  }
  return [...byName]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, e]) => `${name} x${e.n}: ${e.ms.toFixed(1)} ms`)
    .concat(products)
    .join('\n');
}

export function labCoreDispose(): void {
  trainer?.dispose();
  trainer = undefined;
}
