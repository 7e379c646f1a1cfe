/**
 * Lesson 4. The 95% code radius with the L2 penalty on the code, guarded by the live test
 * squared error (an untrained or collapsed code sits near zero too, but draws the average
 * digit); the control is the same network without the penalty.
 */
import { liveSquaredError, mapMeasurements } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'generating-from-the-code';
const EPOCH = 1;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim:
    'With the L2 penalty on the code, after one epoch 95% of the test digits have codes within a distance of 3 from zero, so a small grid around zero covers them, while the code still rebuilds the digits better than PCA-2 does (squared error below 42).',
  check: { metric: 'codeRadius95', compare: 'fixed', relation: 'lt', value: 3, minEpochs: EPOCH, guard: { metric: 'testSquaredError', relation: 'lt', value: 42 } },
  control: { name: 'the same network without the penalty (code L2 0)' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : { model: { codeL2: 0 } });
    try {
      const m = await mapMeasurements(trainer);
      return { epoch: m.epoch, current: { codeRadius95: m.codeRadius95, testSquaredError: await liveSquaredError(trainer) }, baseline: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
