/**
 * The similar-image search measurements on real MNIST in Node (wasm backend): the codes of the
 * resident sets leak no tensors, a round's precision equals the brute-force one computed here,
 * neighbours come from the training subset, and the baselines' plain function scores pixels and
 * PCA codes.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchScore } from '../core/analysis/imageSearch';
import { DEFAULT_CONFIG, IMAGE_SIZE, type LabConfig } from '../core/config';
import { imagesToFloat } from '../core/data/dataset';
import { loadMnistNode } from '../core/data/mnistNode';
import { useWasmInNode } from '../core/train/nodeBackend';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { ImageSearchEvent, RunEventBody } from './api';
import { ImageSearchMeter, SEARCH_K } from './imageSearchMeter';
import { measureSearchBaselines, type SearchReply } from './searchBaselines';

let data: MnistData;
const config: LabConfig = {
  model: { ...DEFAULT_CONFIG.model, encoderLayers: [32], codeSize: 4 },
  train: { ...DEFAULT_CONFIG.train, trainSize: 1000, seed: 3 },
};
/** Workers the meter starts for its baselines: Node has none, so a stand-in records the request. */
const posted: unknown[] = [];
const realWorker = globalThis.Worker;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
  (globalThis as { Worker: unknown }).Worker = class {
    onmessage = null;
    onerror = null;
    postMessage(m: unknown) {
      posted.push(m);
    }
    terminate() {}
  };
});
afterAll(() => {
  (globalThis as { Worker: unknown }).Worker = realWorker;
});

describe('Trainer.encodeResident', () => {
  it('encodes the training subset and the live test subset like encode(), with no tensor left behind', async () => {
    const trainer = new Trainer(data, config);
    trainer.steps(3);
    await trainer.readTrainMetrics();
    const before = tf.memory().numTensors;
    const codes = await trainer.encodeResident('train');
    const live = await trainer.encodeResident('liveTest');
    expect(tf.memory().numTensors).toBe(before);
    expect(codes.length).toBe(1000 * 4);
    expect(live.length).toBe(1000 * 4);
    const direct = await trainer.encode(imagesToFloat(data.trainImages, trainer.trainIndices.subarray(0, 5)), 5);
    for (let i = 0; i < direct.length; i++) expect(codes[i]).toBeCloseTo(direct[i], 4);
    trainer.dispose();
  });
});

describe('ImageSearchMeter', () => {
  it('measures a round of 1,000 queries in chunks, equal to a brute-force search, without leaks', async () => {
    const trainer = new Trainer(data, config);
    const events: RunEventBody[] = [];
    const errors: string[] = [];
    const meter = new ImageSearchMeter(data, (e) => events.push(e), (m) => errors.push(m));
    meter.watch(true, trainer);
    expect(posted.length, 'the pixel and PCA baselines were asked for').toBe(1);
    expect(meter.due(performance.now())).toBe(true);
    const before = tf.memory().numTensors;
    let calls = 0;
    do {
      await meter.work(trainer);
      calls++;
    } while (!events.some((e) => e.type === 'imageSearch'));
    expect(tf.memory().numTensors).toBe(before);
    expect(calls, 'one encoding call, then chunks of queries').toBeGreaterThan(2);
    const e = events.find((x): x is ImageSearchEvent => x.type === 'imageSearch');
    expect(e).toMatchObject({ representation: 'autoencoder', complete: true, codeSize: 4, step: 0 });
    const codes = await trainer.encodeResident('train');
    const queries = await trainer.encodeResident('liveTest');
    const labels = Uint8Array.from(trainer.trainIndices, (i) => data.trainLabels[i]);
    const expected = searchScore(codes, labels, queries, data.testLabels.subarray(0, 1000), 4, SEARCH_K);
    expect(e?.score.precision).toBeCloseTo(expected.precision, 10);
    expect(e?.score).toMatchObject({ queries: 1000, reference: 1000, dims: 4, bytes: 16000 });
    expect(meter.due(performance.now()), 'the next round waits').toBe(false);
    expect(errors).toEqual([]);
    meter.watch(false);
    expect(meter.due(Infinity)).toBe(false);
    meter.dispose();
    trainer.dispose();
  });

  it('finds neighbours in pixels and codes among the training subset; a bad query gets a message', async () => {
    const trainer = new Trainer(data, config);
    const meter = new ImageSearchMeter(data, () => undefined, () => undefined);
    const before = tf.memory().numTensors;
    const r = await meter.neighbours(trainer, { testIndex: 0 }, 10);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.queryLabel).toBe(data.testLabels[0]);
    const subset = new Set(trainer.trainIndices);
    for (const hits of [r.pixels, r.code]) {
      expect(hits.indices.length).toBe(10);
      for (const i of hits.indices) expect(subset.has(i)).toBe(true);
      expect(Array.from(hits.labels)).toEqual(Array.from(hits.indices, (i) => data.trainLabels[i]));
      expect([...hits.distances]).toEqual([...hits.distances].sort((a, b) => a - b));
      expect(hits.images.length).toBe(10 * IMAGE_SIZE);
    }
    // A training digit as the query finds itself first in pixels, at distance 0.
    const own = trainer.trainIndices[7];
    const self = await meter.neighbours(trainer, { image: imagesToFloat(data.trainImages, [own]) }, 3);
    expect(self.pixels.indices[0]).toBe(own);
    expect(self.pixels.distances[0]).toBe(0);
    expect(self.queryLabel).toBe(-1);
    await expect(meter.neighbours(trainer, { testIndex: 10000 }, 10)).rejects.toThrow(/does not exist/);
    await expect(meter.neighbours(trainer, { image: new Float32Array(5) }, 10)).rejects.toThrow(/784 pixels/);
    await expect(meter.neighbours(trainer, { testIndex: 0 }, 0)).rejects.toThrow(/k=0/);
    meter.dispose();
    trainer.dispose();
  });
});

describe('measureSearchBaselines', () => {
  it('scores PCA codes, then pixels with partial scores, equal to a direct search', () => {
    const n = 1000;
    const m = 300;
    const train = data.trainImages.slice(0, n * IMAGE_SIZE);
    const trainLabels = data.trainLabels.slice(0, n);
    const queries = data.testImages.slice(0, m * IMAGE_SIZE);
    const queryLabels = data.testLabels.slice(0, m);
    const replies: SearchReply[] = [];
    measureSearchBaselines({ id: 7, train, trainLabels, queries, queryLabels, codeSize: 8, k: 10 }, (r) => replies.push(r));
    const kinds = replies.map((r) => ('error' in r ? 'error' : `${r.representation}:${r.complete}`));
    expect(kinds).toEqual(['pca:true', 'pixels:false', 'pixels:true']);
    const last = replies[2];
    if ('error' in last) throw new Error(last.error);
    const direct = searchScore(imagesToFloat(train, null), trainLabels, imagesToFloat(queries, null), queryLabels, IMAGE_SIZE, 10);
    expect(last.score.precision).toBeCloseTo(direct.precision, 12);
    expect(last.score).toMatchObject({ queries: m, dims: IMAGE_SIZE, reference: n, bytes: n * IMAGE_SIZE * 4 });
    const pca = replies[0];
    if ('error' in pca) throw new Error(pca.error);
    expect(pca.score.dims).toBe(8);
    // Both find the right digit far more often than chance (about 10%).
    expect(pca.score.precision).toBeGreaterThan(0.6);
    expect(last.score.precision).toBeGreaterThan(0.6);
  });
});
