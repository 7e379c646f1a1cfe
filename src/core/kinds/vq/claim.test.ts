/**
 * The VQ-VAE lesson's claim (lesson vq-vae): after its budget, the codebook's perplexity on the
 * 1,000 live test digits is above 16 (K/4 for K = 64). Models that are broken in the ways the
 * lesson is about must not pass the same threshold: no dead-code reset (the reference
 * initialisation, codes near zero, a few of them win), and no straight-through gradient (the
 * encoder learns only from the commitment loss).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLesson } from '../../../lessons';
import { lessonConfig } from '../../../lessons/preset';
import type { LabConfig } from '../../config';
import { imagesToFloat, pixelMoments } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { trainingSubset } from '../../data/normalSubset';
import { outputBiasForMean } from '../../models/denseStack';
import { BatchOrder } from '../../train/batchOrder';
import { useWasmInNode } from '../../train/nodeBackend';
import { createOptimizer } from '../../train/optimizers';
import { Trainer } from '../../train/trainer';
import type { MnistData } from '../../train/types';
import { createVqEngine, usageFigures } from './engine';

let data: MnistData;
const lesson = findLesson('vq-vae')!;
const lessonPreset = lessonConfig(lesson);
if (lessonPreset.model.kind !== 'vq') throw new Error('the vq-vae lesson trains a VQ-VAE');
const preset = { model: lessonPreset.model, train: lessonPreset.train };
const { check } = lesson.claim;
const stepsPerEpoch = Math.ceil(preset.train.trainSize / preset.train.batchSize);

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

/** Trains `config` in the lab's Trainer for the claim's epochs; perplexity and test BCE per pixel, live test digits. */
async function trainerFigures(config: LabConfig): Promise<{ perplexity: number; testLoss: number }> {
  const trainer = new Trainer(data, config);
  trainer.steps(stepsPerEpoch * check.minEpochs);
  await trainer.readTrainMetrics();
  const measured = await trainer.measureEngine();
  const { testLoss } = await trainer.evaluateTest('live');
  trainer.dispose();
  return { perplexity: measured!.perplexity, testLoss };
}

describe('the VQ-VAE lesson claim', () => {
  it('holds for the preset, fails without the dead-code reset and without the straight-through gradient', async () => {
    expect(check).toMatchObject({ metric: 'vqPerplexity', compare: 'fixed', relation: 'gt' });
    const target = (check as { value: number }).value;
    const withReset = await trainerFigures(preset);
    const noReset = await trainerFigures({ ...preset, model: { ...preset.model, vqResetEvery: 0 } });

    // No straight-through gradient: the same engine, batches and budget, decoder fed sg(z_q).
    const { model, train } = preset;
    const indices = trainingSubset(data.trainLabels.subarray(0, data.trainCount), train.trainSize, train.seed, train.normalDigits);
    const pixels = imagesToFloat(data.trainImages, indices);
    const engine = createVqEngine(model, train.seed, outputBiasForMean(pixelMoments(pixels).mean, 'sigmoid'), { straightThrough: false });
    const optimizer = createOptimizer(train);
    const x = tf.tensor2d(pixels, [indices.length, 784]);
    const labels = tf.zeros([train.batchSize], 'int32') as tf.Tensor1D;
    const order = new BatchOrder(indices.length, train.batchSize, train.seed);
    for (let step = 0; step < stepsPerEpoch * check.minEpochs; step++) {
      tf.tidy(() => engine.trainStep(tf.gather(x, tf.tensor1d(order.next(), 'int32')), { model, step, seed: train.seed, optimizer, labels })).dispose();
    }
    const test = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, 1000 * 784), null), [1000, 784]);
    const noStraightThrough = tf.tidy(() => usageFigures(engine.usage(test)).dataSync()[0]);
    tf.dispose([x, labels, test]);
    optimizer.dispose();
    engine.dispose();

    console.log('VQ-VAE lesson budget:', { withReset, noReset, noStraightThrough });
    expect(withReset.perplexity).toBeGreaterThan(target);
    expect(noReset.perplexity).toBeLessThan(target);
    expect(noStraightThrough).toBeLessThan(target);
  }, 240_000);
});
