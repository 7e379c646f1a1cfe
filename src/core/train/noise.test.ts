/**
 * The denoising autoencoder: the three corruptions do what they say (statistics, seeding), a
 * model trained on noisy input against the clean digit raises the PSNR well above the noisy
 * input's on real test digits, and nothing leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG, type MlpModelConfig, type TrainConfig } from '../config';
import { imagesToFloat } from '../data/dataset';
import { loadMnistNode } from '../data/mnistNode';
import { corrupt, psnrFromMse } from './noise';
import { useWasmInNode } from './nodeBackend';
import { Trainer } from './trainer';
import type { MnistData } from './types';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

function config(model: Partial<MlpModelConfig> = {}, train: Partial<TrainConfig> = {}): { model: MlpModelConfig; train: TrainConfig } {
  return {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [64], codeSize: 32, ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: 2000, batchSize: 32, ...train },
  };
}

/** Values of corrupt() on a constant grey batch [200, 784] of 0.5. */
function corrupted(noise: MlpModelConfig['noise'], noiseLevel: number, seed: number): Float32Array {
  return tf.tidy(() => corrupt(tf.fill([200, 784], 0.5) as tf.Tensor2D, { noise, noiseLevel }, seed).dataSync() as Float32Array);
}
const share = (v: Float32Array, f: (x: number) => boolean) => v.filter(f).length / v.length;

describe('corrupt', () => {
  it('gaussian: adds N(0, σ²) and clips to [0, 1]', () => {
    const v = corrupted('gaussian', 0.1, 3);
    const d = Array.from(v, (x) => x - 0.5);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
    expect(Math.abs(mean)).toBeLessThan(0.003);
    expect(sd).toBeGreaterThan(0.097);
    expect(sd).toBeLessThan(0.103);
    const wide = corrupted('gaussian', 1, 3);
    expect(wide.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(wide.reduce((a, b) => Math.max(a, b))).toBe(1);
    // About P(|n| > 0.5) = 62% of the pixels hit a bound at σ = 1.
    expect(share(wide, (x) => x === 0 || x === 1)).toBeGreaterThan(0.58);
  });

  it('salt and pepper: half of the fraction to 1, half to 0, the rest untouched', () => {
    const v = corrupted('saltPepper', 0.4, 5);
    expect(share(v, (x) => x === 1)).toBeCloseTo(0.2, 1);
    expect(share(v, (x) => x === 0)).toBeCloseTo(0.2, 1);
    expect(share(v, (x) => x === 0.5)).toBeCloseTo(0.6, 1);
    expect(Math.abs(share(v, (x) => x === 1) - 0.2)).toBeLessThan(0.01);
  });

  it('mask: blanks the fraction of pixels, keeps the others exactly', () => {
    const v = corrupted('mask', 0.25, 9);
    expect(Math.abs(share(v, (x) => x === 0) - 0.25)).toBeLessThan(0.01);
    expect(share(v, (x) => x === 0 || x === 0.5)).toBe(1);
  });

  it('is seeded: the same seed gives the same noise, another seed other noise; none returns the input', () => {
    for (const noise of ['gaussian', 'saltPepper', 'mask'] as const) {
      expect(corrupted(noise, 0.3, 11)).toEqual(corrupted(noise, 0.3, 11));
      expect(corrupted(noise, 0.3, 11)).not.toEqual(corrupted(noise, 0.3, 12));
    }
    tf.tidy(() => {
      const x = tf.fill([2, 784], 0.5) as tf.Tensor2D;
      expect(corrupt(x, { noise: 'none', noiseLevel: 0.9 }, 1)).toBe(x);
    });
  });

  it('the schema: old configs read as no noise; levels outside [0, 1] and unknown types are refused by name', () => {
    const { noise: _n, noiseLevel: _l, ...old } = DEFAULT_CONFIG.model;
    const r = checkConfig({ model: old, train: DEFAULT_CONFIG.train });
    expect(r.ok && r.config.model.kind === 'mlp' && r.config.model.noise).toBe('none');
    const bad = checkConfig(config({ noise: 'gaussian', noiseLevel: 1.5 }));
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['model.noiseLevel']);
    const unknown = checkConfig({ ...config(), model: { ...config().model, noise: 'speckle' } });
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.path)).toEqual(['model.noise']);
  });

  it('psnrFromMse: 20 dB at an MSE of 0.01, 10 dB at 0.1', () => {
    expect(psnrFromMse(0.01)).toBeCloseTo(20, 10);
    expect(psnrFromMse(0.1)).toBeCloseTo(10, 10);
  });
});

