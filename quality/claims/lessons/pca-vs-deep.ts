/**
 * Lesson 2. The deep autoencoder with a 30-number code against PCA-30; the control is a linear
 * autoencoder with the same code (784-30-784, linear output, squared-error loss): PCA's own
 * shape, which the lesson says no linear autoencoder can beat.
 */
import { liveSquaredError, pcaBaseline } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'pca-vs-deep';
const EPOCH = 4;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim: "After four epochs, the deep autoencoder's squared error per test image is at least 15% below that of PCA with the same 30 numbers.",
  check: { metric: 'testSquaredError', compare: 'baseline', relation: 'lt', factor: 0.85, margin: 0, minEpochs: EPOCH },
  control: { name: 'a linear autoencoder with the same 30-number code (784-30-784, linear output, squared error)' },
  async measure(seed, arm) {
    const linear = { model: { encoderLayers: [], outputActivation: 'linear' as const, loss: 'mse' as const } };
    const trainer = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : linear);
    try {
      const pca = await pcaBaseline(trainer);
      return { epoch: trainer.epoch, current: { testSquaredError: await liveSquaredError(trainer) }, baseline: { testSquaredError: pca.testSquaredError }, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
