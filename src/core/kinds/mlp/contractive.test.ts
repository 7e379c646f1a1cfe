/**
 * The contractive autoencoder: the closed-form ||dz/dx||²_F equals the autodiff Jacobian's for
 * every activation, the probe's sensitivity tracks it, the penalty makes the code of real test
 * digits move less under small input changes than a plain model's (same seed and budget), the
 * schema refuses what the closed form cannot cover, and nothing leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG, HIDDEN_ACTIVATIONS, type MlpModelConfig, type TrainConfig } from '../../config';
import { loadMnistNode } from '../../data/mnistNode';
import { createMlpAutoencoder } from './model';
import { contractivePenalty, jacobianNormSquared, sensitivityScores, sensitivitySums } from './contractive';
import { useWasmInNode } from '../../train/nodeBackend';
import { Trainer } from '../../train/trainer';
import type { MnistData } from '../../train/types';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

function config(model: Partial<MlpModelConfig> = {}, train: Partial<TrainConfig> = {}): { model: MlpModelConfig; train: TrainConfig } {
  return {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [64], codeSize: 8, ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: 2000, batchSize: 32, ...train },
  };
}

/** ||dz/dx||²_F per row by autodiff: one gradient of sum_batch z_c per code unit c. */
function autodiffJacobianNormSquared(encode: (x: tf.Tensor2D) => tf.Tensor2D, x: tf.Tensor2D, codeSize: number): Float32Array {
  return tf.tidy(() => {
    let total = tf.zeros([x.shape[0]]);
    for (let c = 0; c < codeSize; c++) {
      const row = tf.grad((xi: tf.Tensor) => tf.sum(tf.slice(encode(xi as tf.Tensor2D), [0, c], [-1, 1])))(x) as tf.Tensor2D;
      total = tf.add(total, tf.sum(tf.square(row), 1));
    }
    return total.dataSync() as Float32Array;
  });
}

describe('closed-form Jacobian norm', () => {
  for (const activation of HIDDEN_ACTIVATIONS) {
    it(`${activation}: dᵀ((W2 W2ᵀ) ⊙ (W1ᵀ W1))d equals the autodiff Jacobian's squared norm`, () => {
      const pixels = 12;
      const model = createMlpAutoencoder({ ...config({ encoderLayers: [7], codeSize: 3, hiddenActivation: activation }).model }, 5, pixels, undefined, 'tape');
      const x = tf.randomUniform([6, pixels], -1, 1, 'float32', 8) as tf.Tensor2D;
      const exact = autodiffJacobianNormSquared(model.encode, x, 3);
      const closed = tf.tidy(() => jacobianNormSquared(model, model.encodeLayers(x)).dataSync());
      for (let i = 0; i < 6; i++) expect(Math.abs(closed[i] - exact[i]) / exact[i]).toBeLessThan(1e-4);
      x.dispose();
      model.dispose();
    });
  }

  it('without hidden layers: ||W||²_F for every digit, and the penalty is that number', () => {
    const model = createMlpAutoencoder(config({ encoderLayers: [], codeSize: 4 }).model, 2, 10, undefined, 'tape');
    const x = tf.randomUniform([3, 10], 0, 1, 'float32', 1) as tf.Tensor2D;
    const exact = autodiffJacobianNormSquared(model.encode, x, 4);
    const w = tf.tidy(() => tf.sum(tf.square(model.encoderLayers[0].kernel)).dataSync()[0]);
    const closed = tf.tidy(() => jacobianNormSquared(model, model.encodeLayers(x)).dataSync());
    const penalty = tf.tidy(() => contractivePenalty(model, model.encodeLayers(x)).dataSync()[0]);
    for (let i = 0; i < 3; i++) {
      expect(closed[i]).toBeCloseTo(w, 4);
      expect(exact[i]).toBeCloseTo(w, 4);
    }
    expect(penalty).toBeCloseTo(w, 4);
    x.dispose();
    model.dispose();
  });

  it('the probe\'s sensitivity is about ||J||_F / √784 (small isotropic ε), on real digits', () => {
    const model = createMlpAutoencoder(config({ encoderLayers: [32], codeSize: 16, hiddenActivation: 'tanh' }).model, 3);
    const n = 300;
    const x = tf.tensor2d(Float32Array.from(data.testImages.subarray(0, n * 784), (v) => v / 255), [n, 784]);
    const s = sensitivityScores(tf.tidy(() => sensitivitySums(model, x, 4).dataSync()), n);
    const predicted = s.jacobianNorm / Math.sqrt(784);
    // E||Jε|| <= sqrt(E||Jε||²) = s ||J||_F: a little below for a 16-number code.
    expect(s.sensitivity / predicted).toBeGreaterThan(0.85);
    expect(s.sensitivity / predicted).toBeLessThan(1.02);
    expect(s.codeSpread).toBeGreaterThan(0);
    x.dispose();
    model.dispose();
  });
});

