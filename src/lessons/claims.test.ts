import { describe, expect, it } from 'vitest';
import { evaluateClaim, type ClaimInputs } from './claims';
import { findLesson } from './index';
import type { ClaimCheck } from './types';

const inputs = (over: Partial<ClaimInputs>): ClaimInputs => ({ epoch: 5, current: {}, baseline: {}, initial: {}, ...over });
const deepVsPca: ClaimCheck = { metric: 'testSquaredError', compare: 'baseline', relation: 'lt', factor: 0.85, margin: 0, minEpochs: 3 };

describe('evaluateClaim', () => {
  it('compares with factor x PCA + margin', () => {
    expect(evaluateClaim(deepVsPca, inputs({ current: { testSquaredError: 11 }, baseline: { testSquaredError: 14 } }))).toEqual({
      state: 'holds',
      value: 11,
      target: 14 * 0.85,
    });
    expect(evaluateClaim(deepVsPca, inputs({ current: { testSquaredError: 12.5 }, baseline: { testSquaredError: 14 } })).state).toBe('fails');
    const knn: ClaimCheck = { metric: 'knnAccuracy', compare: 'baseline', relation: 'gt', factor: 1, margin: 0.2, minEpochs: 0 };
    expect(evaluateClaim(knn, inputs({ current: { knnAccuracy: 0.65 }, baseline: { knnAccuracy: 0.42 } })).state).toBe('holds');
    expect(evaluateClaim(knn, inputs({ current: { knnAccuracy: 0.6 }, baseline: { knnAccuracy: 0.42 } })).state).toBe('fails');
  });

  it('compares with the first value and with a fixed number', () => {
    const half: ClaimCheck = { metric: 'testSquaredError', compare: 'initial', relation: 'lt', factor: 0.5, minEpochs: 1 };
    expect(evaluateClaim(half, inputs({ current: { testSquaredError: 40 }, initial: { testSquaredError: 100 } })).state).toBe('holds');
    expect(evaluateClaim(half, inputs({ current: { testSquaredError: 60 }, initial: { testSquaredError: 100 } })).state).toBe('fails');
    const radius = findLesson('generating-from-the-code')?.claim.check;
    expect(radius?.compare).toBe('fixed');
    if (!radius) return;
    expect(evaluateClaim(radius, inputs({ current: { codeRadius95: 1.2, testSquaredError: 39.1 } })).state).toBe('holds');
    expect(evaluateClaim(radius, inputs({ current: { codeRadius95: 25, testSquaredError: 38.2 } })).state).toBe('fails');
    // The guard: an untrained code lies within 1 of zero, but draws the average digit (about 50.7).
    expect(evaluateClaim(radius, inputs({ current: { codeRadius95: 0.9, testSquaredError: 50.7 } }))).toMatchObject({ state: 'fails', guard: 'testSquaredError' });
  });

  it('holds the VAE lessons to their figures, and a floor keeps a collapsed code from passing', () => {
    const holes = findLesson('vae')!.claim.check;
    // docs/claims.json: 1-2% of the cells empty after one epoch; without the KL term (β = 0) 30-41%.
    expect(evaluateClaim(holes, inputs({ epoch: 1, current: { emptyCells: 0.02 } })).state).toBe('holds');
    expect(evaluateClaim(holes, inputs({ epoch: 1, current: { emptyCells: 0.3 } })).state).toBe('fails');
    expect(evaluateClaim(holes, inputs({ epoch: 0.9, current: { emptyCells: 0 } })).state).toBe('pending');
    const used = findLesson('beta-vae-traversal')!.claim.check;
    expect(evaluateClaim(used, inputs({ epoch: 3, current: { activeDimensions: 5 } })).state).toBe('holds');
    expect(evaluateClaim(used, inputs({ epoch: 3, current: { activeDimensions: 8 } })).state).toBe('fails'); // β = 1
    expect(evaluateClaim(used, inputs({ epoch: 3, current: { activeDimensions: 0 } })).state).toBe('fails'); // collapsed
    expect(evaluateClaim(used, inputs({ epoch: 3, current: { activeDimensions: 2 } })).state).toBe('holds');
  });

  it('waits for training and for the numbers it needs', () => {
    expect(evaluateClaim(deepVsPca, inputs({ epoch: 2.9, current: { testSquaredError: 1 }, baseline: { testSquaredError: 14 } }))).toEqual({
      state: 'pending',
      reason: 'training',
    });
    expect(evaluateClaim(deepVsPca, inputs({ baseline: { testSquaredError: 14 } }))).toEqual({ state: 'pending', reason: 'waiting-for-metric' });
    expect(evaluateClaim(deepVsPca, inputs({ current: { testSquaredError: 1 } }))).toEqual({ state: 'pending', reason: 'waiting-for-reference' });
    expect(evaluateClaim(deepVsPca, inputs({ current: { testSquaredError: 1 }, baseline: { testSquaredError: NaN } })).state).toBe('pending');
    expect(evaluateClaim(deepVsPca, inputs({ epoch: NaN, current: { testSquaredError: 1 }, baseline: { testSquaredError: 14 } })).state).toBe('pending');
  });

  it('fails a diverged model instead of waiting', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(evaluateClaim(deepVsPca, inputs({ current: { testSquaredError: bad }, baseline: { testSquaredError: 14 } })).state).toBe('fails');
    }
  });
});
