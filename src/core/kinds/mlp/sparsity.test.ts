/**
 * The sparse autoencoder: the L1 and KL penalties and the activity measurement against small
 * cases worked by hand, the KL gradient, the schema's refusals, the penalty making the code of
 * real test digits sparser than a plain model's (same seed and budget), and no leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG, type MlpModelConfig, type TrainConfig } from '../../config';
import { loadMnistNode } from '../../data/mnistNode';
import { createMlpAutoencoder } from './model';
import { useWasmInNode } from '../../train/nodeBackend';
import {
  activityScores,
  activitySums,
  encoderFeatures,
  HISTOGRAM_BINS,
  klSparsityPenalty,
  mostActiveUnits,
  l1ActivityPenalty,
  sparsityTerm,
} from './sparsity';
import { analyseSnapshot } from '../../train/snapshot';
import { Trainer } from '../../train/trainer';
import type { MnistData } from '../../train/types';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

function config(model: Partial<MlpModelConfig> = {}, train: Partial<TrainConfig> = {}): { model: MlpModelConfig; train: TrainConfig } {
  return {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [], codeSize: 100, codeActivation: 'relu', ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: 2000, batchSize: 32, ...train },
  };
}

const scalar = (f: () => tf.Scalar) => tf.tidy(() => f().dataSync()[0]);

describe('penalties, by hand', () => {
  it('L1: mean over the batch of Σ_j |h_j|', () => {
    // rows: |1| + |-2| + |0| = 3 and 0.5 + 0 + 3 = 3.5; mean 3.25
    expect(scalar(() => l1ActivityPenalty(tf.tensor2d([[1, -2, 0], [0.5, 0, 3]])))).toBeCloseTo(3.25, 6);
  });

  it('KL: Σ_j KL(ρ || ρ̂_j) with ρ̂ the batch mean, and its gradient', () => {
    // ρ̂ = [0.2, 0.5], ρ = 0.2: KL(0.2||0.2) = 0; KL(0.2||0.5) = 0.2 ln 0.4 + 0.8 ln 1.6 = 0.192745
    const code = tf.tensor2d([[0.1, 0.5], [0.3, 0.5]]);
    expect(scalar(() => klSparsityPenalty(code, 0.2))).toBeCloseTo(0.192745, 5);
    // dKL/dρ̂ = -ρ/ρ̂ + (1-ρ)/(1-ρ̂): 0 for unit 1, -0.4 + 1.6 = 1.2 for unit 2; each of the
    // two rows gets half of it.
    const g = tf.tidy(() => tf.grad((c: tf.Tensor) => klSparsityPenalty(c as tf.Tensor2D, 0.2))(code).arraySync()) as number[][];
    for (const row of g) {
      expect(row[0]).toBeCloseTo(0, 5);
      expect(row[1]).toBeCloseTo(0.6, 5);
    }
    // A unit on for the whole batch (ρ̂ = 1) costs a large finite amount, not Infinity.
    expect(Number.isFinite(scalar(() => klSparsityPenalty(tf.tensor2d([[1], [1]]), 0.05)))).toBe(true);
    code.dispose();
  });

  it('sparsityTerm weighs the chosen penalty, and is absent for none or weight 0', () => {
    const code = tf.tensor2d([[1, -2, 0], [0.5, 0, 3]]);
    const spec = { sparsity: 'l1', sparsityWeight: 0.5, sparsityTarget: 0.05 } as const;
    expect(scalar(() => sparsityTerm(code, spec)!)).toBeCloseTo(1.625, 6);
    expect(sparsityTerm(code, { ...spec, sparsity: 'none' })).toBeUndefined();
    expect(sparsityTerm(code, { ...spec, sparsityWeight: 0 })).toBeUndefined();
    code.dispose();
  });
});

describe('activity measurement, by hand', () => {
  it('mean activation, active and dead units, histogram over (0, top]', () => {
    // 2 digits x 4 units; active means > 0.1: 0.22, 1.0, 0.47, 0.13 (4 of 8). Unit 1 (0.04, 0)
    // is active on neither digit: 1 of 4 units dead. Bins of width 0.05: 0.04 -> 0, 0.13 -> 2,
    // 0.22 -> 4, 0.47 -> 9, 1.0 -> 19; three exact zeros in none.
    const code = tf.tensor2d([[0, 0.04, 0.22, 1.0], [0.47, 0, 0, 0.13]]);
    for (const top of [1, undefined]) {
      const sums = tf.tidy(() => activitySums(code, top).dataSync());
      expect(sums.length).toBe(4 + HISTOGRAM_BINS);
      const s = activityScores(sums, 2, 4);
      expect(s.meanActivation).toBeCloseTo(1.86 / 8, 6);
      expect(s.activeFraction).toBe(0.5);
      expect(s.deadFraction).toBe(0.25);
      expect(s.histogramTop).toBeCloseTo(1, 6);
      expect(s.zeroFraction).toBeCloseTo(3 / 8, 6);
      const expected = new Array(HISTOGRAM_BINS).fill(0);
      for (const b of [0, 2, 4, 9, 19]) expected[b] = 1 / 8;
      Array.from(s.histogram).forEach((v, b) => expect(v).toBeCloseTo(expected[b], 6));
    }
    code.dispose();
  });

  it('encoder features: the first units\' incoming weights, one row each', () => {
    const model = createMlpAutoencoder(config({ codeSize: 5 }).model, 3, 6, undefined, 'tape');
    const kernel = model.encoderLayers[0].kernel.arraySync();
    const rows = tf.tidy(() => encoderFeatures(model, 3).arraySync());
    expect(rows.length).toBe(3);
    for (let u = 0; u < 3; u++) for (let i = 0; i < 6; i++) expect(rows[u][i]).toBe(kernel[i][u]);
    expect(tf.tidy(() => encoderFeatures(model, 100).shape)).toEqual([5, 6]);
    // Chosen units, in the order given: the most active first.
    const units = mostActiveUnits([0.1, 0, 0.5, 0.1, 0.3], 3);
    expect(Array.from(units)).toEqual([2, 4, 0]);
    const chosen = tf.tidy(() => encoderFeatures(model, units).arraySync());
    units.forEach((u, r) => chosen[r].forEach((v, i) => expect(v).toBe(kernel[i][u])));
    model.dispose();
  });
});

describe('schema', () => {
  it('refuses KL sparsity without a code in (0, 1), and the contractive penalty on a non-linear code', () => {
    const kl = checkConfig(config({ sparsity: 'kl', codeActivation: 'relu' }));
    expect(kl.ok).toBe(false);
    if (!kl.ok) expect(kl.problems[0]).toMatchObject({ path: 'model.sparsity', message: expect.stringMatching(/sigmoid/) });
    expect(checkConfig(config({ sparsity: 'kl', codeActivation: 'sigmoid' })).ok).toBe(true);
    const contractive = checkConfig(config({ contractive: 0.01, codeActivation: 'sigmoid' }));
    expect(contractive.ok).toBe(false);
    if (!contractive.ok) expect(contractive.problems[0].path).toBe('model.codeActivation');
    expect(checkConfig(config({ codeSize: 1000 })).ok).toBe(true);
    expect(checkConfig(config({ codeSize: 1001 })).ok).toBe(false);
  });

  it('reads configs from before the sparse fields as a linear code without penalty', () => {
    const { codeActivation, sparsity, sparsityWeight, sparsityTarget, ...old } = DEFAULT_CONFIG.model;
    void [codeActivation, sparsity, sparsityWeight, sparsityTarget];
    const r = checkConfig({ ...DEFAULT_CONFIG, model: old });
    expect(r.ok && r.config.model).toMatchObject({ codeActivation: 'linear', sparsity: 'none' });
  });
});

describe('training with the penalty', () => {
  it('L1 makes the relu code of test digits sparser than a plain run (same seed and budget); the reported loss leaves the penalty out', async () => {
    const run = async (sparsity: 'none' | 'l1') => {
      const trainer = new Trainer(data, config({ sparsity, sparsityWeight: 3e-4 }));
      trainer.steps(1);
      const first = (await trainer.readTrainMetrics()).trainLoss;
      trainer.steps(120);
      const activity = await trainer.evaluateActivity();
      trainer.dispose();
      return { first, activity };
    };
    const plain = await run('none');
    const sparse = await run('l1');
    // The first step's reconstruction loss is computed before any update: the same number.
    expect(sparse.first).toBe(plain.first);
    expect(sparse.activity.meanActivation).toBeLessThan(0.6 * plain.activity.meanActivation);
    expect(sparse.activity.activeFraction).toBeLessThan(0.6 * plain.activity.activeFraction);
    expect(plain.activity.activeFraction).toBeGreaterThan(0.3);
  });

  it('leaks no tensors: steps with L1 and KL, activity, features, decode, reset, dispose', async () => {
    for (const model of [{ sparsity: 'l1' }, { sparsity: 'kl', codeActivation: 'sigmoid' }] as const) {
      const start = tf.memory().numTensors;
      const trainer = new Trainer(data, config({ ...model, codeSize: 20, sparsityWeight: 0.01 }, { batchSize: 4 }));
      const constructed = tf.memory().numTensors;
      trainer.steps(10);
      const after10 = tf.memory().numTensors;
      trainer.steps(40);
      expect(tf.memory().numTensors).toBe(after10);
      await trainer.readTrainMetrics();
      await trainer.evaluateActivity();
      await trainer.encoderFeatures(mostActiveUnits(await trainer.unitActivity(), 5));
      await trainer.evaluateTest('live');
      await trainer.decode(new Float32Array(40), 2);
      expect(tf.memory().numTensors).toBe(after10);
      trainer.reset();
      expect(tf.memory().numTensors).toBe(constructed);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(start);
    }
  });

  it('a saved model: another code activation is refused, another penalty loads with a warning', async () => {
    const trainer = new Trainer(data, config({ sparsity: 'l1', sparsityWeight: 1e-4 }, { batchSize: 8 }));
    trainer.steps(2);
    const snapshot = await trainer.exportState();
    trainer.dispose();
    const sigmoid = analyseSnapshot(snapshot, config({ codeActivation: 'sigmoid' }, { batchSize: 8 }));
    expect(sigmoid.ok).toBe(false);
    if (!sigmoid.ok) expect(sigmoid.issues.find((i) => i.severity === 'refuse')?.what).toBe('codeActivation');
    const plain = analyseSnapshot(snapshot, config({ sparsity: 'none' }, { batchSize: 8 }));
    expect(plain.ok && plain.issues.map((i) => i.what)).toEqual(['sparsity']);
    const heavier = analyseSnapshot(snapshot, config({ sparsity: 'l1', sparsityWeight: 3e-4 }, { batchSize: 8 }));
    expect(heavier.ok && heavier.issues.map((i) => i.what)).toEqual(['sparsityWeight']);
  });
});
