/**
 * Lesson 10. Share of active code units on the live test digits (Trainer.evaluateActivity),
 * guarded by the squared error (a collapsed or untrained code is sparse too and draws the
 * average digit); the control is the same network without the sparsity penalty.
 */
import { liveSquaredError } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'sparse';
const EPOCH = 1;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim: 'After one epoch, fewer than 40% of the code’s units are active on a test digit (without the penalty: about 70%), while the test squared error stays below 20 per digit.',
  check: { metric: 'activeFraction', compare: 'fixed', relation: 'lt', value: 0.4, minEpochs: EPOCH, guard: { metric: 'testSquaredError', relation: 'lt', value: 20 } },
  control: { name: 'the same network without the sparsity penalty' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : { model: { sparsity: 'none' } });
    try {
      const s = await trainer.evaluateActivity();
      return { epoch: trainer.epoch, current: { activeFraction: s.activeFraction, testSquaredError: await liveSquaredError(trainer) }, baseline: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
