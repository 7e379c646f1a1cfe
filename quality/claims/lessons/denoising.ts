/**
 * Lesson 5. PSNR gain of the output over the noisy input (Trainer.evaluateDenoising, the fixed
 * test noise); the control is the same network trained on clean digits (no noise), given the
 * same noisy test digits: its weights are loaded into a model with the lesson's noise, whose
 * denoising measure then reads them.
 */
import { newTrainer } from '../lab';
import { presetConfig, trainedPreset } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'denoising';
const EPOCH = 1;

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim: "After one epoch, the PSNR of the model's output is at least 4 dB above that of the noisy input it was given.",
  check: { metric: 'psnrGain', compare: 'fixed', relation: 'gt', value: 4, minEpochs: EPOCH },
  control: { name: 'the same network trained on clean digits (no noise), given the same noisy digits' },
  async measure(seed, arm) {
    const trained = await trainedPreset(LESSON, seed, EPOCH, arm === 'claim' ? {} : { model: { noise: 'none' } });
    let judge = trained;
    try {
      if (arm === 'control') {
        judge = await newTrainer(presetConfig(LESSON, seed));
        await judge.importState(await trained.exportState());
      }
      const s = await judge.evaluateDenoising();
      return { epoch: trained.epoch, current: { psnrGain: s.outputPsnr - s.noisyPsnr }, baseline: {}, initial: {} };
    } finally {
      if (judge !== trained) judge.dispose();
      trained.dispose();
    }
  },
};
