/**
 * Lesson 6. Relative sensitivity of the code (Trainer.evaluateSensitivity), judged at the epoch
 * named (it rises with training for both models); the control is the same network without the
 * contractive penalty at the same epoch.
 */
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'contractive';
const EPOCH = 3;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim: 'After three epochs, the relative sensitivity of the code is below 0.022 (the same network without the penalty, after the same three epochs: about 0.025).',
  check: { metric: 'relativeSensitivity', compare: 'fixed', relation: 'lt', value: 0.022, minEpochs: EPOCH },
  control: { name: 'the same network without the contractive penalty, at the same epoch' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : { model: { contractive: 0 } });
    try {
      const s = await trainer.evaluateSensitivity();
      return { epoch: trainer.epoch, current: { relativeSensitivity: s.relativeSensitivity }, baseline: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
