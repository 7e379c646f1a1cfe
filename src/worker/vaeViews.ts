/**
 * What the VAE lessons ask of the lab worker beyond the shared views: decoding the latent grid
 * at the prior's quantiles, codes drawn from the prior (the "Sample" button), a latent
 * traversal (one row per code dimension) and a plain autoencoder of the same shape trained on
 * the same digits for the side-by-side grids. Plain functions of a Trainer; the lab worker
 * (lab.worker.ts) calls them and transfers the buffers.
 */
import * as tf from '@tensorflow/tfjs';
import { boxCellEdges, emptyCellShare, priorCellEdges } from '../core/analysis/latentCoverage';
import { DEFAULT_CONFIG, fullModel, IMAGE_SIZE, type LabConfig } from '../core/config';
import { imagesToFloat } from '../core/data/dataset';
import { priorQuantileGrid, samplePrior } from '../core/models/priorCodes';
import { HOLES_GRID_SIDE } from '../core/kinds/vae/engine';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { PlainComparison, PriorSamples, Traversal } from './api';
import { paddedExtent } from './codeMap';
import { tick } from './runMeter';

/** [side², 784] the model's images at the prior-quantile grid over code numbers 0 and 1. */
export function decodePriorGrid(trainer: Trainer, side: number): Promise<Float32Array> {
  if (trainer.codeSize < 2) throw new RangeError('The grid at the prior quantiles needs a code of at least 2 numbers.');
  return trainer.decode(priorQuantileGrid(side, trainer.codeSize), side * side);
}

/** `count` codes drawn from N(0, I) with this seed, and their images. */
export async function decodePriorSamples(trainer: Trainer, count: number, seed: number): Promise<PriorSamples> {
  const codes = samplePrior(count, trainer.codeSize, seed);
  return { codes, images: await trainer.decode(codes, count), count, codeSize: trainer.codeSize };
}

/**
 * Test digit `digit`'s code, then for each code number j a row of images with code[j] set to
 * each of `values` (the other numbers kept): [codeSize * values.length, 784], row j first.
 */
export async function traverse(trainer: Trainer, data: MnistData, digit: number, values: readonly number[]): Promise<Traversal> {
  if (!Number.isInteger(digit) || digit < 0 || digit >= data.testCount) throw new RangeError(`test digit ${digit} is not in 0..${data.testCount - 1}`);
  const image = imagesToFloat(data.testImages.subarray(digit * IMAGE_SIZE, (digit + 1) * IMAGE_SIZE), null);
  const code = await trainer.encode(image, 1);
  const d = trainer.codeSize;
  const codes = new Float32Array(d * values.length * d);
  for (let j = 0; j < d; j++) {
    values.forEach((v, k) => {
      const at = (j * values.length + k) * d;
      codes.set(code, at);
      codes[at + j] = v;
    });
  }
  return { digit, label: data.testLabels[digit], code: Float32Array.from(code), values: [...values], images: await trainer.decode(codes, d * values.length) };
}

/** Share of the 10 x 10 cells (prior quantiles, or the codes' own padded box) no code falls in. */
async function holes(codes: Float32Array, n: number, cells: 'prior' | 'box', box?: { xMin: number; xMax: number; yMin: number; yMax: number }): Promise<number> {
  const side = HOLES_GRID_SIDE;
  const x = cells === 'prior' || !box ? priorCellEdges(side) : boxCellEdges(box.xMin, box.xMax, side);
  const y = cells === 'prior' || !box ? priorCellEdges(side) : boxCellEdges(box.yMin, box.yMax, side);
  const share = tf.tidy(() => emptyCellShare(tf.tensor2d(codes, [n, 2]), x, y));
  const v = (await share.data())[0];
  share.dispose();
  return v;
}

/**
 * A plain autoencoder of the VAE's shape (kind 'mlp', same layers, code size, seed, digits and
 * optimizer) trained for `epochs` epochs, yielding between chunks; then its grid over its own
 * codes' range (as the lab draws a plain model's grid) and over the prior's quantiles, side x
 * side each, and the holes of both (10 x 10 cells, the 1,000 live test digits). Disposed after.
 * @param stopIf polled between chunks: a new run or configuration abandons the comparison
 */
export async function comparePlain(data: MnistData, vae: LabConfig, epochs: number, side: number, stopIf: () => boolean): Promise<PlainComparison | undefined> {
  if (vae.model.codeSize !== 2) throw new RangeError('The side-by-side grids compare 2-number codes: set the code size to 2.');
  const t0 = performance.now();
  const { encoderLayers, codeSize, hiddenActivation, outputActivation, loss } = fullModel(vae.model);
  const plainModel = { ...DEFAULT_CONFIG.model, encoderLayers, codeSize, hiddenActivation, outputActivation, loss };
  const config: LabConfig = { model: plainModel, train: vae.train };
  const plain = new Trainer(data, config);
  try {
    const steps = Math.ceil((epochs * config.train.trainSize) / config.train.batchSize);
    for (let done = 0; done < steps; done += 20) {
      plain.steps(Math.min(20, steps - done));
      await plain.readTrainMetrics();
      await tick();
      if (stopIf()) return undefined;
    }
    const test = await plain.evaluateTest('live');
    const codes = await plain.encodeResident('liveTest');
    const n = codes.length / plain.codeSize;
    // The grid over the codes' own range (a 2-number code is the map itself), as the lab draws it.
    const extent = paddedExtent(codes, n);
    const points = new Float32Array(2 * side * side);
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        points[2 * (r * side + c)] = extent.xMin + ((c + 0.5) * (extent.xMax - extent.xMin)) / side;
        points[2 * (r * side + c) + 1] = extent.yMax - ((r + 0.5) * (extent.yMax - extent.yMin)) / side;
      }
    }
    return {
      epochs,
      side,
      testLoss: test.testLoss,
      boxGrid: await plain.decode(points, side * side),
      quantileGrid: await plain.decode(priorQuantileGrid(side, plain.codeSize), side * side),
      emptyBox: await holes(codes, n, 'box', extent),
      emptyQuantile: await holes(codes, n, 'prior'),
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    plain.dispose();
  }
}
