import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { imagesToFloat, pixelMoments } from '../data/dataset';
import { loadMnistNode } from '../data/mnistNode';
import { createVq } from '../models/vq';
import type { TrainConfig } from '../config';
import { DEFAULT_VQ_CONFIG, type VqModelConfig } from '../kinds/vq/kind';

type VqLabConfig = { model: VqModelConfig; train: TrainConfig };
import { meanImageLoss } from './losses';
import { useWasmInNode } from './nodeBackend';
import type { MnistData } from './types';
import { codeUsage, perplexity, vqTerms } from './vqObjective';
import { VqRun } from './vqRun';

let data: MnistData;
let test: Float32Array;
const TEST_COUNT = 1000;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
  test = imagesToFloat(data.testImages.subarray(0, TEST_COUNT * 784), null);
});

const model: VqModelConfig = { ...DEFAULT_VQ_CONFIG.model, encoderLayers: [128], vqPositions: 8, codeSize: 32, codebookSize: 32 };
const config = (train: Partial<VqLabConfig['train']> = {}): VqLabConfig => ({
  model,
  train: { ...DEFAULT_VQ_CONFIG.train, trainSize: 2000, batchSize: 50, learningRate: 0.002, seed: 1, ...train },
});

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

describe('training on real MNIST (2,000 digits, 1,000 test digits)', () => {
  it('dead codes are reset onto encoder outputs and then used', async () => {
    const run = new VqRun(data, config());
    run.steps(20);
    const before = await run.readTrainMetrics();
    const dead = await run.resetDeadCodes();
    // Codes start at ±1/K, far inside the encoder's outputs: many are never picked at first.
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.length).toBe(model.codebookSize - before.codesUsed);
    const codebook = run.model.codebook.dataSync();
    for (const k of dead) {
      const norm = Math.hypot(...codebook.subarray(k * 4, k * 4 + 4));
      // Now an encoder output, no longer one of the tiny initial codes.
      expect(norm).toBeGreaterThan(4 / model.codebookSize);
    }
    run.steps(20);
    const after = await run.readTrainMetrics();
    expect(after.codesUsed).toBeGreaterThan(before.codesUsed);
    run.dispose();
  });

  it('reconstructs far better than the mean image, and resets raise the codebook perplexity', async () => {
    const moments = pixelMoments(test);
    const meanImageNats = meanImageLoss(moments.mean, moments.meanSquare, { loss: 'bce', outputActivation: 'sigmoid' }) * 784;
    const train = async (resetEvery: number) => {
      const run = new VqRun(data, config());
      for (let done = 0; done < 200; done += 50) {
        run.steps(50);
        if (resetEvery > 0) await run.resetDeadCodes();
      }
      const result = await run.evaluate(test, TEST_COUNT);
      run.dispose();
      return result;
    };
    const withResets = await train(50);
    const without = await train(0);
    console.log(`mean image ${meanImageNats.toFixed(1)} nats; VQ-VAE after 200 steps:`, { withResets, without });
    // A code-ignoring decoder is the mean image (~198 nats); 200 steps reach ~152 with resets, ~141 without.
    expect(withResets.reconstruction).toBeLessThan(meanImageNats - 30);
    expect(without.reconstruction).toBeLessThan(meanImageNats - 30);
    expect(withResets.perplexity).toBeGreaterThan(without.perplexity);
    expect(withResets.codesUsed).toBeGreaterThan(model.codebookSize / 2);
  });

  it('leaves no tensors behind: steps, reads, resets, evaluation, decode of indices, dispose', async () => {
    const baseline = tf.memory().numTensors;
    const run = new VqRun(data, config());
    run.steps(1);
    await run.readTrainMetrics();
    const settled = tf.memory().numTensors;
    run.steps(3);
    expect(tf.memory().numTensors).toBe(settled);
    await run.readTrainMetrics();
    await run.resetDeadCodes();
    await run.evaluate(test, 50);
    tf.tidy(() => run.model.decodeIndices(run.model.encodeIndices(tf.tensor2d(test.subarray(0, 5 * 784), [5, 784])))).dispose();
    expect(tf.memory().numTensors).toBe(settled);
    run.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
