import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config';
import { imagesToFloat } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { useWasmInNode } from '../../train/nodeBackend';
import type { MnistData } from '../../train/types';
import { Trainer } from '../../train/trainer';
import type { VaeEngine } from './engine';
import { evaluateVae, vaeTerms } from './objective';
import { createMlpAutoencoder } from '../mlp/model';
import { decodePriorSamples, priorQuantileGrid } from './prior';
import { createVae, reparameterise, stepNoise } from './model';
import { checkConfig } from '../../config';
import { DEFAULT_VAE_CONFIG, type VaeModelConfig } from './kind';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

const small: VaeModelConfig = { ...DEFAULT_VAE_CONFIG.model, encoderLayers: [32, 16], codeSize: 3, hiddenActivation: 'relu', beta: 1 };

function testImages(n: number): tf.Tensor2D {
  return tf.tensor2d(imagesToFloat(data.testImages.subarray(0, n * 784), null), [n, 784]);
}

describe('VAE shapes', () => {
  it('encoder gives mean and log-variance [batch, codeSize]; decoder [batch, 784] in (0, 1)', () => {
    const vae = createVae(small, 1);
    tf.tidy(() => {
      const x = testImages(5);
      const { mean, logVar } = vae.encodeDistribution(x);
      expect(mean.shape).toEqual([5, 3]);
      expect(logVar.shape).toEqual([5, 3]);
      // encode is the mean: the deterministic code the map and sliders use.
      expect(Array.from(vae.encode(x).dataSync())).toEqual(Array.from(mean.dataSync()));
      const images = vae.decode(mean).dataSync();
      expect(images.length).toBe(5 * 784);
      expect(Math.min(...images)).toBeGreaterThan(0);
      expect(Math.max(...images)).toBeLessThan(1);
      const logits = vae.decodeLogits(mean).dataSync();
      expect(1 / (1 + Math.exp(-logits[100]))).toBeCloseTo(images[100], 5);
    });
    // 784-32-16 hidden, two 16-3 heads, decoder 3-16-32-784: kernel + bias each.
    expect(vae.variables.length).toBe(2 * (2 + 2 + 3));
    expect(vae.logVarLayer.kernel.shape).toEqual([16, 3]);
    vae.dispose();
  });

  it('has the MLP autoencoder decoder shape for the same layers, and works with no hidden layer', () => {
    const vae = createVae({ ...small, encoderLayers: [256, 64], codeSize: 2 }, 1);
    const mlp = createMlpAutoencoder({ ...DEFAULT_CONFIG.model, encoderLayers: [256, 64], codeSize: 2 }, 1);
    expect(vae.decoderLayers.map((l) => [l.kernel.shape, l.activation])).toEqual(
      mlp.decoderLayers.map((l) => [l.kernel.shape, l.activation]),
    );
    vae.dispose();
    mlp.dispose();
    const flat = createVae({ ...small, encoderLayers: [] }, 2);
    tf.tidy(() => {
      expect(flat.encodeDistribution(testImages(2)).mean.shape).toEqual([2, 3]);
    });
    expect(flat.meanLayer.kernel.shape).toEqual([784, 3]);
    flat.dispose();
  });

  it('builds the same network for the same seed', () => {
    const [a, b, c] = [createVae(small, 5), createVae(small, 5), createVae(small, 6)];
    const first = (m: typeof a) => Array.from(m.variables[0].dataSync().slice(0, 20));
    expect(first(a)).toEqual(first(b));
    expect(first(a)).not.toEqual(first(c));
    [a, b, c].forEach((m) => m.dispose());
  });
});

