/**
 * Lesson 14. Energy distance between the codes of the first 1,000 test digits and the engine's
 * fixed sample of the Gaussian prior (adversarialMeasures); the control is a plain autoencoder
 * of the same shape, seed and budget (the adversarial model starts as exactly that network),
 * measured against the same prior sample.
 */
import { engineMeasures, priorDistanceOf } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'adversarial';
const EPOCH = 1;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim:
    'After one epoch, the codes of the first 1,000 test digits lie within an energy distance of 0.2 of the Gaussian prior (a plain autoencoder of the same shape and budget: 2 to 4).',
  check: { metric: 'priorDistance', compare: 'fixed', relation: 'lt', value: 0.2, minEpochs: EPOCH },
  control: { name: 'a plain autoencoder of the same shape, seed and budget (no discriminator)' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : { model: { kind: 'mlp' } });
    try {
      const priorDistance = arm === 'claim' ? (await engineMeasures(trainer)).priorDistance : await priorDistanceOf(trainer, 'gaussian');
      return { epoch: trainer.epoch, current: { priorDistance }, baseline: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
