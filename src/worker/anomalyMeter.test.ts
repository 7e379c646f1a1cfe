/**
 * The anomaly measurement on real MNIST in Node (wasm backend): a round scores all 10,000 test
 * digits, its AUROC is roc.ts's on those scores, the extremes are the highest and lowest, and
 * no tensor is left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auroc } from '../core/analysis/roc';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { loadMnistNode } from '../core/data/mnistNode';
import { useWasmInNode } from '../core/train/nodeBackend';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { AnomalyEvent, RunEventBody } from './api';
import { ANOMALY_EXTREMES, AnomalyMeter } from './anomalyMeter';

let data: MnistData;
beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

const config = (normalDigits: number[]): LabConfig => ({
  model: { ...DEFAULT_CONFIG.model, encoderLayers: [32], codeSize: 4 },
  train: { ...DEFAULT_CONFIG.train, trainSize: 1000, seed: 4, normalDigits },
});

describe('AnomalyMeter', () => {
  it('scores every test digit, with the AUROC of the non-normal digits and the extremes', async () => {
    const trainer = new Trainer(data, config([1]));
    trainer.steps(20);
    await trainer.readTrainMetrics();
    const events: RunEventBody[] = [];
    const meter = new AnomalyMeter(data, (e) => events.push(e));
    await meter.work(trainer);
    expect(events, 'nothing while not watched').toEqual([]);
    meter.watch(true);
    expect(meter.due(performance.now())).toBe(true);
    const before = tf.memory().numTensors;
    await meter.work(trainer);
    expect(tf.memory().numTensors).toBe(before);
    expect(meter.due(performance.now()), 'the next round waits').toBe(false);
    const e = events[0] as AnomalyEvent;
    expect(e).toMatchObject({ type: 'anomaly', step: 20, normalDigits: [1] });
    expect(e.scores.length).toBe(10000);
    expect(Array.from(e.labels)).toEqual(Array.from(data.testLabels));
    expect(e.auroc).toBeCloseTo(auroc(e.scores, Uint8Array.from(e.labels, (l) => (l === 1 ? 0 : 1))), 12);
    // Trained on 1s (a little), the other digits already score higher on the whole.
    expect(e.auroc).toBeGreaterThan(0.6);
    expect(e.most.labels.length).toBe(ANOMALY_EXTREMES);
    const sorted = [...e.scores].sort((a, b) => a - b);
    expect(e.most.scores[0]).toBe(sorted[sorted.length - 1]);
    expect(e.least.scores[0]).toBe(sorted[0]);
    expect(e.most.images.length).toBe(ANOMALY_EXTREMES * 784);
    trainer.dispose();
  });

  it('gives NaN, not a number, when every digit is normal (nothing to detect)', async () => {
    const trainer = new Trainer(data, config([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const events: RunEventBody[] = [];
    const meter = new AnomalyMeter(data, (e) => events.push(e));
    meter.watch(true);
    await meter.work(trainer);
    expect((events[0] as AnomalyEvent).auroc).toBeNaN();
    trainer.dispose();
  });
});
