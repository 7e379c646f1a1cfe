import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { imagesToFloat, pixelMoments } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { createVq } from './model';
import type { TrainConfig } from '../../config';
import { meanImageLoss } from '../../train/losses';
import { useWasmInNode } from '../../train/nodeBackend';
import { Trainer } from '../../train/trainer';
import type { MnistData } from '../../train/types';
import type { VqEngine } from './engine';
import { DEFAULT_VQ_CONFIG, type VqModelConfig } from './kind';
import { codeUsage, perplexity, vqTerms } from './objective';

type VqLabConfig = { model: VqModelConfig; train: TrainConfig };

let data: MnistData;
let test: Float32Array;
const TEST_COUNT = 1000;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
  test = imagesToFloat(data.testImages.subarray(0, TEST_COUNT * 784), null);
});

const model: VqModelConfig = { ...DEFAULT_VQ_CONFIG.model, encoderLayers: [128], vqPositions: 8, codeSize: 32, codebookSize: 32 };

describe('codebook usage and perplexity', () => {
  it('perplexity is K for uniform use, 1 for a single code, exp(entropy) between', () => {
    expect(perplexity([5, 5, 5, 5])).toBeCloseTo(4, 12);
    expect(perplexity([0, 9, 0, 0])).toBe(1);
    // p = (1/2, 1/4, 1/4): entropy 1.5 log 2, perplexity 2^1.5.
    expect(perplexity([2, 1, 1, 0])).toBeCloseTo(2 ** 1.5, 12);
    expect(perplexity([0, 0])).toBeNaN();
    tf.tidy(() => {
      expect(Array.from(codeUsage(tf.tensor2d([[0, 2], [2, 2]], [2, 2], 'int32'), 4).dataSync())).toEqual([1, 0, 3, 0]);
    });
  });
});

describe('which loss trains which part', () => {
  it('reconstruction -> encoder (straight through) and decoder, not the codebook; codebook loss -> codebook only; commitment -> encoder only', () => {
    const vq = createVq(model, 2);
    const x = tf.tensor2d(test.subarray(0, 20 * 784), [20, 784]);
    const encoderKernel = vq.encoderLayers[vq.encoderLayers.length - 1].kernel;
    const decoderKernel = vq.decoderLayers[0].kernel;
    const size = (term: 'reconstruction' | 'codebook' | 'commitment') =>
      tf.tidy(() => {
        const vars = [encoderKernel, vq.codebook, decoderKernel];
        const { grads } = tf.variableGrads(() => vqTerms(vq, x)[term], vars);
        return vars.map((v) => tf.max(tf.abs(grads[v.name] ?? tf.zeros([1]))).dataSync()[0]);
      });
    const [recEncoder, recCodebook, recDecoder] = size('reconstruction');
    expect(recEncoder).toBeGreaterThan(1e-4);
    expect(recDecoder).toBeGreaterThan(1e-4);
    expect(recCodebook).toBe(0);
    const [cbEncoder, cbCodebook, cbDecoder] = size('codebook');
    expect([cbEncoder, cbDecoder]).toEqual([0, 0]);
    expect(cbCodebook).toBeGreaterThan(1e-4);
    const [cmEncoder, cmCodebook] = size('commitment');
    expect(cmEncoder).toBeGreaterThan(1e-4);
    expect(cmCodebook).toBe(0);
    x.dispose();
    vq.dispose();
  });
});

describe('training on real MNIST in the Trainer (2,000 digits, the 1,000 live test digits)', () => {
  const config = (vqResetEvery: number): VqLabConfig => ({
    model: { ...model, vqResetEvery },
    train: { ...DEFAULT_VQ_CONFIG.train, trainSize: 2000, batchSize: 50, learningRate: 0.002, seed: 1 },
  });
  /** [K, codeDim] the codebook now, read through the engine. */
  const codebook = (trainer: Trainer) => trainer.readEngine((e) => tf.clone((e as VqEngine).model.codebook));

  it('dead codes are reset onto encoder outputs: no code is left at the tiny initial values', async () => {
    const norms = async (resetEvery: number) => {
      const trainer = new Trainer(data, config(resetEvery));
      trainer.steps(40);
      const values = await codebook(trainer);
      trainer.dispose();
      return Array.from({ length: model.codebookSize }, (_, k) => Math.hypot(...values.subarray(k * 4, k * 4 + 4)));
    };
    // Codes start within 1/K of zero, far inside the encoder's outputs.
    const tiny = 2 / model.codebookSize;
    const without = await norms(0);
    const withResets = await norms(20);
    // Without resets some codes are never picked and stay where they started; with resets every
    // code has moved onto an encoder output.
    expect(without.filter((n) => n < tiny).length).toBeGreaterThan(0);
    expect(withResets.filter((n) => n < tiny)).toEqual([]);
  });

  it('reconstructs far better than the mean image, and resets raise the codebook perplexity', async () => {
    const moments = pixelMoments(test);
    const meanImageNats = meanImageLoss(moments.mean, moments.meanSquare, { loss: 'bce', outputActivation: 'sigmoid' }) * 784;
    const train = async (resetEvery: number) => {
      const trainer = new Trainer(data, config(resetEvery));
      trainer.steps(200);
      const { testLoss } = await trainer.evaluateTest('live');
      const measured = (await trainer.measureEngine())!;
      trainer.dispose();
      return { reconstruction: testLoss * 784, perplexity: measured.perplexity, codesUsed: measured.codesUsed };
    };
    const withResets = await train(50);
    const without = await train(0);
    console.log(`mean image ${meanImageNats.toFixed(1)} nats; VQ-VAE after 200 steps:`, { withResets, without });
    // A code-ignoring decoder is the mean image (~198 nats).
    expect(withResets.reconstruction).toBeLessThan(meanImageNats - 30);
    expect(without.reconstruction).toBeLessThan(meanImageNats - 30);
    expect(withResets.perplexity).toBeGreaterThan(without.perplexity);
    expect(withResets.codesUsed).toBeGreaterThan(model.codebookSize / 2);
  });

  it('leaves no tensors behind: steps with resets, reads, measures, decode of indices, dispose', async () => {
    const baseline = tf.memory().numTensors;
    const trainer = new Trainer(data, config(2));
    trainer.steps(1);
    await trainer.readTrainMetrics();
    const settled = tf.memory().numTensors;
    trainer.steps(3);
    expect(tf.memory().numTensors).toBe(settled);
    await trainer.readTrainMetrics();
    await trainer.measureEngine();
    await trainer.evaluateTest('live');
    await codebook(trainer);
    await trainer.readEngine((e) => (e as VqEngine).decodeIndices((e as VqEngine).encodeIndices(tf.tensor2d(test.subarray(0, 5 * 784), [5, 784]))));
    expect(tf.memory().numTensors).toBe(settled);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
