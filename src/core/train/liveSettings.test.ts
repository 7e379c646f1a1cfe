/**
 * Live settings (issue 10): the learning rate, momentum, batch size and the penalty weights
 * change between two steps without rebuilding the model (Trainer.applySettings). The
 * reference for "goes on with the new setting" is a Trainer built at the new settings that
 * imports the run's snapshot (weights, optimizer slots, counters) at the moment of the change.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, kindModel, type LabConfig, type MlpModelConfig, type TrainConfig } from '../config';
import { loadMnistNode } from '../data/mnistNode';
import { useWasmInNode } from './nodeBackend';
import type { ModelSnapshot } from './snapshot';
import { Trainer } from './trainer';
import type { MnistData } from './types';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

function config(model: Partial<MlpModelConfig> = {}, train: Partial<TrainConfig> = {}): LabConfig {
  return {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [32], codeSize: 2, ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 32, ...train },
  };
}

const weights = (s: ModelSnapshot) => s.weights.map((w) => Array.from(w.data));
const slots = (s: ModelSnapshot) => (s.optimizer?.slots ?? []).map((w) => Array.from(w.data));

/** A Trainer built at `c` that starts where `snapshot` was: the run as if it had these settings all along from there. */
async function resumed(c: LabConfig, snapshot: ModelSnapshot): Promise<Trainer> {
  const t = new Trainer(data, c);
  await t.importState(snapshot);
  return t;
}

describe('Trainer.applySettings', () => {
  it.each(['adam', 'sgd', 'rmsprop'] as const)(
    '%s: a new learning rate and momentum apply at the next step; the step count, weights and optimizer slots carry on',
    async (optimizer) => {
      const before = config({}, { optimizer, learningRate: 0.002, momentum: 0.9 });
      const after = config({}, { optimizer, learningRate: 0.02, momentum: 0.5 });
      const live = new Trainer(data, before);
      live.steps(10);
      const atChange = await live.exportState();

      expect(live.applySettings(after)).toEqual({ applied: true, changed: ['train.learningRate', 'train.momentum'] });
      expect(live.step).toBe(10);
      expect(live.config.train).toEqual(after.train);
      // Nothing moved: the same weights, the same optimizer slots and step count.
      const right = await live.exportState();
      expect(weights(right)).toEqual(weights(atChange));
      expect(slots(right)).toEqual(slots(atChange));
      expect(right.optimizer?.iterations).toBe(10);

      // Then training goes on at the new rate: as a run built at it from the same weights.
      live.steps(5);
      const reference = await resumed(after, atChange);
      reference.steps(5);
      const [a, b] = [await live.exportState(), await reference.exportState()];
      expect(live.step).toBe(15);
      expect(weights(a)).toEqual(weights(b));
      expect(slots(a)).toEqual(slots(b));
      // And the rate made a difference: at the old one the run goes elsewhere.
      const old = await resumed(before, atChange);
      old.steps(5);
      expect(weights(await old.exportState())).not.toEqual(weights(a));
      for (const t of [live, reference, old]) t.dispose();
    },
  );

  it('a new batch size: the batch order carries on from the samples seen', async () => {
    const before = config({}, { batchSize: 32 });
    const after = config({}, { batchSize: 80 });
    const live = new Trainer(data, before);
    live.steps(10);
    const atChange = await live.exportState();
    expect(live.applySettings(after)).toEqual({ applied: true, changed: ['train.batchSize'] });
    live.steps(4);
    expect([live.step, live.samplesSeen]).toEqual([14, 10 * 32 + 4 * 80]);
    const reference = await resumed(after, atChange);
    reference.steps(4);
    expect(weights(await live.exportState())).toEqual(weights(await reference.exportState()));
    live.dispose();
    reference.dispose();
  });

  it('a penalty weight reaches the objective at the next step (the dense kind\'s code L2, the VAE\'s β)', async () => {
    const cases: [LabConfig, LabConfig][] = [
      [config({ codeL2: 0 }), config({ codeL2: 0.5 })],
      [
        { model: kindModel('vae', { encoderLayers: [32], codeSize: 2, beta: 1 }), train: config().train },
        { model: kindModel('vae', { encoderLayers: [32], codeSize: 2, beta: 20 }), train: config().train },
      ],
    ];
    for (const [before, after] of cases) {
      const live = new Trainer(data, before);
      live.steps(3);
      const atChange = await live.exportState();
      const change = live.applySettings(after);
      expect(change.applied && change.changed.length).toBe(1);
      live.steps(3);
      const withPenalty = await resumed(after, atChange);
      withPenalty.steps(3);
      const without = await resumed(before, atChange);
      without.steps(3);
      const w = weights(await live.exportState());
      expect(w).toEqual(weights(await withPenalty.exportState()));
      expect(w).not.toEqual(weights(await without.exportState()));
      for (const t of [live, withPenalty, without]) t.dispose();
    }
  });

  it('a setting that shapes the model is not applied: the answer names it and nothing changes', async () => {
    const live = new Trainer(data, config());
    live.steps(2);
    const atChange = await live.exportState();
    const next = config({ codeSize: 3 }, { learningRate: 0.01, trainSize: 2000 });
    expect(live.applySettings(next)).toEqual({ applied: false, rebuild: ['model.codeSize', 'train.trainSize'] });
    expect(live.config).toEqual(config());
    expect(live.step).toBe(2);
    expect(weights(await live.exportState())).toEqual(weights(atChange));
    // Another kind is always a new model.
    const vae: LabConfig = { model: kindModel('vae', { encoderLayers: [32], codeSize: 2 }), train: config().train };
    const toVae = live.applySettings(vae);
    expect(toVae.applied).toBe(false);
    expect(!toVae.applied && toVae.rebuild).toContain('model.kind');
    // The same config: nothing to do.
    expect(live.applySettings(config())).toEqual({ applied: true, changed: [] });
    live.dispose();
  });

  it('leaves the tensor count exactly as it was, for every optimizer', async () => {
    for (const optimizer of ['adam', 'sgd', 'rmsprop'] as const) {
      const baseline = tf.memory().numTensors;
      const live = new Trainer(data, config({}, { optimizer }));
      live.steps(2);
      await live.readTrainMetrics();
      const settled = tf.memory().numTensors;
      live.applySettings(config({ codeL2: 0.1 }, { optimizer, learningRate: 0.005, momentum: 0.7, batchSize: 16 }));
      expect(tf.memory().numTensors).toBe(settled);
      live.steps(2);
      await live.readTrainMetrics();
      expect(tf.memory().numTensors).toBe(settled);
      live.applySettings(config({}, { optimizer }));
      live.reset();
      live.steps(1);
      await live.readTrainMetrics();
      expect(tf.memory().numTensors).toBe(settled);
      live.dispose();
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });
});
