import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config';
import { imagesToFloat, pixelMoments } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { seededSubset } from '../../data/rng';
import { BatchOrder } from '../../train/batchOrder';
import { conditionalMeasures, conditionalStep } from './objective';
import { meanPixelLoss } from '../../train/losses';
import { useWasmInNode } from '../../train/nodeBackend';
import type { MnistData } from '../../train/types';
import { leaveOneOutKnnAccuracy, readAsLabel, swapLabels } from '../../analysis/styleMeasures';
import { conditionedCode, createConditionalAutoencoder, styleSwap, type ConditionalSpec as ConditionalModelConfig } from './model';
import { createMlpAutoencoder } from '../mlp/model';
import { outputBiasForMean } from '../../models/denseStack';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

const small: ConditionalModelConfig = { encoderLayers: [16], codeSize: 3, hiddenActivation: 'relu', outputActivation: 'sigmoid', loss: 'bce' };
const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('conditional autoencoder', () => {
  it('the decoder input is the code with the one-hot label appended', () => {
    tf.tidy(() => {
      const z = tf.tensor2d([[0.5, -1], [2, 3]]);
      const got = conditionedCode(z, tf.tensor1d([2, 0], 'int32'));
      expect(got.shape).toEqual([2, 12]);
      expect(values(got)).toEqual([0.5, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(() => conditionedCode(z, tf.tensor1d([1], 'int32'))).toThrow(/2 codes but 1 labels/);
    });
  });

  it('shapes: 784 -> 16 -> 3 and 3 + 10 -> 16 -> 784; the label changes the drawing', () => {
    const model = createConditionalAutoencoder(small, 1);
    expect(model.variables.map((v) => v.shape)).toEqual([[784, 16], [16], [16, 3], [3], [13, 16], [16], [16, 784], [784]]);
    tf.tidy(() => {
      const x = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, 2 * 784), null), [2, 784]);
      const code = model.encode(x);
      expect(code.shape).toEqual([2, 3]);
      const asThree = model.decode(code, tf.tensor1d([3, 3], 'int32'));
      const asFive = model.decode(code, tf.tensor1d([5, 5], 'int32'));
      expect(asThree.shape).toEqual([2, 784]);
      expect(tf.max(tf.abs(tf.sub(asThree, asFive))).dataSync()[0]).toBeGreaterThan(1e-4);
      // decode is the sigmoid of decodeLogits.
      const logits = model.decodeLogits(code, tf.tensor1d([3, 3], 'int32'));
      expect(tf.max(tf.abs(tf.sub(tf.sigmoid(logits), asThree))).dataSync()[0]).toBeLessThan(1e-6);
    });
    model.dispose();
  });

  it('style swap: row r is code r // 10 drawn as digit r % 10', () => {
    const model = createConditionalAutoencoder(small, 2);
    tf.tidy(() => {
      const codes = tf.tensor2d([[0.1, 0.2, 0.3], [-1, 0, 1]]);
      const grid = styleSwap(model, codes);
      expect(grid.shape).toEqual([20, 784]);
      const row13 = grid.slice([13, 0], [1, 784]);
      const direct = model.decode(codes.slice([1, 0], [1, 3]) as tf.Tensor2D, tf.tensor1d([3], 'int32'));
      expect(tf.max(tf.abs(tf.sub(row13, direct))).dataSync()[0]).toBeLessThan(1e-6);
    });
    model.dispose();
  });

  it('a step, a decode, the measures and dispose leak no tensor', () => {
    const start = tf.memory().numTensors;
    const model = createConditionalAutoencoder(small, 3);
    const optimizer = tf.train.adam(0.01);
    const x = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, 40 * 784), null), [40, 784]);
    const y = tf.tensor1d(Int32Array.from(data.testLabels.subarray(0, 40)), 'int32');
    for (const codeL2 of [0, 0.02]) tf.tidy(() => conditionalStep(model, optimizer, x, y, codeL2)).dispose();
    const afterFirst = tf.memory().numTensors;
    for (const codeL2 of [0, 0.02]) {
      const loss = tf.tidy(() => conditionalStep(model, optimizer, x, y, codeL2));
      expect(loss.shape).toEqual([]);
      loss.dispose();
    }
    expect(tf.memory().numTensors).toBe(afterFirst);
    tf.dispose([tf.tidy(() => model.decode(model.encode(x), y)), tf.tidy(() => styleSwap(model, model.encode(x)))]);
    const measures = tf.tidy(() => conditionalMeasures(model, x, y));
    expect(measures.shape).toEqual([3]);
    measures.dispose();
    expect(tf.memory().numTensors).toBe(afterFirst);
    model.dispose();
    tf.dispose([x, y]);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('the reported loss is the reconstruction part; the penalty still shapes the gradient', () => {
    const a = createConditionalAutoencoder(small, 4);
    const b = createConditionalAutoencoder(small, 4);
    const [oa, ob] = [tf.train.sgd(0.1), tf.train.sgd(0.1)];
    tf.tidy(() => {
      const x = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, 16 * 784), null), [16, 784]);
      const y = tf.tensor1d(Int32Array.from(data.testLabels.subarray(0, 16)), 'int32');
      const before = meanPixelLoss(a.decodeLogits(a.encode(x), y), x, small).dataSync()[0];
      expect(conditionalStep(a, oa, x, y, 0).dataSync()[0]).toBeCloseTo(before, 5);
      expect(conditionalStep(b, ob, x, y, 0.5).dataSync()[0]).toBeCloseTo(before, 5);
      // Same start, same batch: only the penalty differs, so the codes' size does.
      const size = (m: typeof a) => tf.mean(tf.sum(tf.square(m.encode(x)), 1)).dataSync()[0];
      expect(size(b)).toBeLessThan(size(a));
    });
    a.dispose();
    b.dispose();
    oa.dispose();
    ob.dispose();
  });
});