describe('denoising autoencoder on real MNIST', () => {
  it('the noisy PSNR of masking is what the digits predict: 10 log10(1 / (p E[x²]))', async () => {
    const p = 0.5;
    const trainer = new Trainer(data, config({ noise: 'mask', noiseLevel: p }));
    const s = await trainer.evaluateDenoising();
    trainer.dispose();
    const clean = imagesToFloat(data.testImages.subarray(0, 1000 * 784), null);
    const meanSquare = clean.reduce((a, x) => a + x * x, 0) / clean.length;
    expect(s.count).toBe(1000);
    // Each pixel is blanked with probability p: the expected MSE is p E[x²] (1,000 x 784 draws).
    expect(Math.abs(s.noisyPsnr - psnrFromMse(p * meanSquare))).toBeLessThan(0.1);
  });

  for (const [noise, noiseLevel] of [['gaussian', 0.5], ['saltPepper', 0.3], ['mask', 0.5]] as const) {
    it(`${noise} ${noiseLevel}: the output's PSNR ends far above the noisy input's and above the untrained model's`, async () => {
      const trainer = new Trainer(data, config({ noise, noiseLevel }));
      const before = await trainer.evaluateDenoising();
      trainer.steps(400);
      const after = await trainer.evaluateDenoising();
      trainer.dispose();
      console.log(`${noise} ${noiseLevel}: noisy ${before.noisyPsnr.toFixed(2)} dB, untrained ${before.outputPsnr.toFixed(2)}, after 400 steps ${after.outputPsnr.toFixed(2)}`);
      expect(after.noisyPsnr).toBe(before.noisyPsnr); // the same fixed test noise
      // The untrained model draws the mean digit (about 11.9 dB), already above heavy noise
      // (9.4 dB for gaussian 0.5): a model must beat both, by 2 dB, to pass.
      expect(after.outputPsnr).toBeGreaterThan(Math.max(after.noisyPsnr, before.outputPsnr) + 2);
    });
  }

  it('training sees the noise: the first step loss is higher than a plain model\'s, the reported loss is against the clean digit', async () => {
    const firstLoss = async (model: Partial<MlpModelConfig>) => {
      const trainer = new Trainer(data, config(model));
      trainer.steps(1);
      const loss = (await trainer.readTrainMetrics()).trainLoss;
      trainer.dispose();
      return loss;
    };
    const plain = await firstLoss({});
    // The untrained model draws about the mean digit whatever it is fed: the loss barely moves.
    const noisy = await firstLoss({ noise: 'gaussian', noiseLevel: 0.5 });
    expect(noisy).not.toBe(plain);
    expect(Math.abs(noisy - plain)).toBeLessThan(0.2 * plain);
  });

  it('denoise gives [2n, 784]: n noisy digits, then n outputs in [0, 1]; refused for a plain model', async () => {
    const trainer = new Trainer(data, config({ noise: 'saltPepper', noiseLevel: 0.2 }));
    const clean = imagesToFloat(data.testImages.subarray(0, 3 * 784), null);
    const rows = await trainer.denoise(clean, 3);
    expect(rows.length).toBe(6 * 784);
    const noisy = rows.subarray(0, 3 * 784);
    const changed = noisy.filter((v, i) => v !== clean[i]).length / noisy.length;
    expect(changed).toBeGreaterThan(0.05); // ~20% of pixels hit, fewer changed (pepper on paper)
    for (const v of rows) expect(v >= 0 && v <= 1).toBe(true);
    trainer.dispose();
    const plain = new Trainer(data, config());
    await expect(plain.evaluateDenoising()).rejects.toThrow(/not a denoising autoencoder/);
    await expect(plain.denoise(clean, 3)).rejects.toThrow(/not a denoising autoencoder/);
    plain.dispose();
  });

  it('leaks no tensors: steps, evaluation, denoise, reset, dispose', async () => {
    for (const noise of ['gaussian', 'saltPepper', 'mask'] as const) {
      const start = tf.memory().numTensors;
      const trainer = new Trainer(data, config({ encoderLayers: [8], codeSize: 2, noise, noiseLevel: 0.3 }, { batchSize: 4 }));
      const constructed = tf.memory().numTensors;
      trainer.steps(10);
      const after10 = tf.memory().numTensors;
      trainer.steps(40);
      expect(tf.memory().numTensors).toBe(after10);
      await trainer.readTrainMetrics();
      await trainer.evaluateDenoising();
      await trainer.denoise(imagesToFloat(data.testImages.subarray(0, 2 * 784), null), 2);
      await trainer.evaluateTest('live');
      expect(tf.memory().numTensors).toBe(after10);
      trainer.reset();
      expect(tf.memory().numTensors).toBe(constructed);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(start);
    }
  });
});
