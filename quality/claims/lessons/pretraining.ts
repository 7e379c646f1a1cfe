/**
 * Lesson 18. Greedy layer-wise pretraining, then fine-tuning on 100 labels, against the same
 * network from random weights: the test accuracy difference on all 10,000 test digits after the
 * last fine-tuning step (the page's pretrainGain). The stack's encoders start from the random
 * network's own initial weights (fineTune.ts hiddenInitRng), so the control, the same run with
 * its pretraining skipped, is that network exactly: a gain of 0.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../../src/core/config';
import { imagesToFloat } from '../../../src/core/data/dataset';
import { FineTuning, pretrainedClassifier } from '../../../src/core/train/fineTune';
import { LayerwisePretraining } from '../../../src/core/train/layerwise';
import { pretrainConfigFor, type PretrainConfig } from '../../../src/core/train/pretrainConfig';
import { PretrainingExperiment } from '../../../src/core/train/pretrainingExperiment';
import type { MnistData } from '../../../src/core/train/types';
import { findLesson } from '../../../src/lessons';
import { labData } from '../lab';
import { presetConfig } from '../presets';
import type { LessonClaimRun } from '../types';

const LESSON = 'pretraining';
const TEST_DIGITS = 10000;

/** The page's experiment for the lesson's settings, on `seed` (state/labBridge.ts configurePretraining). */
function experimentConfig(seed: number): PretrainConfig {
  const lesson = findLesson(LESSON);
  const settings = { labels: lesson?.preset.pretrain?.labels ?? '100', widths: lesson?.preset.pretrain?.widths ?? 'small' } as const;
  return pretrainConfigFor(settings, presetConfig(LESSON, seed).train);
}

/** The whole experiment as the page runs it (worker/pretrainRun.ts): gain in points. */
async function pretrained(data: MnistData, config: PretrainConfig): Promise<number> {
  const e = new PretrainingExperiment(data, config);
  try {
    while (e.stage.kind !== 'done') {
      const stage = e.stage;
      const done = e.work(50);
      if (stage.kind === 'pretrain') await e.readLayerLoss();
      else await e.readFineTuneLosses();
      if (done.stageEnded) e.nextStage();
    }
    const a = await e.testAccuracy(TEST_DIGITS);
    if (!a) throw new Error('no accuracy');
    return 100 * (a.pretrained - a.random);
  } finally {
    e.dispose();
  }
}

/** The same experiment with every layer's pretraining skipped (its encoders as initialised). */
async function skipped(data: MnistData, config: PretrainConfig): Promise<number> {
  const e = new PretrainingExperiment(data, config);
  const { trainIndices, labelled } = e;
  e.dispose();
  const pixels = tf.tensor2d(imagesToFloat(data.trainImages, trainIndices), [trainIndices.length, IMAGE_SIZE]);
  const stack = new LayerwisePretraining(pixels, config);
  for (let i = 0; i < config.widths.length; i++) stack.finishLayer();
  const start = pretrainedClassifier(stack.encoders, config.seed);
  stack.dispose();
  pixels.dispose();
  const ft = new FineTuning(start, imagesToFloat(data.trainImages, labelled), Uint8Array.from(labelled, (i) => data.trainLabels[i]), config);
  try {
    while (ft.step < config.fineTuneSteps) {
      ft.steps(Math.min(50, config.fineTuneSteps - ft.step));
      await ft.readLosses();
    }
    const a = await ft.accuracy(data.testImages, data.testLabels, TEST_DIGITS);
    return 100 * (a.pretrained - a.random);
  } finally {
    ft.dispose();
  }
}

export const run: LessonClaimRun = {
  lesson: LESSON,
  claim:
    'With 100 labelled digits, the pretrained network ends ahead of the same network from its random initial weights on the 10,000 test digits (we measured 0.4 to 3 points on seeds 1 to 3).',
  check: { metric: 'pretrainGain', compare: 'fixed', relation: 'gt', value: 0, minEpochs: 1 },
  control: { name: 'the same run with the pretraining skipped (the random network’s own initial weights)' },
  async measure(seed, arm) {
    const data = await labData();
    const config = experimentConfig(seed);
    const gain = arm === 'claim' ? await pretrained(data, config) : await skipped(data, config);
    // The page's "epochs" for this claim are the share of the fine-tuning done: 1 at the end.
    return { epoch: 1, current: { pretrainGain: gain }, baseline: {}, initial: {} };
  },
};
