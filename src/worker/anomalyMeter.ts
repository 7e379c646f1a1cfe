/**
 * Anomaly detection in the lab worker (lesson anomaly-detection): every test digit's
 * reconstruction error is its anomaly score; digits whose label is not among the run's normal
 * digits are the anomalies. A round scores all 10,000 test digits (about a second of model
 * time on wasm), so rounds take at most about ANOMALY_MAX_SHARE of the wall time.
 */
import { extremes } from '../core/analysis/anomaly';
import { auroc } from '../core/analysis/roc';
import { IMAGE_SIZE } from '../core/config';
import type { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { AnomalyDigits } from './api';
import type { Emit } from './runChannel';

/** Most and least anomalous test digits shown. */
export const ANOMALY_EXTREMES = 10;
const ANOMALY_INTERVAL_MS = 2000;
const ANOMALY_MAX_SHARE = 0.1;
/** A round at least this often, so the claim follows training on a loaded machine. */
const ANOMALY_MAX_INTERVAL_MS = 10_000;

export class AnomalyMeter {
  private watching = false;
  private lastRoundAt = -Infinity;
  private interval = ANOMALY_INTERVAL_MS;

  constructor(
    private readonly data: MnistData,
    private readonly emit: Emit,
  ) {}

  get on(): boolean {
    return this.watching;
  }

  watch(on: boolean): void {
    this.watching = on;
    this.lastRoundAt = -Infinity;
  }

  /** A new model, a reset or an import: the next round comes at once. */
  restart(): void {
    this.lastRoundAt = -Infinity;
  }

  due(now: number): boolean {
    return this.watching && now - this.lastRoundAt >= this.interval;
  }

  /** Scores every test digit with the current model and sends the anomaly event. */
  async work(trainer: Trainer): Promise<void> {
    if (!this.watching) return;
    const t0 = performance.now();
    const step = trainer.step;
    const epoch = trainer.epoch;
    const scores = await trainer.testSquaredErrors();
    const normalDigits = [...trainer.config.train.normalDigits];
    const normal = new Set(normalDigits);
    const labels = this.data.testLabels.slice(0, scores.length);
    const anomalous = Uint8Array.from(labels, (l) => (normal.has(l) ? 0 : 1));
    const both = anomalous.some((a) => a === 1) && anomalous.some((a) => a === 0);
    // A diverged model's NaN errors have no ranking; the page says so instead of an AUROC.
    const finite = scores.every(Number.isFinite);
    const area = both && finite ? auroc(scores, anomalous) : Number.NaN;
    const { most, least } = extremes(scores, ANOMALY_EXTREMES);
    const now = performance.now();
    this.lastRoundAt = now;
    this.interval = Math.min(ANOMALY_MAX_INTERVAL_MS, Math.max(ANOMALY_INTERVAL_MS, (now - t0) / ANOMALY_MAX_SHARE));
    const mostDigits = this.digits(most, scores);
    const leastDigits = this.digits(least, scores);
    this.emit(
      { type: 'anomaly', step, epoch, normalDigits, scores, labels, auroc: area, most: mostDigits, least: leastDigits },
      [scores.buffer, labels.buffer, mostDigits.images.buffer, leastDigits.images.buffer],
    );
  }

  private digits(indices: Int32Array, scores: Float32Array): AnomalyDigits {
    const images = new Uint8Array(indices.length * IMAGE_SIZE);
    indices.forEach((i, j) => images.set(this.data.testImages.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), j * IMAGE_SIZE));
    return {
      indices,
      labels: Uint8Array.from(indices, (i) => this.data.testLabels[i]),
      scores: Float32Array.from(indices, (i) => scores[i]),
      images,
    };
  }
}
