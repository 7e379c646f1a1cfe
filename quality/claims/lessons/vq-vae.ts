/**
 * Lesson 13. Perplexity of the codebook on the live test digits (the 'vq' event's figure,
 * vqViews.ts readVqCodes as worker/labVq.ts calls it); the control is the same VQ-VAE without the dead-code reset.
 */
import { vqReading } from '../lab';
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
      return { epoch: trainer.epoch, current: { vqPerplexity: (await vqReading(trainer)).perplexity }, baseline: {}, initial: {} };
    } finally {
      trainer.dispose();
    }
  },
};
