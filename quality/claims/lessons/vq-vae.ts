/**
 * Lesson 13. Perplexity of the codebook on the live test digits (the VQ engine's measure, as the
 * 'vq' event carries it); the control is the same VQ-VAE without the dead-code reset.
 */
import { engineMeasures } from '../lab';
import { trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'vq-vae';
const EPOCH = 2;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim:
    'After two epochs the codebook’s perplexity on the first 1,000 test digits is above 24: with the dead-code reset the codebook stays in use (without it, about 13; an untrained codebook, about 19).',
  check: { metric: 'vqPerplexity', compare: 'fixed', relation: 'gt', value: 24, minEpochs: EPOCH },
  control: { name: 'the same VQ-VAE without the dead-code reset' },
  async measure(seed, arm) {
    const trainer = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : { model: { vqResetEvery: 0 } });
    try {
      const m = await engineMeasures(trainer);
      return { epoch: trainer.epoch, current: { vqPerplexity: m.perplexity }, pca: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
