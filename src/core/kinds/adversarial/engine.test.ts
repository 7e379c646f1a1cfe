import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { energyDistance } from '../../analysis/energyDistance';
import { DEFAULT_CONFIG, checkConfig, kindModel, type AdversarialModelConfig, type LabConfig } from '../../config';
import { imagesToFloat } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { samplePriorCodes } from '../../models/priors2d';
import { createAdversarialEngine, stepPriorSamples } from './engine';
import { discriminatorAccuracy, discriminatorLoss, generatorLoss, logisticLoss } from './objective';
import { kindBackendSupport } from '../../kindSupport';
import { createEngine, engineWeightLayout } from '../engines';
import { useWasmInNode } from '../../train/nodeBackend';
import { createOptimizer, disposeOptimizer } from '../../train/optimizers';
import { Trainer } from '../../train/trainer';
import type { MnistData } from '../../train/types';

let data: MnistData;
let test: Float32Array;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
  test = imagesToFloat(data.testImages.subarray(0, 1000 * 784), null);
});

const model = (m: Partial<AdversarialModelConfig> = {}): AdversarialModelConfig => kindModel('adversarial', { encoderLayers: [32], codeSize: 2, ...m });
const bias = new Float32Array(784);

describe('the discriminator objective, by hand', () => {
  it('logistic loss: ln 2 at logit 0, softplus(-l) for label 1, softplus(l) for label 0', () => {
    tf.tidy(() => {
      expect(logisticLoss(tf.tensor2d([[0], [0]]), 1).dataSync()[0]).toBeCloseTo(Math.LN2, 6);
      expect(logisticLoss(tf.tensor2d([[2]]), 1).dataSync()[0]).toBeCloseTo(Math.log(1 + Math.exp(-2)), 6);
      expect(logisticLoss(tf.tensor2d([[2]]), 0).dataSync()[0]).toBeCloseTo(Math.log(1 + Math.exp(2)), 6);
      // Stable where a naive log(sigmoid) would give -Infinity.
      expect(logisticLoss(tf.tensor2d([[-200]]), 1).dataSync()[0]).toBeCloseTo(200, 3);
    });
  });

  it('accuracy counts codes called "encoder" (logit <= 0) and prior samples called "prior" (> 0)', () => {
    tf.tidy(() => {
      // Codes: 2 of 3 right; prior samples: 1 of 2 right -> 3 of 5.
      const acc = discriminatorAccuracy(tf.tensor2d([[-1], [0], [2]]), tf.tensor2d([[0.5], [-3]]));
      expect(acc.dataSync()[0]).toBeCloseTo(3 / 5, 6);
    });
  });
});

