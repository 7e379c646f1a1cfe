import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { imagesToFloat } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { createRng } from '../../data/rng';
import { useWasmInNode } from '../../train/nodeBackend';
import type { MnistData } from '../../train/types';
import { quantise, stopGradient, straightThrough, createVq } from './model';
import { checkConfig } from '../../config';
import { DEFAULT_VQ_CONFIG, type VqModelConfig } from './kind';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

/** 4 positions of 3 numbers each, a codebook of 16. */
const small: VqModelConfig = { ...DEFAULT_VQ_CONFIG.model, encoderLayers: [32], vqPositions: 4, codeSize: 12, codebookSize: 16, commitment: 0.25 };

describe('nearest-code quantisation', () => {
  it('picks the nearest codebook vector (brute force in JS) and returns that row', () => {
    const rng = createRng(3);
    const [n, K, d] = [200, 16, 3];
    const z = Float32Array.from({ length: n * d }, () => 4 * rng() - 2);
    const c = Float32Array.from({ length: K * d }, () => 4 * rng() - 2);
    const { indices, zQ } = tf.tidy(() => {
      const q = quantise(tf.tensor2d(z, [n, d]), tf.tensor2d(c, [K, d]));
      return { indices: q.indices.dataSync(), zQ: q.zQ.dataSync() };
    });
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (z[i * d + j] - c[k * d + j]) ** 2;
        if (s < bestDistance) [best, bestDistance] = [k, s];
      }
      expect(indices[i]).toBe(best);
      for (let j = 0; j < d; j++) expect(zQ[i * d + j]).toBeCloseTo(c[best * d + j], 6);
    }
  });

  it('straight-through: value of z_q, gradient copied to z_e, none to z_q; stopGradient blocks it', () => {
    const zE = tf.tensor2d([[0.1, 0.2], [0.3, -0.4]]);
    const zQ = tf.tensor2d([[0, 0.5], [1, -1]]);
    const w = tf.tensor2d([[1, -2], [3, 4]]);
    const [dE, dQ] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(w, straightThrough(a as tf.Tensor2D, b as tf.Tensor2D))),
    )([zE, zQ]);
    expect(Array.from(dE.dataSync())).toEqual([1, -2, 3, 4]);
    expect(Array.from(dQ.dataSync())).toEqual([0, 0, 0, 0]);
    tf.tidy(() => {
      expect(Array.from(straightThrough(zE, zQ).dataSync())).toEqual(Array.from(zQ.dataSync()));
      const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(a, stopGradient(a))))(zE);
      // d/da of a ⊙ sg(a) is sg(a) = a: only the first factor carries a gradient.
      expect(Array.from(g.dataSync())).toEqual(Array.from(zE.dataSync()));
    });
    tf.dispose([zE, zQ, w, dE, dQ]);
  });
});

describe('VQ-VAE model', () => {
  it('shapes: z_e [batch, P x D], indices [batch, P] in 0..K-1, images [batch, 784]; decodeIndices = decode(zQ)', () => {
    const vq = createVq(small, 1);
    tf.tidy(() => {
      const x = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, 6 * 784), null), [6, 784]);
      const zE = vq.encodeContinuous(x);
      expect(zE.shape).toEqual([6, 12]);
      const { indices, zQ } = vq.quantise(zE);
      expect(indices.shape).toEqual([6, 4]);
      expect(indices.dtype).toBe('int32');
      for (const k of indices.dataSync()) expect(k >= 0 && k < 16).toBe(true);
      expect(Array.from(vq.encode(x).dataSync())).toEqual(Array.from(zQ.dataSync()));
      const a = vq.decode(zQ).dataSync();
      const b = vq.decodeIndices(vq.encodeIndices(x)).dataSync();
      expect(a.length).toBe(6 * 784);
      for (let i = 0; i < a.length; i += 53) expect(b[i]).toBeCloseTo(a[i], 6);
      // An edited index changes the picture.
      const edited = tf.tensor2d([[0, 1, 2, 3]], [1, 4], 'int32');
      const other = tf.tensor2d([[15, 14, 13, 12]], [1, 4], 'int32');
      const diff = tf.sum(tf.abs(tf.sub(vq.decodeIndices(edited), vq.decodeIndices(other)))).dataSync()[0];
      expect(diff).toBeGreaterThan(0);
    });
    expect(vq.codebook.shape).toEqual([16, 3]);
    expect(vq.variables).toContain(vq.codebook);
    vq.dispose();
  });

  it('validates K in 8..512 and defaults the commitment weight', () => {
    expect(checkConfig(DEFAULT_VQ_CONFIG).ok).toBe(true);
    const tooSmall = checkConfig({ ...DEFAULT_VQ_CONFIG, model: { ...DEFAULT_VQ_CONFIG.model, codebookSize: 4 } });
    expect(!tooSmall.ok && tooSmall.problems.map((p) => p.path)).toEqual(['model.codebookSize']);
    expect(checkConfig({ ...DEFAULT_VQ_CONFIG, model: { ...DEFAULT_VQ_CONFIG.model, codebookSize: 513 } }).ok).toBe(false);
    const { commitment: _c, ...rest } = DEFAULT_VQ_CONFIG.model;
    const defaulted = checkConfig({ ...DEFAULT_VQ_CONFIG, model: rest });
    expect(defaulted.ok && defaulted.config.model.kind === 'vq' && defaulted.config.model.commitment).toBe(0.25);
  });
});
