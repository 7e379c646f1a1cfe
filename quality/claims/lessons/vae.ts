/**
 * Lesson 12. Holes in the latent grid: the share of the 10 x 10 grid's cells at the prior's
 * quantiles that no live test code falls in (the VAE engine's own 'emptyCells' measure). With
 * the KL term the codes fill the prior, so decoding the grid (or prior samples) lands where
 * digits are; the control is the same network without the KL term (β = 0), whose codes spread
 * wherever they like and leave cells of the grid empty.
 */
import { engineMeasures } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'vae';
const EPOCH = 1;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim:
    'After one epoch, fewer than 10% of the cells of the 10 × 10 grid at the prior’s quantiles are empty (no test digit’s code falls in them): the codes fill the prior, so samples from it decode to where digits are.',
  check: { metric: 'emptyCells', compare: 'fixed', relation: 'lt', value: 0.1, minEpochs: EPOCH },
  control: { name: 'the same network without the KL term (β = 0)' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : { model: { beta: 0 } });
    try {
      const m = await engineMeasures(trainer);
      return { epoch: trainer.epoch, current: { emptyCells: m.emptyCells, testElbo: m.elbo }, baseline: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
