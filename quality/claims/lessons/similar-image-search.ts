/**
 * Lesson 7. precision@10 of the search in the autoencoder's 32-number codes (imageSearchMeter.ts,
 * the first 1,000 test digits as queries among the training subset); the control is the same
 * encoder untrained (a random 32-number projection through the same layers).
 */
import { searchPrecision } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'similar-image-search';
const EPOCH = 2;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim: 'After two epochs, more than 85% of the ten nearest training digits found with the 32-number code show the query’s digit: about what the 784 pixels find, from a code 24 times smaller.',
  check: { metric: 'searchPrecision', compare: 'fixed', relation: 'gt', value: 0.85, minEpochs: EPOCH },
  control: { name: 'the same encoder untrained (a random 32-number projection)' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, arm === 'claim' ? EPOCH : 0);
    try {
      // An untrained network is the same at any epoch: it is judged as if at the claim's.
      return { epoch: arm === 'claim' ? trainer.epoch : EPOCH, current: { searchPrecision: await searchPrecision(trainer) }, baseline: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
  notes: ['Reference, seeds 1 / 2 / 3 (searchBaselines.ts on the same subsets): pixels 0.881 / 0.873 / 0.876, PCA-32 0.899 / 0.894 / 0.902.'],
};
