/**
 * The PCA baseline on real MNIST, in the autoencoder's units, as the worker computes it.
 */
import { describe, expect, it } from 'vitest';
import { IMAGE_SIZE } from '../core/config';
import { loadMnistNode } from '../core/data/mnistNode';
import { seededSubset } from '../core/data/rng';
import { scorePcaBaseline } from './pcaBaseline';

function subset(images: Uint8Array, indices: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(indices.length * IMAGE_SIZE);
  for (let r = 0; r < indices.length; r++) out.set(images.subarray(indices[r] * IMAGE_SIZE, (indices[r] + 1) * IMAGE_SIZE), r * IMAGE_SIZE);
  return out;
}

describe('scorePcaBaseline', () => {
  it('scores PCA-2 and PCA-30 on the live test subset', () => {
    const d = loadMnistNode();
    const n = 5000;
    const train = subset(d.trainImages, seededSubset(60000, n, 1));
    const m = 1000;
    const test = d.testImages.subarray(0, m * IMAGE_SIZE);
    const two = scorePcaBaseline(train, n, test, m, 2);
    const thirty = scorePcaBaseline(train, n, test, m, 30);
    // PCA-2 keeps little of a digit; PCA-30 about 4x less error (Hinton & Salakhutdinov: 13.87 on all of MNIST).
    // Measured: 42.5 and 14.3 (first 1,000 test digits, 5,000 training digits, seed 1).
    expect(two.testSquaredError).toBeGreaterThan(38);
    expect(two.testSquaredError).toBeLessThan(48);
    expect(thirty.testSquaredError).toBeGreaterThan(12);
    expect(thirty.testSquaredError).toBeLessThan(16);
    for (const s of [two, thirty]) {
      expect(s.testLossMse).toBeCloseTo(s.testSquaredError / IMAGE_SIZE, 10);
      expect(Number.isFinite(s.testLossBce)).toBe(true);
    }
    // Measured: 0.225 and 0.120 per pixel.
    expect(two.testLossBce).toBeGreaterThan(0.18);
    expect(two.testLossBce).toBeLessThan(0.27);
    expect(thirty.testLossBce).toBeGreaterThan(0.09);
    expect(thirty.testLossBce).toBeLessThan(0.15);
  });

  it('places the scatter digits on the PCA-2 map from the same fit, without changing the baseline', () => {
    const d = loadMnistNode();
    const n = 3000;
    const train = subset(d.trainImages, seededSubset(60000, n, 1));
    const m = 500;
    const test = d.testImages.subarray(0, m * IMAGE_SIZE);
    const s = 2000;
    const scatter = { images: d.testImages.subarray(0, s * IMAGE_SIZE), labels: d.testLabels.subarray(0, s), n: s };
    // Code size 1 fits two components for the map, but scores the baseline on the first only.
    const plain = scorePcaBaseline(train, n, test, m, 1);
    const withMap = scorePcaBaseline(train, n, test, m, 1, scatter);
    expect(withMap.testSquaredError).toBeCloseTo(plain.testSquaredError, 3);
    const two = scorePcaBaseline(train, n, test, m, 2, scatter);
    const map = two.map!;
    expect(map.n).toBe(s);
    expect(map.points.length).toBe(2 * s);
    // The map equals the code of a k = 2 fit scored without the map: same error either way.
    expect(two.testSquaredError).toBeCloseTo(scorePcaBaseline(train, n, test, m, 2).testSquaredError, 3);
    // Centred projections: the map's mean is near zero, its spread is that of digits (norms of a few units).
    let mx = 0;
    let my = 0;
    for (let i = 0; i < s; i++) {
      mx += map.points[2 * i] / s;
      my += map.points[2 * i + 1] / s;
    }
    expect(Math.abs(mx)).toBeLessThan(0.5);
    expect(Math.abs(my)).toBeLessThan(0.5);
    // PCA-2 separates the digits poorly but far better than chance (0.1).
    console.log(`PCA-2 map 5-NN leave-one-out accuracy on ${s} test digits: ${map.knnAccuracy.toFixed(3)}`);
    expect(map.knnAccuracy).toBeGreaterThan(0.3);
    expect(map.knnAccuracy).toBeLessThan(0.6);
  });

  it('a code of 784 numbers or more is compared with the exact copy (all 784 components), without the slow full fit', () => {
    const d = loadMnistNode();
    const n = 2000;
    const train = subset(d.trainImages, seededSubset(60000, n, 1));
    const m = 200;
    const test = d.testImages.subarray(0, m * IMAGE_SIZE);
    const scatter = { images: d.testImages.subarray(0, 300 * IMAGE_SIZE), labels: d.testLabels.subarray(0, 300), n: 300 };
    const t0 = performance.now();
    const copy = scorePcaBaseline(train, n, test, m, 1000, scatter);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(copy.codeSize).toBe(1000);
    expect(copy.testSquaredError).toBe(0);
    // BCE of x against itself: the pixels' own entropy, small (most pixels are 0 or 1) but above 0.
    expect(copy.testLossBce).toBeGreaterThan(0.01);
    expect(copy.testLossBce).toBeLessThan(scorePcaBaseline(train, n, test, m, 30).testLossBce);
    // The PCA-2 map is still fitted, the same as with a small code.
    expect(copy.map?.knnAccuracy).toBeCloseTo(scorePcaBaseline(train, n, test, m, 2, scatter).map!.knnAccuracy, 6);
    expect(scorePcaBaseline(train, n, test, m, 784).testSquaredError).toBe(0);
  });
});
