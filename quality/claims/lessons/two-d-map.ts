/**
 * Lesson 3. 5-NN accuracy on the 2-D map of the scatter's 5,000 test digits against the PCA-2
 * map's; the control is the same two-number code without hidden layers (784-2-784), whose map
 * mixes the digits as PCA-2's does.
 */
import { mapMeasurements, pcaBaseline } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'two-d-map';
const EPOCH = 3;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim: "After three epochs, a 5-nearest-neighbour vote on the autoencoder's map guesses the digit right at least 10 percentage points more often than on the PCA-2 map.",
  check: { metric: 'knnAccuracy', compare: 'baseline', relation: 'gt', factor: 1, margin: 0.1, minEpochs: EPOCH },
  control: { name: 'the same two-number code without hidden layers (784-2-784)' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : { model: { encoderLayers: [] } });
    try {
      const map = (await pcaBaseline(trainer)).map;
      if (!map) throw new Error('no PCA-2 map');
      const m = await mapMeasurements(trainer);
      return { epoch: m.epoch, current: { knnAccuracy: m.knnAccuracy }, baseline: { knnAccuracy: map.knnAccuracy }, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
