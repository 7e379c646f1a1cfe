import { describe, expect, it } from 'vitest';
import type { PcaBaselineEvent } from '../../worker/api';
import type { LossPoint } from '../../state/store';
import { chartSeries, xDomain, yDomain } from './lossChartModel';

const history: LossPoint[] = [
  { step: 10, epoch: 0.1, trainLoss: 0.5 },
  { step: 20, epoch: 0.2, trainLoss: 0.3, testLoss: 0.28, testSquaredError: 50 },
  { step: 30, epoch: 0.3, trainLoss: NaN },
  { step: 40, epoch: 0.4, trainLoss: 0.2, testLoss: 0.19, testSquaredError: 35 },
];
const pca: PcaBaselineEvent = { type: 'pcaBaseline', runId: 1, codeSize: 2, testSquaredError: 55.6, testLoss: 0.26 };

describe('loss chart model', () => {
  it('draws loss per pixel with the PCA test loss', () => {
    const s = chartSeries(history, 'loss', pca);
    expect(s.train.map((p) => p.step)).toEqual([10, 20, 30, 40]);
    expect(s.test).toEqual([
      { step: 20, value: 0.28 },
      { step: 40, value: 0.19 },
    ]);
    expect(s.pca).toBe(0.26);
  });

  it('draws squared error per image with the PCA squared error and no train curve', () => {
    const s = chartSeries(history, 'squaredError', pca);
    expect(s.train).toEqual([]);
    expect(s.test.map((p) => p.value)).toEqual([50, 35]);
    expect(s.pca).toBe(55.6);
  });

  it('fits the y range around every drawable value and the PCA line', () => {
    const loss = chartSeries(history, 'loss', pca);
    const [lo, hi] = yDomain(loss, true);
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(0.19);
    expect(hi).toBeGreaterThan(0.5);
    expect(hi).toBeLessThan(0.6);

    const se = chartSeries(history, 'squaredError', pca);
    const [lin0, lin1] = yDomain(se, false);
    expect(lin0).toBe(0);
    expect(lin1).toBeGreaterThan(55.6);
    expect(lin1).toBeLessThan(60);
  });

  it('keeps zero and NaN off a log axis and has a range without data', () => {
    const s = chartSeries([{ step: 1, epoch: 0, trainLoss: 0 }, { step: 2, epoch: 0, trainLoss: 0.4 }], 'loss');
    const [lo] = yDomain(s, true);
    expect(lo).toBeGreaterThan(0);
    expect(yDomain(chartSeries([], 'loss'), true)).toEqual([0.01, 1]);
    expect(yDomain(chartSeries([], 'loss'), false)).toEqual([0, 1]);
    expect(xDomain(chartSeries(history, 'loss'))).toEqual([0, 40]);
  });
});
