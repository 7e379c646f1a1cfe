/**
 * The convolutional lesson's figures (lesson 11, issue 4): its preset (conv 16-8, a 32-number
 * code, 5,000 training digits) with each of the three decoders, against dense autoencoders with
 * the same code size and against PCA with as many components, at the lesson's budget.
 * `npm run quality -- quality/convLesson.quality.ts` writes docs/quality/convLesson.md.
 */
import { expect, it } from 'vitest';
import { CONV_DECODER_KINDS, DEFAULT_CONFIG, kindModel, type FullModelConfig, type LabConfig } from '../src/core/config';
import { loadMnistNode } from '../src/core/data/mnistNode';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import { Trainer } from '../src/core/train/trainer';
import { scorePcaBaseline } from '../src/worker/pcaBaseline';
import { writeQualityTable } from './report';

const EPOCHS = 3;
const TRAIN_SIZE = 5000;
const BATCH = 64;
const CODE = 32;

function config(model: Partial<FullModelConfig>): LabConfig {
  return {
    model: kindModel(model.kind ?? 'mlp', { codeSize: CODE, ...model }),
    train: { ...DEFAULT_CONFIG.train, trainSize: TRAIN_SIZE, batchSize: BATCH, seed: 1 },
  };
}

it('measures the convolutional lesson against dense autoencoders and PCA of the same code size', async () => {
  const t0 = performance.now();
  await useWasmInNode();
  const data = loadMnistNode();
  const rows: (string | number)[][] = [];
  const models: [string, Partial<FullModelConfig>][] = [
    ...CONV_DECODER_KINDS.map((d): [string, Partial<FullModelConfig>] => [`conv 16-8, ${d}`, { kind: 'conv', encoderLayers: [], convChannels: [16, 8], convDecoder: d }]),
    ['dense 784-32-784', { encoderLayers: [] }],
    ['dense 784-256-64-32-64-256-784', { encoderLayers: [256, 64] }],
  ];
  const finals: Record<string, number> = {};
  let trainer: Trainer | undefined;
  for (const [label, model] of models) {
    trainer = new Trainer(data, config(model));
    const stepsPerEpoch = Math.ceil(TRAIN_SIZE / BATCH);
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      const s0 = performance.now();
      trainer.steps(stepsPerEpoch);
      const train = await trainer.readTrainMetrics();
      const seconds = (performance.now() - s0) / 1000;
      const live = await trainer.evaluateTest('live');
      const full = epoch === EPOCHS ? await trainer.evaluateTest('full') : undefined;
      rows.push([label, epoch, train.trainLoss, live.testLoss, live.testSquaredError, full?.testSquaredError ?? '', seconds]);
      if (full) finals[label] = live.testSquaredError;
    }
    trainer.dispose();
  }
  // PCA with as many components as the code has numbers, fitted on the same training subset.
  const subset = trainer!.trainIndices;
  const pixels = new Uint8Array(subset.length * 784);
  subset.forEach((row, i) => pixels.set(data.trainImages.subarray(row * 784, (row + 1) * 784), i * 784));
  const pca = scorePcaBaseline(pixels, subset.length, data.testImages.subarray(0, 1000 * 784), 1000, CODE);
  rows.push([`PCA-${CODE} (fitted on the same ${TRAIN_SIZE.toLocaleString('en')} digits)`, '', '', pca.testLossBce, pca.testSquaredError, '', pca.fitMs / 1000]);

  writeQualityTable({
    name: 'convLesson',
    title: `Convolutional lesson: conv 16-8 with a ${CODE}-number code, three decoders, against dense autoencoders and PCA-${CODE}`,
    budget:
      `${EPOCHS} epochs over ${TRAIN_SIZE.toLocaleString('en')} training digits (seed 1), batch ${BATCH}, Adam 0.002, BCE, sigmoid output, ReLU; ` +
      'live test = the first 1,000 test digits (what the lesson reads while training), full = all 10,000.',
    columns: ['model', 'epoch', 'train BCE per pixel', 'live test BCE per pixel', 'live test squared error per image', 'full test squared error per image', 'seconds'],
    rows,
    notes: [
      `Live test squared error per image after ${EPOCHS} epochs: ${Object.entries(finals).map(([k, v]) => `${k} ${v.toFixed(2)}`).join('; ')}; PCA-${CODE} ${pca.testSquaredError.toFixed(2)}.`,
      'Max-unpooling decodes with the switches of the digit being reconstructed (where each max sat in the encoder): side information beyond the code, which is why its error is lowest. Decoding a code alone (the latent grid) puts each value at the top-left of its window instead.',
    ],
    seconds: (performance.now() - t0) / 1000,
  });
  expect(finals['conv 16-8, maxUnpool']).toBeLessThan(pca.testSquaredError);
}, 3_600_000);
