import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/**
 * Lesson 13 (issue 4): VQ-VAE, discrete codes. Each digit becomes 8 indices into a codebook of
 * 64 vectors (48 bits); the claim: with the dead-code reset the codebook stays in use, its
 * perplexity on the live test digits well above a collapsed codebook's.
 */
export const lesson: Lesson = {
  id: 'vq-vae',
  order: 13,
  title: { en: 'VQ-VAE: discrete codes', 'zh-Hans': 'VQ-VAE：离散编码', 'zh-Hant': 'VQ-VAE：離散編碼' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  // 784-256-64-32 with the 32 numbers read as 8 positions of 4; K = 64; a reset of the unused
  // codes every 25 steps (and of all of them before the first step). 5,000 digits, batch 100:
  // 50 steps an epoch, so the two epochs of the claim take 100 steps and 4 resets.
  preset: {
    model: { kind: 'vq', encoderLayers: [256, 64], codeSize: 32, vqPositions: 8, codebookSize: 64, commitment: 0.25, vqResetEvery: 25 },
    train: { trainSize: 5000, batchSize: 100, learningRate: 0.002 },
  },
  controls: ['architecture', 'run', 'lossChart', 'reconstructions'],
  tryThis: {
    en: [],
    'zh-Hans': [],
    'zh-Hant': [],
  },
  claim: {
    text: {
      en: '',
      'zh-Hans': '',
      'zh-Hant': '',
    },
    check: { metric: 'vqPerplexity', compare: 'fixed', relation: 'gt', value: 16, minEpochs: 2 },
  },
};
