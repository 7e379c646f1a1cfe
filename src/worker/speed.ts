/**
 * The micro-benchmark behind the backend choice: real training steps of the lab's model on
 * the active backend, timed wall-clock including the read-back that waits for the device.
 */
import { LIMITS, type LabConfig } from '../core/config';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';

/** Steps before timing starts: shader compilation and kernel set-up are not training speed. */
const WARMUP_STEPS = 2;
/** A timed chunk never aims past this, so a slow backend overshoots the budget by little. */
const MAX_CHUNK_MS = 250;

/**
 * Training samples per second of `config`'s model on the backend now active.
 * Uses the smallest training subset (the step cost does not depend on the subset size, the
 * upload does). Runs timed chunks until `budgetMs` has passed; the warm-up is excluded.
 */
export async function measureTrainingSpeed(data: MnistData, config: LabConfig, budgetMs: number): Promise<number> {
  const trainer = new Trainer(data, { ...config, train: { ...config.train, trainSize: LIMITS.trainSize.min } });
  try {
    trainer.steps(WARMUP_STEPS);
    await trainer.readTrainMetrics();
    const t0 = performance.now();
    let steps = 0;
    let elapsed = 0;
    let chunk = 1;
    while (elapsed < budgetMs) {
      trainer.steps(chunk);
      await trainer.readTrainMetrics();
      steps += chunk;
      elapsed = performance.now() - t0;
      const stepsPerMs = steps / elapsed;
      chunk = Math.max(1, Math.round(stepsPerMs * Math.min(budgetMs - elapsed, MAX_CHUNK_MS)));
    }
    return (steps * config.train.batchSize) / (elapsed / 1000);
  } finally {
    trainer.dispose();
  }
}