describe('the adversarial engine', () => {
  it('has the weight layout a snapshot saves: the autoencoder, then the discriminator code -> 64 -> 64 -> 1', () => {
    const engine = createEngine(model(), 1, bias);
    const layout = engineWeightLayout(model());
    expect(engine.variables.map((v) => v.shape)).toEqual(layout.map((l) => l.shape));
    expect(layout.slice(-6).map((l) => l.shape)).toEqual([[2, 64], [64], [64, 64], [64], [64, 1], [1]]);
    expect(engine.measureNames).toEqual(['priorDistance', 'discriminatorAccuracy']);
    engine.dispose();
  });

  it('each loss reaches only its own player: L_D the discriminator, the fooling loss the encoder', () => {
    const engine = createAdversarialEngine(model(), 1, bias);
    const { model: aae } = engine;
    tf.tidy(() => {
      const x = tf.tensor2d(test.subarray(0, 16 * 784), [16, 784]);
      const codes = aae.autoencoder.encode(x);
      const prior = tf.tensor2d(samplePriorCodes('gaussian', 16, 2, 1), [16, 2]);
      const moved = (f: () => tf.Scalar) => {
        const { grads } = tf.variableGrads(f, aae.variables);
        return new Set(aae.variables.filter((v) => grads[v.name] && tf.max(tf.abs(grads[v.name])).dataSync()[0] > 0));
      };
      const byD = moved(() => discriminatorLoss(aae, codes, prior));
      expect([...byD].every((v) => aae.discriminatorVariables.includes(v))).toBe(true);
      expect(byD.size).toBeGreaterThan(0);
      const byFooling = moved(() => generatorLoss(aae, x));
      // The gradient passes through the discriminator, but only the encoder's are applied
      // (adversarialStep minimises it over encoderVariables); the decoder is never reached.
      expect(aae.encoderVariables.every((v) => byFooling.has(v))).toBe(true);
      expect(aae.autoencoder.decoderLayers.every((l) => !byFooling.has(l.kernel))).toBe(true);
    });
    engine.dispose();
  });

  it('needs only kernels the wasm backend has (the webgl and webgpu lists are checked in the browser)', async () => {
    for (const prior of ['gaussian', 'mixture10'] as const) {
      const support = await kindBackendSupport(model({ prior }), 'wasm');
      expect(support).toEqual({ ok: true, missing: [] });
    }
    expect(tf.getBackend()).toBe('wasm');
  });

  it('step prior samples are seeded by (seed, step)', () => {
    tf.tidy(() => {
      const a = stepPriorSamples(model({ prior: 'ring' }), 1, 5, 8).dataSync();
      expect(stepPriorSamples(model({ prior: 'ring' }), 1, 5, 8).dataSync()).toEqual(a);
      expect(stepPriorSamples(model({ prior: 'ring' }), 1, 6, 8).dataSync()).not.toEqual(a);
    });
  });

  it('leaks no tensor in a step, a measure, a decode or a reset, and frees everything on dispose', () => {
    const start = tf.memory().numTensors;
    const spec = model({ prior: 'mixture10' });
    const engine = createAdversarialEngine(spec, 1, bias);
    const optimizer = createOptimizer(DEFAULT_CONFIG.train);
    const x = tf.tensor2d(test.subarray(0, 32 * 784), [32, 784]);
    const labels = tf.zeros([32], 'int32') as tf.Tensor1D;
    const step = (s: number) => tf.tidy(() => engine.trainStep(x, { model: spec, step: s, seed: 1, optimizer, labels }).dataSync()[0]);
    // The first two steps create the optimizers' slots.
    step(0);
    step(1);
    const settled = tf.memory().numTensors;
    const loss = step(2);
    expect(Number.isFinite(loss)).toBe(true);
    expect(tf.memory().numTensors).toBe(settled);
    tf.tidy(() => engine.measure(x).dataSync());
    tf.tidy(() => engine.decode(engine.encode(x)).dataSync());
    expect(tf.memory().numTensors).toBe(settled);
    x.dispose();
    labels.dispose();
    disposeOptimizer(optimizer);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('the adversarial autoencoder in the Trainer', () => {
  const config = (kind: 'adversarial' | 'mlp'): LabConfig => ({
    model: kindModel(kind, { encoderLayers: [128], codeSize: 2 }),
    train: { ...DEFAULT_CONFIG.train, trainSize: 3000, batchSize: 64, seed: 1 },
  });

  it('leaks no tensor across steps and a reset', () => {
    const trainer = new Trainer(data, { ...config('adversarial'), train: { ...config('adversarial').train, trainSize: 1000 } });
    trainer.steps(2);
    const settled = tf.memory().numTensors;
    trainer.steps(2);
    expect(tf.memory().numTensors).toBe(settled);
    trainer.reset();
    trainer.steps(2);
    expect(tf.memory().numTensors).toBe(settled);
    trainer.dispose();
  });

  it('refuses a 2-D prior for a larger code, and noise or an L2 pull on the code', () => {
    const c = config('adversarial');
    expect(checkConfig({ ...c, model: { ...c.model, prior: 'ring', codeSize: 3 } }).ok).toBe(false);
    expect(checkConfig({ ...c, model: { ...c.model, prior: 'gaussian', codeSize: 3 } }).ok).toBe(true);
    expect(checkConfig({ ...c, model: { ...c.model, noise: 'mask' } }).ok).toBe(false);
    expect(checkConfig({ ...c, model: { ...c.model, codeL2: 0.1 } }).ok).toBe(false);
  });

  it('pulls the test codes toward the prior: energy distance far below a plain autoencoder of the same shape', async () => {
    const steps = 150;
    const aae = new Trainer(data, config('adversarial'));
    aae.steps(steps);
    const measures = await aae.measureEngine();
    const plain = new Trainer(data, config('mlp'));
    plain.steps(steps);
    const plainCodes = await plain.encodeResident('liveTest');
    const aaeCodes = await aae.encodeResident('liveTest');
    const prior = samplePriorCodes('gaussian', 1000, 2, 99);
    const distance = (codes: Float32Array) =>
      tf.tidy(() => energyDistance(tf.tensor2d(codes, [1000, 2]), tf.tensor2d(prior, [1000, 2])).dataSync()[0]);
    const plainDistance = distance(plainCodes);
    console.log(`after ${steps} steps: AAE ${JSON.stringify(measures)}, own prior sample ${distance(aaeCodes)}; plain AE ${plainDistance}`);
    expect(measures!.priorDistance).toBeLessThan(0.2);
    // The same figure against another prior sample agrees (the measure is no artefact of its sample).
    expect(Math.abs(distance(aaeCodes) - measures!.priorDistance)).toBeLessThan(0.05);
    expect(plainDistance).toBeGreaterThan(5 * measures!.priorDistance);
    const test = await aae.evaluateTest('live');
    const plainTest = await plain.evaluateTest('live');
    // It still reconstructs: within 15% of the plain autoencoder's test loss.
    expect(test.testLoss).toBeLessThan(1.15 * plainTest.testLoss);
    plain.dispose();

    // A snapshot (weights, the discriminator's too, and the run's optimizer slots) restores without warnings.
    const snapshot = await aae.exportState();
    const restored = new Trainer(data, config('adversarial'));
    expect((await restored.importState(snapshot)).warnings).toEqual([]);
    const again = await restored.measureEngine();
    expect(again!.priorDistance).toBeCloseTo(measures!.priorDistance, 4);
    expect(again!.discriminatorAccuracy).toBeCloseTo(measures!.discriminatorAccuracy, 4);
    restored.dispose();
    aae.dispose();
  }, 120_000);
});
