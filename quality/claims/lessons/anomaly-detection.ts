/**
 * Lesson 8. AUROC of the reconstruction error over all 10,000 test digits, the other nine digits
 * positive (anomalyMeter.ts); the control is the same network untrained, whose decoder draws the
 * average training 0, so its score is the distance from that average: already a good detector
 * on MNIST, which training must beat.
 */
import { anomalyAuroc } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'anomaly-detection';
const EPOCH = 1;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim: 'Trained on 0s only for one epoch, the reconstruction error tells the other nine digits from 0s with an AUROC above 0.98 (before training, the distance from the average 0 gives about 0.97).',
  check: { metric: 'anomalyAuroc', compare: 'fixed', relation: 'gt', value: 0.98, minEpochs: EPOCH },
  control: { name: 'the same network untrained (its score is the distance from the average 0)' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, arm === 'claim' ? EPOCH : 0);
    try {
      return { epoch: arm === 'claim' ? trainer.epoch : EPOCH, current: { anomalyAuroc: await anomalyAuroc(trainer) }, baseline: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
