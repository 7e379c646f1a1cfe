/**
 * Similar-image search (lesson similar-image-search): precision@10 of 1,000 test queries
 * (the first 1,000 test digits) searched among the lesson's training subset, in pixels, in
 * PCA codes and in the autoencoder's codes of the same size, with the time and memory each
 * search costs. The lesson's claim is set from this table.
 */
import { expect, it } from 'vitest';
import { searchScore, type SearchScore } from '../src/core/analysis/imageSearch';
import { fitPca, pcaProject } from '../src/core/analysis/pca';
import { DEFAULT_CONFIG, IMAGE_SIZE, type LabConfig } from '../src/core/config';
import { imagesToFloat } from '../src/core/data/dataset';
import { loadMnistNode } from '../src/core/data/mnistNode';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import { Trainer } from '../src/core/train/trainer';
import { writeQualityTable } from './report';

const QUERIES = 1000;
const K = 10;
const EPOCHS = [1, 2, 3, 5];

it('image search: precision@10 in pixels, PCA codes and autoencoder codes', async () => {
  const t0 = performance.now();
  await useWasmInNode();
  const data = loadMnistNode();
  const config: LabConfig = {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [256, 64], codeSize: 32 },
    train: { ...DEFAULT_CONFIG.train, trainSize: 10000, seed: 1 },
  };
  const trainer = new Trainer(data, config);
  const n = trainer.trainIndices.length;
  const reference = imagesToFloat(data.trainImages, trainer.trainIndices);
  const referenceLabels = Uint8Array.from(trainer.trainIndices, (i) => data.trainLabels[i]);
  const queries = imagesToFloat(data.testImages.subarray(0, QUERIES * IMAGE_SIZE), null);
  const queryLabels = data.testLabels.subarray(0, QUERIES);
  const k = config.model.codeSize;

  const rows: (string | number)[][] = [];
  const row = (what: string, s: SearchScore) =>
    rows.push([what, s.dims, s.precision, s.msPerQuery, s.bytes / 1e6]);
  const pixels = searchScore(reference, referenceLabels, queries, queryLabels, IMAGE_SIZE, K);
  row('pixels', pixels);
  const pca = fitPca(reference, n, IMAGE_SIZE, k);
  const pcaScore = searchScore(pcaProject(pca, reference, n), referenceLabels, pcaProject(pca, queries, QUERIES), queryLabels, k, K);
  row(`PCA-${k}`, pcaScore);
  const stepsPerEpoch = Math.ceil(n / config.train.batchSize);
  let ae: SearchScore | undefined;
  for (let epoch = 1; epoch <= EPOCHS[EPOCHS.length - 1]; epoch++) {
    trainer.steps(stepsPerEpoch);
    await trainer.readTrainMetrics();
    if (!EPOCHS.includes(epoch)) continue;
    const codes = await trainer.encode(reference, n);
    const queryCodes = await trainer.encode(queries, QUERIES);
    ae = searchScore(codes, referenceLabels, queryCodes, queryLabels, k, K);
    row(`autoencoder-${k}, ${epoch} epoch${epoch > 1 ? 's' : ''}`, ae);
  }
  trainer.dispose();
  writeQualityTable({
    name: 'imageSearch',
    title: 'Similar-image search: precision@10 in pixels, PCA codes and autoencoder codes',
    budget:
      `784-256-64-${k} autoencoder (ReLU, linear code, sigmoid output, BCE, Adam 0.002, batch 64, seed 1) trained on a ` +
      `seeded subset of ${n} training digits; ${QUERIES} queries (the first test digits), each searched among the same ${n} ` +
      `training digits by Euclidean distance; PCA-${k} fitted on that subset.`,
    columns: ['representation', 'numbers per image', 'precision@10', 'ms per query', 'reference set, MB'],
    rows,
    notes: [
      `The codes are ${IMAGE_SIZE / k}x smaller than the pixels, and a search over them is about that much faster. ` +
        'Hinton & Salakhutdinov (2006) report the same kind of comparison for documents (their Fig. 4).',
    ],
    seconds: (performance.now() - t0) / 1000,
  });
  expect(pixels.precision).toBeGreaterThan(0.8);
  expect(ae && ae.precision).toBeGreaterThan(0.5);
});