describe('the schema', () => {
  it('old configs read as 0; a penalty with two hidden layers or out of range is refused by name', () => {
    const { contractive: _c, ...old } = DEFAULT_CONFIG.model;
    const r = checkConfig({ model: old, train: DEFAULT_CONFIG.train });
    expect(r.ok && r.config.model.kind === 'mlp' && r.config.model.contractive).toBe(0);
    const deep = checkConfig(config({ encoderLayers: [256, 64], contractive: 0.1 }));
    expect(deep.ok ? [] : deep.problems).toEqual([
      { path: 'model.contractive', code: 'contractive.depth', message: expect.stringMatching(/at most one hidden layer/) },
    ]);
    expect(checkConfig(config({ encoderLayers: [256, 64], contractive: 0 })).ok).toBe(true);
    const big = checkConfig(config({ contractive: 11 }));
    expect(big.ok ? [] : big.problems.map((p) => p.path)).toEqual(['model.contractive']);
  });
});

describe('contractive autoencoder on real MNIST', () => {
  it('the code of test digits moves far less under a small input change than a plain model\'s (same seed and budget)', async () => {
    const run = async (contractive: number) => {
      const trainer = new Trainer(data, config({ encoderLayers: [64], codeSize: 16, hiddenActivation: 'sigmoid', contractive }, { trainSize: 5000, batchSize: 64 }));
      trainer.steps(158); // two epochs of 5,000 digits
      const s = await trainer.evaluateSensitivity();
      const test = await trainer.evaluateTest('live');
      trainer.dispose();
      return { ...s, se: test.testSquaredError };
    };
    const plain = await run(0);
    const penalised = await run(0.001);
    // Measured: sensitivity 0.196 plain vs 0.059 contractive; relative to the codes' spread
    // 0.0241 vs 0.0177; squared error 36.5 vs 39.4 (the mean digit scores about 52).
    expect(penalised.sensitivity).toBeLessThan(0.5 * plain.sensitivity);
    // Not only a shrunken code: it moves less compared with how far apart digits' codes lie.
    expect(penalised.relativeSensitivity).toBeLessThan(0.85 * plain.relativeSensitivity);
    // Contracted, not collapsed: it still reconstructs far better than the mean digit.
    expect(penalised.se).toBeLessThan(45);
  });

  it('the reported loss is the reconstruction alone; the penalty changes the training', async () => {
    const losses = async (contractive: number) => {
      const trainer = new Trainer(data, config({ contractive }));
      const out: number[] = [];
      for (let i = 0; i < 3; i++) {
        trainer.steps(1);
        out.push((await trainer.readTrainMetrics()).trainLoss);
      }
      trainer.dispose();
      return out;
    };
    const plain = await losses(0);
    const heavy = await losses(5);
    expect(heavy[0]).toBe(plain[0]);
    expect(heavy[2]).not.toBe(plain[2]);
  });

  it('leaks no tensors: steps, sensitivity, reset, dispose; with and without a hidden layer', async () => {
    for (const encoderLayers of [[8], []]) {
      const start = tf.memory().numTensors;
      const trainer = new Trainer(data, config({ encoderLayers, codeSize: 2, contractive: 0.5 }, { batchSize: 4 }));
      const constructed = tf.memory().numTensors;
      trainer.steps(10);
      const after10 = tf.memory().numTensors;
      trainer.steps(40);
      expect(tf.memory().numTensors).toBe(after10);
      await trainer.readTrainMetrics();
      await trainer.evaluateSensitivity();
      await trainer.evaluateTest('live');
      await trainer.decode(new Float32Array(4), 2);
      expect(tf.memory().numTensors).toBe(after10);
      trainer.reset();
      expect(tf.memory().numTensors).toBe(constructed);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(start);
    }
  });
});
