/**
 * The VAE lessons' claims, measured on their presets as the lab trains them (the engine's own
 * step and measure, core/train/vaeEngine.ts), with the broken models the claims must reject:
 *
 * - lesson 12 `vae`: 784-256-64-2, β = 1, 10,000 training digits: the live test ELBO (the
 *   first 1,000 test digits, nats per image) and the share of the 10 x 10 prior-quantile
 *   cells no live test code falls in; against β = 0 (the same network with no KL term: a
 *   noisy plain autoencoder, its codes free to drift away from the prior).
 * - lesson 16 `beta-vae-traversal`: 784-256-64-8, β = 4: KL per code dimension and how many
 *   dimensions carry more than 0.1 nats; against β = 1.
 *
 * Budget knob: EPOCHS (default 10).
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { IMAGE_SIZE, kindModel, type VaeModelConfig } from '../src/core/config';
import { imagesToFloat, pixelMoments } from '../src/core/data/dataset';
import { loadMnistNode } from '../src/core/data/mnistNode';
import { seededSubset } from '../src/core/data/rng';
import { outputBiasForMean } from '../src/core/models/denseStack';
import { BatchOrder } from '../src/core/train/batchOrder';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import { createOptimizer, disposeOptimizer } from '../src/core/train/optimizers';
import { createVaeEngine } from '../src/core/kinds/vae/engine';
import { writeQualityTable } from './report';

const EPOCHS = Number(process.env.EPOCHS ?? 10);
const TRAIN = 10000;
const BATCH = 100;

it('VAE lessons: live ELBO, holes and used code dimensions on the lesson presets', async () => {
  const t0 = performance.now();
  await useWasmInNode();
  const data = loadMnistNode();
  const live = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, 1000 * IMAGE_SIZE), null), [1000, IMAGE_SIZE]);
  const liveLabels = tf.tensor1d(Array.from(data.testLabels.subarray(0, 1000)), 'int32');
  const rows: (string | number)[][] = [];
  const results: Record<string, Record<string, number>[]> = {};

  const runs: { name: string; model: Partial<VaeModelConfig> }[] = [
    { name: 'lesson 12: 2-D, β = 1', model: { codeSize: 2, beta: 1 } },
    { name: 'broken: 2-D, β = 0', model: { codeSize: 2, beta: 0 } },
    { name: 'lesson 16: 8-D, β = 4', model: { codeSize: 8, beta: 4 } },
    { name: 'compare: 8-D, β = 1', model: { codeSize: 8, beta: 1 } },
  ];
  for (const r of runs) {
    const spec = kindModel('vae', { encoderLayers: [256, 64], ...r.model });
    const seed = 1;
    const indices = seededSubset(data.trainCount, TRAIN, seed);
    const pixels = imagesToFloat(data.trainImages, indices);
    const images = tf.tensor2d(pixels, [TRAIN, IMAGE_SIZE]);
    const engine = createVaeEngine(spec, seed, outputBiasForMean(pixelMoments(pixels).mean, 'sigmoid'));
    const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 0.001, momentum: 0.9 });
    const order = new BatchOrder(TRAIN, BATCH, seed);
    const labels = tf.zeros([BATCH], 'int32') as tf.Tensor1D;
    results[r.name] = [];
    let step = 0;
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      for (let i = 0; i < TRAIN / BATCH; i++, step++) {
        const rowsOf = order.next();
        tf.tidy(() => engine.trainStep(tf.gather(images, tf.tensor1d(rowsOf, 'int32')) as tf.Tensor2D, { model: spec, step, seed, optimizer, labels }));
      }
      const m = tf.tidy(() => engine.measure(live, liveLabels));
      const values = Array.from(await m.data());
      m.dispose();
      const named = Object.fromEntries(engine.measureNames.map((n, i) => [n, values[i]]));
      results[r.name].push(named);
      const perDim = engine.measureNames.filter((n) => /^kl\d/.test(n)).map((n) => named[n].toFixed(2)).join(' ');
      const row = [r.name, String(epoch), named.elbo, named.reconstruction, named.kl, named.emptyCells ?? '', String(named.activeDimensions), perDim];
      if (epoch === 1 || epoch === 2 || epoch % 2 === 0) rows.push(row);
      console.log(row.join(' | '));
    }
    labels.dispose();
    disposeOptimizer(optimizer);
    engine.dispose();
    images.dispose();
  }
  live.dispose();
  liveLabels.dispose();
  const last = (name: string) => results[name][EPOCHS - 1];
  writeQualityTable({
    name: 'vaeLessons',
    title: 'The VAE lessons (12 `vae`, 16 `beta-vae-traversal`) on their presets, live figures',
    budget:
      `${EPOCHS} epochs over ${TRAIN.toLocaleString('en')} training digits (seed 1), batch ${BATCH}, Adam 0.001, ReLU 784-256-64-code; ` +
      'figures on the first 1,000 test digits (the lab\'s live test set) after each epoch, as the lab\'s engine measures them ' +
      '(one seeded z sample per digit; ELBO, reconstruction and KL in nats per image; empty cells of the 10 x 10 grid at the ' +
      "prior's quantiles; dimensions with KL > 0.1 nats).",
    columns: ['model', 'epoch', 'ELBO', 'reconstruction', 'KL', 'empty cells', 'used dimensions', 'KL per dimension'],
    rows,
    notes: [
      `Lesson 12 after ${EPOCHS} epochs: ELBO ${last('lesson 12: 2-D, β = 1').elbo.toFixed(1)}, empty cells ` +
        `${(100 * last('lesson 12: 2-D, β = 1').emptyCells).toFixed(0)}%; with β = 0: ELBO ${last('broken: 2-D, β = 0').elbo.toFixed(1)}, ` +
        `empty cells ${(100 * last('broken: 2-D, β = 0').emptyCells).toFixed(0)}%.`,
      `Lesson 16 after ${EPOCHS} epochs: β = 4 uses ${last('lesson 16: 8-D, β = 4').activeDimensions} of 8 dimensions, ` +
        `β = 1 uses ${last('compare: 8-D, β = 1').activeDimensions}.`,
    ],
    seconds: (performance.now() - t0) / 1000,
  });
  expect(last('lesson 12: 2-D, β = 1').elbo).toBeGreaterThan(-175);
});
