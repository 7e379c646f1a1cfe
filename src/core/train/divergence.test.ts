import { describe, expect, it } from 'vitest';
import { DIVERGENCE_WARMUP_STEPS, detectDivergence } from './divergence';

describe('detectDivergence', () => {
  it('a NaN or infinite loss: the step, the rate in use and a tenth of it', () => {
    expect(detectDivergence(Number.NaN, 812, 0.2, 0.5)).toEqual({
      step: 812,
      kind: 'nan',
      loss: Number.NaN,
      message: { code: 'diverged.nan', params: { step: 812, learningRate: 0.5, suggested: 0.05 } },
    });
    expect(detectDivergence(Infinity, 3, Infinity, 0.01)?.message).toEqual({
      code: 'diverged.infinite',
      params: { step: 3, learningRate: 0.01, suggested: 0.001 },
    });
  });

  it('an exploding loss: compared with its best so far, or with drawing the average digit', () => {
    const boom = detectDivergence(2.5, 400, 0.1, 0.003, 0.26);
    expect(boom?.kind).toBe('exploding');
    expect(boom?.message).toEqual({
      code: 'diverged.explodedBest',
      params: { step: 400, loss: 2.5, factor: 10, best: 0.1, learningRate: 0.003, suggested: 0.0003 },
    });
    const early = detectDivergence(7e7, 5, Infinity, 1, 0.0671234);
    expect(early?.message).toEqual({
      code: 'diverged.explodedMean',
      params: { step: 5, loss: 7e7, factor: 10, meanLoss: 0.0671, learningRate: 1, suggested: 0.1 },
    });
  });

  it('not a healthy loss, nor a noisy warm-up; a loss huge from the first read is still caught', () => {
    expect(detectDivergence(0.9, 400, 0.1, 0.003, 0.26)).toBeUndefined();
    // During the warm-up only an absurd loss counts, measured against the mean-image loss.
    expect(detectDivergence(2.5, DIVERGENCE_WARMUP_STEPS - 1, 0.1, 0.003, 0.26)).toBeUndefined();
    expect(detectDivergence(2e4, 60, 1e4, 1, 0.067)?.kind).toBe('exploding');
  });
});
