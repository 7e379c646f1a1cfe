/**
 * Visualization (issue 5): reduce the digits to a 32-number code with an autoencoder, then to
 * 2-D with UMAP; compare with UMAP of the raw pixels and with PCA-2. Measured: seconds each
 * map takes and the 5-nearest-neighbour accuracy (leave-one-out) of each 2-D map.
 */
import { expect, it } from 'vitest';
import { knnLeaveOneOutAccuracy } from '../src/core/analysis/knn';
import { fitPca, pcaProject } from '../src/core/analysis/pca';
import { umap2d } from '../src/core/analysis/embedding';
import { DEFAULT_CONFIG, type LabConfig } from '../src/core/config';
import { imagesToFloat } from '../src/core/data/dataset';
import { loadMnistNode } from '../src/core/data/mnistNode';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import { Trainer } from '../src/core/train/trainer';
import { writeQualityTable } from './report';

const MAPPED = 5000;
const EPOCHS = 5;

it('UMAP of autoencoder codes vs UMAP of pixels vs PCA-2', async () => {
  const t0 = performance.now();
  await useWasmInNode();
  const data = loadMnistNode();
  const config: LabConfig = {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [256, 64], codeSize: 32 },
    train: { ...DEFAULT_CONFIG.train, trainSize: 60000, batchSize: 256, learningRate: 0.002, seed: 1 },
  };
  const trainer = new Trainer(data, config);
  const tTrain = performance.now();
  trainer.steps(Math.ceil((EPOCHS * 60000) / 256));
  await trainer.readTrainMetrics();
  const trainS = (performance.now() - tTrain) / 1000;

  const pixels = imagesToFloat(data.testImages.subarray(0, MAPPED * 784), null);
  const labels = data.testLabels.subarray(0, MAPPED);
  const timed = async <T,>(f: () => T | Promise<T>): Promise<[T, number]> => {
    const s = performance.now();
    const r = await f();
    return [r, (performance.now() - s) / 1000];
  };
  const [codes, encodeS] = await timed(() => trainer.encode(pixels, MAPPED));
  trainer.dispose();
  const [umapCodes, umapCodesS] = await timed(() => umap2d(codes, MAPPED, 32, { seed: 1 }).points);
  const [umapPixels, umapPixelsS] = await timed(() => umap2d(pixels, MAPPED, 784, { seed: 1 }).points);
  const [pca2, pcaS] = await timed(() => pcaProject(fitPca(pixels, MAPPED, 784, 2), pixels, MAPPED));
  const [pca32, pca32S] = await timed(() => pcaProject(fitPca(pixels, MAPPED, 784, 32), pixels, MAPPED));
  const [umapPca32, umapPca32S] = await timed(() => umap2d(pca32, MAPPED, 32, { seed: 1 }).points);
  const acc = (p: Float32Array) => knnLeaveOneOutAccuracy(p, labels, 2, 5);
  const rows = [
    ['PCA-2 of the pixels', pcaS, acc(pca2)],
    ['UMAP of the pixels (784 numbers)', umapPixelsS, acc(umapPixels)],
    ['UMAP of PCA-32 of the pixels', pca32S + umapPca32S, acc(umapPca32)],
    [`UMAP of the autoencoder's 32-number codes (+ ${encodeS.toFixed(2)} s to encode)`, umapCodesS + encodeS, acc(umapCodes)],
  ];
  writeQualityTable({
    name: 'visualization',
    title: 'Visualization: autoencoder, then UMAP',
    budget:
      `autoencoder 784-256-64-32 (ReLU, sigmoid output, BCE, Adam 0.002, batch 256, seed 1) trained ${EPOCHS} epochs on all ` +
      `60,000 training digits in ${trainS.toFixed(0)} s; maps of the first ${MAPPED.toLocaleString('en')} test digits; UMAP (umap-js 1.4, 15 neighbours, min_dist 0.1, 500 epochs, seed 1).`,
    columns: ['map', 'seconds', '5-NN accuracy on the map'],
    rows,
    notes: [
      'Seconds are wall time on a shared machine (compare within the table, not across runs); training the autoencoder is not included.',
    ],
    seconds: (performance.now() - t0) / 1000,
  });
  expect(acc(umapCodes)).toBeGreaterThan(acc(pca2));
});
