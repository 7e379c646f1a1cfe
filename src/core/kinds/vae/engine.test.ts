import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG, defaultFullModel, kindModel, type VaeModelConfig } from '../../config';
import { imagesToFloat, pixelMoments } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { outputBiasForMean } from '../../models/denseStack';
import { decodePriorSamples } from './prior';
import { stepNoise } from './model';
import { vaeWeightLayout } from './kind';
import { engineWeightLayout } from '../engines';
import { useWasmInNode } from '../../train/nodeBackend';
import { createOptimizer, disposeOptimizer } from '../../train/optimizers';
import { Trainer } from '../../train/trainer';
import type { MnistData } from '../../train/types';
import { createVaeEngine, vaeMeasureNames } from './engine';
import { vaeTerms } from './objective';

let data: MnistData;
let pixels: Float32Array;
let bias: Float32Array;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
  pixels = imagesToFloat(data.trainImages.subarray(0, 500 * 784), null);
  bias = outputBiasForMean(pixelMoments(pixels).mean, 'sigmoid');
});

const spec: VaeModelConfig = kindModel('vae', { encoderLayers: [32, 16], codeSize: 3, beta: 1 });
const train = { ...DEFAULT_CONFIG.train, learningRate: 0.003 };

const batch = (from: number, n: number) => tf.tensor2d(pixels.subarray(from * 784, (from + n) * 784), [n, 784]);

