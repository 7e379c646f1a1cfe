import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { imagesToFloat } from '../data/dataset';
import { loadMnistNode } from '../data/mnistNode';
import { seededSubset } from '../data/rng';
import { useWasmInNode } from '../train/nodeBackend';
import type { MnistData } from '../train/types';
import {
  blendsOfDifferentDigits,
  classifyDigits,
  createDigitClassifier,
  digitLikeFraction,
  trainDigitClassifier,
} from './digitClassifier';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

it('learns real digits, is confident on most test digits and on fewer blends of two, and frees its tensors', async () => {
  const baseline = tf.memory().numTensors;
  const rows = seededSubset(60000, 5000, 3);
  const labels = Uint8Array.from(rows, (r) => data.trainLabels[r]);
  const classifier = createDigitClassifier(1, 64);
  const untrained = await classifyDigits(classifier, imagesToFloat(data.testImages.subarray(0, 1000 * 784), null), 1000);
  trainDigitClassifier(classifier, imagesToFloat(data.trainImages, rows), labels, { epochs: 4, learningRate: 0.003, seed: 1 });
  const test = imagesToFloat(data.testImages.subarray(0, 1000 * 784), null);
  const testLabels = data.testLabels.subarray(0, 1000);
  const judged = await classifyDigits(classifier, test, 1000);
  const accuracy = judged.label.filter((l, i) => l === testLabels[i]).length / 1000;
  // Chance is 10%; an untrained net is near it, 5,000 digits and 2 epochs reach about 90%.
  expect(untrained.label.filter((l, i) => l === testLabels[i]).length / 1000).toBeLessThan(0.3);
  expect(accuracy).toBeGreaterThan(0.85);
  const blends = blendsOfDifferentDigits(test, testLabels, 500, 2);
  const blended = await classifyDigits(classifier, blends, 500);
  const real = digitLikeFraction(judged.confidence);
  const mixed = digitLikeFraction(blended.confidence);
  expect(real).toBeGreaterThan(0.6);
  expect(mixed).toBeLessThan(real - 0.2);
  classifier.dispose();
  expect(tf.memory().numTensors).toBe(baseline);
});

it('blends average two digits of different classes pixel by pixel', () => {
  const images = Float32Array.from({ length: 3 * 784 }, (_, i) => (i < 784 ? 1 : i < 2 * 784 ? 0 : 0.5));
  const blends = blendsOfDifferentDigits(images, Uint8Array.from([4, 4, 7]), 5, 1);
  // Every pair mixes image 2 (label 7) with image 0 or 1 (label 4): 0.75 or 0.25 everywhere.
  for (const v of blends) expect([0.75, 0.25]).toContain(v);
  expect(digitLikeFraction(Float32Array.from([0.95, 0.5, 0.9, 0.1]))).toBe(0.5);
});