describe('VAE config', () => {
  it('validates with defaults and names a bad field', () => {
    const ok = checkConfig(DEFAULT_VAE_CONFIG);
    expect(ok.ok).toBe(true);
    const { beta: _beta, ...withoutBeta } = DEFAULT_VAE_CONFIG.model;
    const defaulted = checkConfig({ ...DEFAULT_VAE_CONFIG, model: withoutBeta });
    expect(defaulted.ok && defaulted.config.model.kind === 'vae' && defaulted.config.model.beta).toBe(1);
    const bad = checkConfig({ ...DEFAULT_VAE_CONFIG, model: { ...DEFAULT_VAE_CONFIG.model, beta: -1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toEqual(['model.beta']);
    // Each pixel is a Bernoulli variable: a VAE needs a sigmoid output and BCE.
    const mse = checkConfig({ ...DEFAULT_VAE_CONFIG, model: { ...DEFAULT_VAE_CONFIG.model, loss: 'mse' } });
    expect(!mse.ok && mse.problems.map((p) => [p.path, p.code])).toEqual([['model.loss', 'kind.needsBernoulli']]);
  });
});

describe('reparameterisation', () => {
  it('gradients reach mean and log-variance exactly: dz/dmean = 1, dz/dlogVar = exp(logVar/2) ε / 2', () => {
    const mean = tf.tensor2d([[0.3, -1.1], [2.0, 0.0]]);
    const logVar = tf.tensor2d([[-0.4, 0.9], [0.0, -2.0]]);
    const epsilon = tf.tensor2d([[1.5, -0.7], [0.2, 2.2]]);
    const weights = tf.tensor2d([[1, -2], [0.5, 3]]);
    const [dMean, dLogVar] = tf.grads((m: tf.Tensor, lv: tf.Tensor) =>
      tf.sum(tf.mul(weights, reparameterise(m as tf.Tensor2D, lv as tf.Tensor2D, epsilon))),
    )([mean, logVar]);
    expect(Array.from(dMean.dataSync())).toEqual(Array.from(weights.dataSync()));
    const lv = logVar.dataSync();
    const e = epsilon.dataSync();
    const w = weights.dataSync();
    dLogVar.dataSync().forEach((g, i) => expect(g).toBeCloseTo(w[i] * 0.5 * Math.exp(lv[i] / 2) * e[i], 6));
    tf.dispose([mean, logVar, epsilon, weights, dMean, dLogVar]);
  });

  it('the reconstruction term trains both heads only through ε (zero noise: no log-variance gradient)', () => {
    const vae = createVae(small, 3);
    const x = testImages(8);
    const gradientSize = (epsilonScale: number) =>
      tf.tidy(() => {
        const epsilon = tf.mul(stepNoise(1, 0, 8, 3), epsilonScale) as tf.Tensor2D;
        // β = 0: the reconstruction alone, so the KL cannot feed the heads.
        const { grads } = tf.variableGrads(() => vaeTerms(vae, x, epsilon, 0).objective, [
          vae.meanLayer.kernel,
          vae.logVarLayer.kernel,
        ]);
        return [vae.meanLayer.kernel, vae.logVarLayer.kernel].map((v) => tf.max(tf.abs(grads[v.name])).dataSync()[0]);
      });
    const [meanNoisy, logVarNoisy] = gradientSize(1);
    const [meanQuiet, logVarQuiet] = gradientSize(0);
    expect(meanNoisy).toBeGreaterThan(1e-3);
    expect(logVarNoisy).toBeGreaterThan(1e-3);
    expect(meanQuiet).toBeGreaterThan(1e-3);
    expect(logVarQuiet).toBe(0);
    x.dispose();
    vae.dispose();
  });

  it('noise is seeded per step: same (seed, step) same ε, a new step or seed a new ε', () => {
    const draw = (seed: number, step: number) => tf.tidy(() => Array.from(stepNoise(seed, step, 64, 2).dataSync()));
    const a = draw(1, 10);
    expect(draw(1, 10)).toEqual(a);
    expect(draw(1, 11)).not.toEqual(a);
    expect(draw(2, 10)).not.toEqual(a);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const variance = a.reduce((s, v) => s + v * v, 0) / a.length;
    // 128 draws: standard errors 0.09 (mean) and 0.13 (variance).
    expect(Math.abs(mean)).toBeLessThan(0.35);
    expect(Math.abs(variance - 1)).toBeLessThan(0.5);
  });

  it('two runs with the same seed train identically', async () => {
    const config = { model: small, train: { ...DEFAULT_VAE_CONFIG.train, trainSize: 1000, batchSize: 32 } };
    const [a, b] = [new Trainer(data, config), new Trainer(data, config)];
    a.steps(5);
    b.steps(5);
    expect(await a.readTrainMetrics()).toEqual(await b.readTrainMetrics());
    const [ma, mb] = [await a.measureEngine(), await b.measureEngine()];
    expect(ma).toEqual(mb);
    expect(ma!.kl).toBeGreaterThan(0);
    a.dispose();
    b.dispose();
  });
});

describe('VAE tensor leaks', () => {
  it('steps, reads, evaluation, encode/decode, grid and prior samples, dispose: exact counts', async () => {
    const baseline = tf.memory().numTensors;
    const run = new Trainer(data, { model: small, train: { ...DEFAULT_VAE_CONFIG.train, trainSize: 1000, batchSize: 32 } });
    run.steps(1);
    await run.readTrainMetrics();
    // After the first step Adam's slots exist; from here on every call must leave the count as it was.
    const settled = tf.memory().numTensors;
    run.steps(3);
    expect(tf.memory().numTensors).toBe(settled);
    await run.readTrainMetrics();
    expect(tf.memory().numTensors).toBe(settled);
    const images = imagesToFloat(data.testImages.subarray(0, 50 * 784), null);
    await run.withEngine((e) => evaluateVae((e as VaeEngine).vae, images, 50, { samples: 2 }));
    await run.measureEngine();
    expect(tf.memory().numTensors).toBe(settled);
    await run.decode(await run.encode(images, 50), 50);
    await run.decode(priorQuantileGrid(4, 3), 16);
    expect(tf.memory().numTensors).toBe(settled);
    await run.withEngine((e) => decodePriorSamples(e.decode, 7, 3, 1).images.dispose());
    expect(tf.memory().numTensors).toBe(settled);
    run.dispose();
    run.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    expect(() => run.steps(1)).toThrow(/disposed/);
  });
});
