/**
 * The contract between the training engine (core/train/trainer.ts) and the worker.
 * Plain TypeScript types; the engine itself uses tfjs on whatever backend is set.
 */
import type { Message } from '../messages';

/** All of MNIST as raw bytes, as the idx files hold them. */
export interface MnistData {
  /** [trainCount, 784] uint8 pixels, row-major. */
  trainImages: Uint8Array;
  /** [trainCount] digit labels 0-9. */
  trainLabels: Uint8Array;
  /** [testCount, 784] */
  testImages: Uint8Array;
  testLabels: Uint8Array;
  trainCount: number;
  testCount: number;
}

/** Metrics of one read-back. Loss values are per pixel; squared error is per image. */
export interface TrainMetrics {
  step: number;
  epoch: number;
  samplesSeen: number;
  /** Mean of the training loss over the steps since the previous read-back. */
  trainLoss: number;
}

export interface TestMetrics {
  /** Mean loss per pixel (bce or mse as configured) over the evaluated test images. */
  testLoss: number;
  /** Mean over images of the sum over 784 pixels of (x - x̂)², pixels in [0, 1]. */
  testSquaredError: number;
  count: number;
}

/** Why training stopped by itself. */
export interface Divergence {
  step: number;
  /** 'nan': loss is NaN or infinite. 'exploding': loss far above its best so far. */
  kind: 'nan' | 'exploding';
  loss: number;
  /** What happened and what to try, for the page to word (codes 'diverged.*'). */
  message: Message;
}
