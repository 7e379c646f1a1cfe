/**
 * Lesson 16's traversal, measured: for the β-VAE preset (784-256-64-8, β = 4, 10,000 digits)
 * after EPOCHS epochs, each code number's mean KL on the live test digits against how much the
 * decoded image changes along its traversal row (mean over 20 test digits of the summed
 * absolute pixel change between the row's ends, code number at -3 and at +3). The lesson says
 * a switched-off number (little KL) changes its row little.
 */
import { expect, it } from 'vitest';
import { DEFAULT_CONFIG, IMAGE_SIZE, type LabConfig } from '../src/core/config';
import { imagesToFloat } from '../src/core/data/dataset';
import { loadMnistNode } from '../src/core/data/mnistNode';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import { Trainer } from '../src/core/train/trainer';
import { writeQualityTable } from './report';

const EPOCHS = Number(process.env.EPOCHS ?? 5);

it('β-VAE traversal: KL per code number against the change along its row', async () => {
  const t0 = performance.now();
  await useWasmInNode();
  const data = loadMnistNode();
  const config: LabConfig = {
    model: { ...DEFAULT_CONFIG.model, kind: 'vae', encoderLayers: [256, 64], codeSize: 8, beta: 4 },
    train: { ...DEFAULT_CONFIG.train, trainSize: 10000, batchSize: 100, learningRate: 0.001 },
  };
  const trainer = new Trainer(data, config);
  const rows: (string | number)[][] = [];
  const digits = 20;
  const images = imagesToFloat(data.testImages.subarray(0, digits * IMAGE_SIZE), null);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    trainer.steps(100);
    await trainer.readTrainMetrics();
    if (epoch !== 3 && epoch !== EPOCHS) continue;
    const m = (await trainer.measureEngine())!;
    const codes = await trainer.encode(images, digits);
    for (let j = 0; j < 8; j++) {
      const ends = new Float32Array(2 * digits * 8);
      for (let i = 0; i < digits; i++) {
        for (const [k, v] of [[0, -3], [1, 3]] as const) {
          ends.set(codes.subarray(i * 8, (i + 1) * 8), (2 * i + k) * 8);
          ends[(2 * i + k) * 8 + j] = v;
        }
      }
      const out = await trainer.decode(ends, 2 * digits);
      let change = 0;
      for (let i = 0; i < digits; i++) for (let p = 0; p < IMAGE_SIZE; p++) change += Math.abs(out[(2 * i) * IMAGE_SIZE + p] - out[(2 * i + 1) * IMAGE_SIZE + p]);
      rows.push([String(epoch), `z${j + 1}`, m[`kl${j}`], change / digits]);
    }
    console.log(rows.slice(-8).map((r) => r.join(' ')).join('\n'));
  }
  trainer.dispose();
  writeQualityTable({
    name: 'traversal',
    title: 'β-VAE traversal (lesson 16): KL of each code number against the change along its row',
    budget: `lesson 16's preset (784-256-64-8, β = 4, 10,000 digits, batch 100, Adam 0.001, seed 1); after epochs 3 and ${EPOCHS}. Change: mean over the first 20 test digits of the summed absolute pixel difference between the row's two ends (the number at -3 and at +3, the others at the digit's code).`,
    columns: ['epoch', 'code number', 'mean KL (nats)', 'change along the row (pixels)'],
    rows,
    seconds: (performance.now() - t0) / 1000,
  });
  expect(rows.length).toBe(16);
});
