/**
 * Live settings in the worker (worker/liveSettings.ts, lab.worker.ts applySettings): a new
 * learning rate lands between two chunks of a running training loop, in the same run, and the
 * run's 'settings' event names the step it took effect at; a setting that shapes the model is
 * refused with nothing changed. Real Trainer, MNIST, loop and views on wasm; tensors counted exactly.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, type MlpModelConfig, type TrainConfig } from '../core/config';
import { loadMnistNode } from '../core/data/mnistNode';
import { useWasmInNode } from '../core/train/nodeBackend';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import { configKey } from '../state/modelPersistence';
import type { LabEvent } from './api';
import { LabApplications } from './labApplications';
import { TrainingLoop } from './labLoop';
import { LabViews } from './labViews';
import { LabVq } from './labVq';
import { applyLiveSettings } from './liveSettings';
import { RunChannel } from './runChannel';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

function config(model: Partial<MlpModelConfig> = {}, train: Partial<TrainConfig> = {}): LabConfig {
  return {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [32], codeSize: 2, ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 32, learningRate: 0.002, ...train },
  };
}

/**
 * A channel whose run 7 is under way, the events it sent, and `progressPast(n)`: resolves at the
 * first progress event past step n (from the listener: the loop's MessageChannel ticks would
 * starve a polling timer in node).
 */
function channelOfRun(trainer: Trainer) {
  const events: LabEvent[] = [];
  const waiting: { step: number; resolve: () => void }[] = [];
  const channel = new RunChannel();
  channel.subscribe((e) => {
    events.push(e);
    if (e.type !== 'progress') return;
    for (const w of waiting.filter((w) => e.step > w.step)) w.resolve();
  });
  channel.begin({ runId: 7, cause: 'configure' }, { config: trainer.config, step: 0, epoch: 0, samplesSeen: 0 });
  const progressPast = (step: number) => new Promise<void>((resolve) => waiting.push({ step, resolve }));
  return { channel, events, progressPast };
}

describe('applyLiveSettings', () => {
  it('lands between two chunks of a running loop: the loop goes on, in the same run, from the step it names', async () => {
    const before = config();
    const after = config({}, { learningRate: 0.02 });
    const trainer = new Trainer(data, before);
    const { channel, events, progressPast } = channelOfRun(trainer);
    const errors: unknown[] = [];
    const views = new LabViews(data, 200, channel);
    const loop = new TrainingLoop({ channel, views, vq: new LabVq(data, channel.emit), apps: new LabApplications(data, channel, (d) => errors.push(d)), emitError: (e) => errors.push(e), lostBy: () => false, plannedParts: () => 1 });
    loop.start(trainer);
    // As a message from the page: served while the loop awaits a chunk's loss read or its tick.
    await progressPast(20);

    const answer = applyLiveSettings(trainer, after, channel.emit);
    const step = trainer.step;
    expect(answer).toEqual({ applied: true, step, changed: [{ path: 'train.learningRate', from: 0.002, to: 0.02 }] });
    expect(loop.isRunning).toBe(true);
    await progressPast(step + 20);
    await loop.stop();

    expect(errors).toEqual([]);
    expect(trainer.config).toEqual(after);
    const settings = events.filter((e) => e.type === 'settings');
    expect(settings).toEqual([{ type: 'settings', runId: 7, step, changed: [{ path: 'train.learningRate', from: 0.002, to: 0.02 }] }]);
    // One run throughout: no new announcement, every event of run 7, the steps going on past the change.
    expect(events.filter((e) => e.type === 'run')).toHaveLength(1);
    expect(events.every((e) => !('runId' in e) || e.runId === 7)).toBe(true);
    const progress = events.slice(events.indexOf(settings[0])).flatMap((e) => (e.type === 'progress' ? [e.step] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(Math.min(...progress)).toBeGreaterThan(step);
    trainer.dispose();
  });

  it('makes and frees no tensor; refuses a setting that shapes the model, and answers without a model', async () => {
    const baseline = tf.memory().numTensors;
    const before = config();
    const trainer = new Trainer(data, before);
    const { channel, events } = channelOfRun(trainer);
    trainer.steps(5);
    await trainer.readTrainMetrics();
    const settled = tf.memory().numTensors;

    const after = config({ codeL2: 0.01 }, { learningRate: 0.01, batchSize: 64 });
    const answer = applyLiveSettings(trainer, after, channel.emit);
    expect(answer).toEqual({
      applied: true,
      step: 5,
      // In the settings table's order.
      changed: [
        { path: 'model.codeL2', from: 0, to: 0.01 },
        { path: 'train.learningRate', from: 0.002, to: 0.01 },
        { path: 'train.batchSize', from: 32, to: 64 },
      ],
    });
    expect(tf.memory().numTensors).toBe(settled);
    trainer.steps(5);
    await trainer.readTrainMetrics();
    expect(trainer.step).toBe(10);
    expect(tf.memory().numTensors).toBe(settled);

    // The saved model goes under the key of the config the page now shows (state/liveSettings.ts).
    const snapshot = await trainer.exportState();
    expect(snapshot.config).toEqual(after);
    expect(configKey(snapshot.config)).toBe(configKey(after));
    expect(configKey(after)).not.toBe(configKey(before));
    expect(tf.memory().numTensors).toBe(settled);

    const rebuild = applyLiveSettings(trainer, config({ codeSize: 3 }, { learningRate: 0.05 }), channel.emit);
    expect(rebuild).toEqual({ applied: false, rebuild: ['model.codeSize'] });
    expect(trainer.config).toEqual(after);
    expect(tf.memory().numTensors).toBe(settled);
    // The same config again: applied, nothing changed, no event (no mark on the chart).
    expect(applyLiveSettings(trainer, after, channel.emit)).toEqual({ applied: true, step: 10, changed: [] });
    expect(events.filter((e) => e.type === 'settings').map((e) => e.type === 'settings' && e.step)).toEqual([5]);

    expect(applyLiveSettings(undefined, after, channel.emit)).toEqual({ applied: false, rebuild: [] });
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
