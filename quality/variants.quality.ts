/**
 * Quality table of the autoencoder variants (issue 4), trained headless on the lessons'
 * architectures: the denoising autoencoder's PSNRs for each kind of noise, and the contractive
 * autoencoder's code sensitivity with and without the penalty (same seed and budget).
 * `npm run quality -- quality/variants.quality.ts` writes docs/quality/variants.md.
 */
import { expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, type MlpModelConfig } from '../src/core/config';
import { loadMnistNode } from '../src/core/data/mnistNode';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import { Trainer } from '../src/core/train/trainer';
import type { MnistData } from '../src/core/train/types';
import { writeQualityTable } from './report';

const EPOCHS = 10;
const TRAIN_SIZE = 10000;
const BATCH = 64;
const CHECKPOINTS = [1, 3, EPOCHS];

function config(model: Partial<MlpModelConfig>): LabConfig {
  return {
    model: { ...DEFAULT_CONFIG.model, ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: TRAIN_SIZE, batchSize: BATCH, seed: 1 },
  };
}

/** Trains `c` for EPOCHS, calling `measure` at epoch 0 and each checkpoint. */
async function run<T>(data: MnistData, c: LabConfig, measure: (t: Trainer, epoch: number) => Promise<T>): Promise<T[]> {
  const trainer = new Trainer(data, c);
  const stepsPerEpoch = Math.ceil(TRAIN_SIZE / BATCH);
  const out = [await measure(trainer, 0)];
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    trainer.steps(stepsPerEpoch);
    await trainer.readTrainMetrics();
    if (CHECKPOINTS.includes(epoch)) out.push(await measure(trainer, epoch));
  }
  trainer.dispose();
  return out;
}

it('variants: denoising PSNRs and contractive sensitivities', async () => {
  const t0 = performance.now();
  await useWasmInNode();
  const data = loadMnistNode();
  const rows: (string | number)[][] = [];

  // Denoising: the lesson's 784-256-64-32 (ReLU, sigmoid output, BCE).
  const noises = [['gaussian', 0.5], ['saltPepper', 0.3], ['mask', 0.5]] as const;
  const gains: number[] = [];
  for (const [noise, noiseLevel] of noises) {
    const m = await run(data, config({ encoderLayers: [256, 64], codeSize: 32, noise, noiseLevel }), (t) => t.evaluateDenoising());
    const label = `${noise} ${noiseLevel}`;
    rows.push([`denoising, ${label}`, 'noisy input PSNR (dB)', m[0].noisyPsnr, m[0].noisyPsnr, m[0].noisyPsnr, m[0].noisyPsnr]);
    rows.push([`denoising, ${label}`, 'output PSNR (dB)', ...m.map((s) => s.outputPsnr)]);
    gains.push(m[m.length - 1].outputPsnr - m[0].noisyPsnr);
  }

  // Contractive: the lesson's 784-64-16 (sigmoid hidden layer), with and without the penalty.
  const contractive: Record<number, { relative: number; raw: number }> = {};
  for (const weight of [0, 0.001, 0.003]) {
    const m = await run(data, config({ encoderLayers: [64], codeSize: 16, hiddenActivation: 'sigmoid', contractive: weight }), async (t) => ({
      ...(await t.evaluateSensitivity()),
      se: (await t.evaluateTest('full')).testSquaredError,
    }));
    const label = `contractive ${weight}`;
    rows.push([label, 'sensitivity ‖Δz‖/‖ε‖', ...m.map((s) => s.sensitivity)]);
    rows.push([label, 'relative sensitivity', ...m.map((s) => s.relativeSensitivity)]);
    rows.push([label, 'Jacobian norm ‖dz/dx‖_F', ...m.map((s) => s.jacobianNorm)]);
    rows.push([label, 'test squared error per image (10,000)', ...m.map((s) => s.se)]);
    const last = m[m.length - 1];
    contractive[weight] = { relative: last.relativeSensitivity, raw: last.sensitivity };
  }

  writeQualityTable({
    name: 'variants',
    title: 'Autoencoder variants: denoising PSNR and contractive sensitivity',
    budget:
      `${EPOCHS} epochs over ${TRAIN_SIZE.toLocaleString('en')} training digits (seed 1), batch ${BATCH}, Adam 0.002. ` +
      'Denoising: 784-256-64-32-64-256-784, ReLU, sigmoid output, BCE; PSNR = 10 log10(1/MSE), pixels in [0, 1], pooled MSE over the first 1,000 test digits with one fixed noise draw. ' +
      'Contractive: 784-64-16-64-784, sigmoid hidden layers, BCE; probe ε ~ N(0, 0.01²) per pixel on the first 1,000 test digits; relative = sensitivity / RMS spread of the codes.',
    columns: ['model', 'measure', 'untrained', ...CHECKPOINTS.map((e) => `epoch ${e}`)],
    rows,
    notes: [
      `Denoising gains (output PSNR at epoch ${EPOCHS} minus noisy input PSNR): ${noises.map(([n, l], i) => `${n} ${l} ${gains[i].toFixed(2)} dB`).join(', ')}. ` +
        'The untrained model draws the mean training digit (11.9 dB), already above Gaussian 0.5 and salt-and-pepper 0.3 inputs: the lesson\'s claim asks for more than that (+4 dB after 2 epochs of its 5,000-digit preset).',
      `Contractive at epoch ${EPOCHS}: relative sensitivity ${contractive[0.001].relative.toFixed(4)} with weight 0.001 vs ${contractive[0].relative.toFixed(4)} without ` +
        `(raw ${contractive[0.001].raw.toFixed(4)} vs ${contractive[0].raw.toFixed(4)}). A linear code can also satisfy the penalty by shrinking (the decoder scales it back), which lowers the raw figure alone; the relative one falls only if a digit's code moves less compared with the distance between digits.`,
      'Sparse autoencoder: see docs/quality/sparse.md (quality/sparse.quality.ts).',
    ],
    seconds: (performance.now() - t0) / 1000,
  });
  for (const g of gains) expect(g).toBeGreaterThan(4);
  expect(contractive[0.001].relative).toBeLessThan(contractive[0].relative);
});
