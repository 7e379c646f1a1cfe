/**
 * What the loss chart draws, as plain data: the series for the chosen unit, the PCA line in
 * the same unit, and the y range. Pure (no React, no DOM), so it is tested in Node.
 */
import type { PcaBaselineEvent } from '../../worker/api';
import type { LossPoint } from '../../state/store';

/**
 * 'loss': train and test loss per pixel (bce or mse, as configured) with the PCA test loss.
 * 'squaredError': test squared error per image (sum over 784 pixels) with the PCA squared
 * error, the unit of Hinton & Salakhutdinov 2006. The train curve has no squared error.
 */
export type ChartUnit = 'loss' | 'squaredError';

export interface ChartPoint {
  step: number;
  value: number;
}

export interface ChartSeries {
  train: ChartPoint[];
  test: ChartPoint[];
  /** The PCA baseline in the chart's unit, if fitted. */
  pca?: number;
}

export function chartSeries(history: readonly LossPoint[], unit: ChartUnit, pca?: PcaBaselineEvent): ChartSeries {
  const test: ChartPoint[] = [];
  const train: ChartPoint[] = [];
  for (const p of history) {
    const t = unit === 'loss' ? p.testLoss : p.testSquaredError;
    if (t !== undefined) test.push({ step: p.step, value: t });
    if (unit === 'loss') train.push({ step: p.step, value: p.trainLoss });
  }
  const line = pca ? (unit === 'loss' ? pca.testLoss : pca.testSquaredError) : undefined;
  return { train, test, pca: line };
}

/** A value the scale can place: finite, and positive on a log axis. */
export function drawable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

/**
 * The y range over every drawable value and the PCA line, padded a little. Linear axes start
 * at 0 (a loss is never negative); log axes pad by a factor. Without data: [0, 1] or [0.01, 1].
 */
export function yDomain(series: ChartSeries, log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (v: number) => {
    if (!drawable(v, log)) return;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  for (const p of series.train) visit(p.value);
  for (const p of series.test) visit(p.value);
  if (series.pca !== undefined) visit(series.pca);
  if (lo > hi) return log ? [0.01, 1] : [0, 1];
  if (log) {
    if (hi / lo < 1.5) return [lo / 1.25, hi * 1.25];
    return [lo / 1.1, hi * 1.1];
  }
  return [0, hi > 0 ? hi * 1.05 : 1];
}

/** The x range: the steps shown and the live settings' marks (`marks`: their steps), at least [0, 1]. */
export function xDomain(series: ChartSeries, marks: readonly number[] = []): [number, number] {
  let hi = Math.max(1, ...marks);
  for (const p of series.train) hi = Math.max(hi, p.step);
  for (const p of series.test) hi = Math.max(hi, p.step);
  return [0, hi];
}