describe('conditional vs plain autoencoder on real digits (3,000 digits, 2 epochs)', () => {
  it('the code keeps less of the label, and swapped codes draw the digit asked for', () => {
    const n = 3000;
    const indices = seededSubset(60000, n, 5);
    const pixels = imagesToFloat(data.trainImages, indices);
    const bias = outputBiasForMean(pixelMoments(pixels).mean, 'sigmoid');
    const spec = { ...DEFAULT_CONFIG.model, encoderLayers: [128], codeSize: 4, hiddenActivation: 'relu' as const };
    const cond = createConditionalAutoencoder(spec, 5, 784, bias);
    const plain = createMlpAutoencoder(spec, 5, 784, bias);
    const [oc, op] = [tf.train.adam(0.002), tf.train.adam(0.002)];
    const X = tf.tensor2d(pixels, [n, 784]);
    const Y = tf.tensor1d(Int32Array.from(indices, (i) => data.trainLabels[i]), 'int32');
    const order = new BatchOrder(n, 64, 5);
    for (let s = 0; s < (2 * n) / 64; s++) {
      const rows = order.next();
      tf.tidy(() => {
        const r = tf.tensor1d(rows, 'int32');
        const x = tf.gather(X, r) as tf.Tensor2D;
        conditionalStep(cond, oc, x, tf.gather(Y, r) as tf.Tensor1D, 0.02);
        op.minimize(() => meanPixelLoss(plain.decodeLogits(plain.encode(x)), x, spec), false, plain.variables);
      });
    }
    const [knn, swap] = tf.tidy(() => {
      const tx = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, 1000 * 784), null), [1000, 784]);
      const ty = tf.tensor1d(Int32Array.from(data.testLabels.subarray(0, 1000)), 'int32');
      const m = values(conditionalMeasures(cond, tx, ty));
      // The plain model's "swap": it has no label input, so its drawing is the reconstruction.
      const plainSwap = readAsLabel(plain.decode(plain.encode(tx)), swapLabels(ty), tx, ty).dataSync()[0];
      const plainKnn = leaveOneOutKnnAccuracy(plain.encode(tx), ty).dataSync()[0];
      return [[m[0], plainKnn], [m[1], plainSwap]];
    });
    console.log(`5-NN label from code: conditional ${knn[0].toFixed(3)}, plain ${knn[1].toFixed(3)}; swaps read as asked: ${swap[0].toFixed(3)} vs ${swap[1].toFixed(3)}`);
    expect(knn[0]).toBeLessThan(knn[1] - 0.15);
    expect(swap[0]).toBeGreaterThan(0.5);
    expect(swap[1]).toBeLessThan(0.15);
    tf.dispose([X, Y]);
    cond.dispose();
    plain.dispose();
    oc.dispose();
    op.dispose();
  });
});
