/**
 * Lesson 1. The two-number code against PCA-2 on the live test digits' squared error; the control
 * is the same network untrained (its decoder draws the training digits' average image).
 */
import { liveSquaredError, pcaBaseline } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'what-is-an-autoencoder';
const EPOCH = 1;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim: 'After one epoch, a code of only two numbers already rebuilds the test digits with a smaller squared error than PCA with two components.',
  check: { metric: 'testSquaredError', compare: 'baseline', relation: 'lt', factor: 1, margin: 0, minEpochs: EPOCH },
  control: { name: 'the same network untrained (it draws the average digit)' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, arm === 'claim' ? EPOCH : 0);
    try {
      const pca = await pcaBaseline(trainer);
      // An untrained network is the same at any epoch: it is judged as if at the claim's.
      return { epoch: arm === 'claim' ? trainer.epoch : EPOCH, current: { testSquaredError: await liveSquaredError(trainer) }, baseline: { testSquaredError: pca.testSquaredError }, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