describe('VAE engine', () => {
  it('holds the weights in the order of vaeWeightLayout', () => {
    const engine = createVaeEngine(spec, 1, bias);
    expect(engine.variables.map((v) => v.shape)).toEqual(vaeWeightLayout(spec).map((w) => w.shape));
    expect(vaeWeightLayout(spec).slice(4, 8).map((w) => w.name)).toEqual(['mean/kernel', 'mean/bias', 'logVar/kernel', 'logVar/bias']);
    engine.dispose();
  });

  it('a step returns the batch reconstruction per pixel (nats / 784) at the seeded ε, and leaks nothing', () => {
    const engine = createVaeEngine(spec, 1, bias);
    const optimizer = createOptimizer(train);
    const x = batch(0, 64);
    const labels = tf.zeros([64], 'int32') as tf.Tensor1D;
    // The step's forward pass runs on the weights before the update, with stepNoise(seed, step).
    const expected = tf.tidy(() => vaeTerms(engine.vae, x, stepNoise(7, 0, 64, 3), 1).reconstruction.dataSync()[0]) / 784;
    const first = tf.tidy(() => engine.trainStep(x, { model: spec, step: 0, seed: 7, optimizer, labels }));
    expect(first.dataSync()[0]).toBeCloseTo(expected, 5);
    first.dispose();
    // The optimizer's slots exist after the first step; from then on a step keeps the count.
    const before = tf.memory().numTensors;
    for (let step = 1; step < 4; step++) tf.tidy(() => engine.trainStep(x, { model: spec, step, seed: 7, optimizer, labels })).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    labels.dispose();
    disposeOptimizer(optimizer);
    engine.dispose();
  });

  it('learns: the reconstruction term falls over 150 steps', () => {
    const engine = createVaeEngine(spec, 2, bias);
    const optimizer = createOptimizer(train);
    const labels = tf.zeros([50], 'int32') as tf.Tensor1D;
    const losses: number[] = [];
    for (let step = 0; step < 150; step++) {
      const x = batch((step % 10) * 50, 50);
      const loss = tf.tidy(() => engine.trainStep(x, { model: spec, step, seed: 2, optimizer, labels }));
      losses.push(loss.dataSync()[0]);
      loss.dispose();
      x.dispose();
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(losses.slice(-10))).toBeLessThan(0.92 * mean(losses.slice(0, 10)));
    labels.dispose();
    disposeOptimizer(optimizer);
    engine.dispose();
  });

  it('measures ELBO = -(reconstruction + KL), the KL per dimension, used dimensions and holes; no leak', () => {
    const engine = createVaeEngine(spec, 3, bias);
    expect(engine.measureNames).toEqual(vaeMeasureNames(3));
    expect(engine.measureNames).toEqual(['elbo', 'reconstruction', 'kl', 'emptyCells', 'activeDimensions', 'kl0', 'kl1', 'kl2']);
    const x = batch(0, 200);
    const labels = tf.zeros([200], 'int32') as tf.Tensor1D;
    const before = tf.memory().numTensors;
    const values = tf.tidy(() => engine.measure(x, labels));
    const v = Array.from(values.dataSync());
    values.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const [elbo, rec, kl, empty, active, ...perDim] = v;
    expect(v.length).toBe(engine.measureNames.length);
    expect(elbo).toBeCloseTo(-(rec + kl), 3);
    expect(perDim.reduce((s, d) => s + d, 0)).toBeCloseTo(kl, 4);
    expect(active).toBe(perDim.filter((d) => d > 0.1).length);
    // Untrained: codes near 0 fill few of the 100 prior cells; the reconstruction is the mean image's BCE.
    expect(empty).toBeGreaterThan(0.5);
    expect(empty).toBeLessThanOrEqual(1);
    expect(rec).toBeGreaterThan(100);
    // The same ε every call: the same figures.
    const again = tf.tidy(() => engine.measure(x, labels));
    expect(Array.from(again.dataSync())).toEqual(v);
    again.dispose();
    x.dispose();
    labels.dispose();
    engine.dispose();
  });

  it('a 1-number code has no grid and no holes figure', () => {
    expect(vaeMeasureNames(1)).toEqual(['elbo', 'reconstruction', 'kl', 'activeDimensions', 'kl0']);
  });

  it('encode, decode, reconstruct and prior samples leak nothing; dispose frees every tensor', () => {
    const start = tf.memory().numTensors;
    const engine = createVaeEngine(spec, 4, bias);
    const x = batch(0, 10);
    const before = tf.memory().numTensors;
    const shapes = tf.tidy(() => [engine.encode(x).shape, engine.decode(engine.encode(x)).shape, engine.reconstructLogits(x).shape]);
    expect(shapes).toEqual([[10, 3], [10, 784], [10, 784]]);
    const samples = decodePriorSamples(engine.decode, 16, 3, 9);
    expect(samples.codes.length).toBe(48);
    expect(samples.images.shape).toEqual([16, 784]);
    samples.images.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    engine.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reads a VAE config written with every kind\'s fields as its own fields only', () => {
    const old = { ...defaultFullModel(), kind: 'vae', encoderLayers: [32, 16], codeSize: 3, beta: 4 };
    const r = checkConfig({ model: old, train: DEFAULT_CONFIG.train });
    expect(r.ok && r.config.model).toEqual({ kind: 'vae', encoderLayers: [32, 16], codeSize: 3, hiddenActivation: 'relu', outputActivation: 'sigmoid', loss: 'bce', beta: 4 });
  });
});

describe('the VAE kind through the Trainer', () => {
  const vaeConfig = (m: Partial<VaeModelConfig> = {}) => ({
    model: { ...spec, ...m },
    train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 32, learningRate: 0.002 },
  });

  it('learns: the live test ELBO rises', async () => {
    const trainer = new Trainer(data, vaeConfig());
    expect(trainer.measureNames).toEqual(vaeMeasureNames(3));
    const before = (await trainer.measureEngine())!;
    trainer.steps(120);
    const after = (await trainer.measureEngine())!;
    expect(after.elbo).toBeGreaterThan(before.elbo + 10);
    trainer.dispose();
  }, 120_000);

  it('leaks no tensor in steps, encode, decode, reconstruct, measures, snapshots and reset', async () => {
    const trainer = new Trainer(data, vaeConfig({ beta: 4 }));
    trainer.steps(1); // the optimizer makes its slots on the first step
    await trainer.readTrainMetrics();
    const before = tf.memory().numTensors;
    trainer.steps(2);
    expect(Number.isFinite((await trainer.readTrainMetrics()).trainLoss)).toBe(true);
    const images = imagesToFloat(data.testImages.subarray(0, 3 * 784), null);
    const codes = await trainer.encode(images, 3);
    expect((await trainer.decode(codes, 3)).length).toBe(3 * 784);
    expect((await trainer.reconstruct(images, 3)).length).toBe(3 * 784);
    await trainer.evaluateTest('live');
    await trainer.measureEngine();
    const snapshot = await trainer.exportState();
    expect(snapshot.weights.map((w) => w.name)).toEqual(engineWeightLayout(trainer.config.model).map((l) => l.name));
    await trainer.importState(snapshot);
    trainer.reset();
    trainer.steps(1);
    await trainer.readTrainMetrics();
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  }, 120_000);

  it('refuses an MSE loss or a linear output, with the field named', () => {
    const r = checkConfig({ ...vaeConfig(), model: { ...spec, loss: 'mse', outputActivation: 'linear' } });
    expect(r.ok ? [] : r.problems.find((p) => p.path === 'model.loss')?.message).toMatch(/Bernoulli/);
  });
});
