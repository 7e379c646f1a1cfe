import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { imagesToFloat, pixelMoments } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { createRng } from '../../data/rng';
import type { TrainConfig } from '../../config';
import { DEFAULT_VAE_CONFIG, type VaeModelConfig } from './kind';
import { meanImageLoss } from '../../train/losses';
import { useWasmInNode } from '../../train/nodeBackend';
import type { MnistData } from '../../train/types';
import { Trainer } from '../../train/trainer';
import type { TrainMetrics } from '../../train/types';
import type { VaeEngine } from './engine';
import { evaluateVae, klToPrior, reconstructionNats, type VaeEvaluation } from './objective';

let data: MnistData;
let test: Float32Array;
const TEST_COUNT = 1000;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
  test = imagesToFloat(data.testImages.subarray(0, TEST_COUNT * 784), null);
});

/** Standard normal draws by Box-Muller on the seeded RNG, independent of tfjs. */
function normals(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return out;
}

describe('KL(q || N(0, I)) in closed form', () => {
  it('equals a Monte-Carlo estimate of E_q[log q(z) - log p(z)] on hand-picked Gaussians', () => {
    const means = [[0.5, -1.2, 2.0], [0, 0, 0], [-3, 0.1, 0.7]];
    const logVars = [[-1.0, 0.7, 0.1], [-2.5, 1.5, 0], [0.3, -0.2, -4]];
    const closed = tf.tidy(() => Array.from(klToPrior(tf.tensor2d(means), tf.tensor2d(logVars)).dataSync()));
    const n = 200_000;
    means.forEach((mean, row) => {
      // One sample of log q(z) - log p(z) for the whole code: the sum over dimensions, where
      // per dimension it is -logVar/2 - ε²/2 + z²/2 (the 2π constants cancel).
      const draws = mean.map((_, j) => normals(n, 100 * row + j));
      let sum = 0;
      let sumSquares = 0;
      for (let s = 0; s < n; s++) {
        let v = 0;
        mean.forEach((m, j) => {
          const e = draws[j][s];
          const z = m + Math.exp(logVars[row][j] / 2) * e;
          v += -logVars[row][j] / 2 - (e * e) / 2 + (z * z) / 2;
        });
        sum += v;
        sumSquares += v * v;
      }
      const estimate = sum / n;
      const standardError = Math.sqrt((sumSquares / n - estimate * estimate) / n);
      expect(standardError).toBeLessThan(0.02);
      expect(Math.abs(closed[row] - estimate)).toBeLessThan(4 * standardError);
    });
    // Hand value for the first row: 1/2 sum(e^lv + m² - 1 - lv).
    const first = 0.5 * means[0].reduce((s, m, j) => s + Math.exp(logVars[0][j]) + m * m - 1 - logVars[0][j], 0);
    expect(closed[0]).toBeCloseTo(first, 5);
  });

  it('is exactly 0 at mean 0, log-variance 0 and positive elsewhere', () => {
    tf.tidy(() => {
      expect(Array.from(klToPrior(tf.zeros([4, 5]), tf.zeros([4, 5])).dataSync())).toEqual([0, 0, 0, 0]);
      const kl = klToPrior(tf.tensor2d([[1e-2, 0], [0, 0]]), tf.tensor2d([[0, 0], [0, -1e-2]])).dataSync();
      expect(kl[0]).toBeGreaterThan(0);
      expect(kl[1]).toBeGreaterThan(0);
    });
  });

  it('reconstruction is the per-pixel BCE summed over the image, in nats', () => {
    tf.tidy(() => {
      const logits = tf.tensor2d([[0, 2, -1]]);
      const x = tf.tensor2d([[0.5, 1, 0.25]]);
      const bce = (z: number, t: number) => {
        const p = 1 / (1 + Math.exp(-z));
        return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
      };
      expect(reconstructionNats(logits, x).dataSync()[0]).toBeCloseTo(bce(0, 0.5) + bce(2, 1) + bce(-1, 0.25), 5);
    });
  });
});

/** A small VAE trained for `steps` batches of 50 on 2,000 real training digits. */
async function train(beta: number, steps = 200): Promise<{ train: TrainMetrics; test: VaeEvaluation; initial: VaeEvaluation }> {
  const config: { model: VaeModelConfig; train: TrainConfig } = {
    model: { ...DEFAULT_VAE_CONFIG.model, encoderLayers: [128], codeSize: 2, beta },
    train: { ...DEFAULT_VAE_CONFIG.train, trainSize: 2000, batchSize: 50, learningRate: 0.002, seed: 1 },
  };
  const run = new Trainer(data, config);
  const evaluate = () => run.withEngine((e) => evaluateVae((e as VaeEngine).vae, test, TEST_COUNT, { seed: config.train.seed }));
  const initial = await evaluate();
  run.steps(steps);
  const trainMetrics = await run.readTrainMetrics();
  const result = await evaluate();
  run.dispose();
  return { train: trainMetrics, test: result, initial };
}

describe('training on real MNIST (2,000 digits, 5 epochs, 1,000 test digits)', () => {
  let plain: Awaited<ReturnType<typeof train>>;
  let vae: Awaited<ReturnType<typeof train>>;
  let collapsed: Awaited<ReturnType<typeof train>>;
  /** -ELBO of the best model that ignores its code: the decoder draws the mean image, KL = 0. */
  let codeIgnoringNats: number;

  beforeAll(async () => {
    const moments = pixelMoments(test);
    codeIgnoringNats = meanImageLoss(moments.mean, moments.meanSquare, { loss: 'bce', outputActivation: 'sigmoid' }) * 784;
    vae = await train(1);
    plain = await train(0);
    collapsed = await train(20);
    console.log(
      `mean-image -ELBO ${codeIgnoringNats.toFixed(1)} nats; test (rec, KL, ELBO) after 200 steps: ` +
        [['β=1', vae], ['β=0', plain], ['β=20', collapsed]]
          .map(([name, r]) => {
            const t = (r as typeof vae).test;
            return `${name} (${t.reconstruction.toFixed(1)}, ${t.kl.toFixed(2)}, ${t.elbo.toFixed(1)})`;
          })
          .join(', '),
    );
  });

  it('β = 1: the test ELBO beats every model that ignores the code by a wide margin', () => {
    // A broken encoder or a decoder that cannot use z is at best the mean image (about -200);
    // 200 steps reach about -173.
    expect(vae.test.elbo).toBeGreaterThan(-codeIgnoringNats + 15);
    expect(vae.test.elbo).toBeGreaterThan(vae.initial.elbo + 15);
    expect(vae.test.elbo).toBeCloseTo(-(vae.test.reconstruction + vae.test.kl), 6);
    // The code is used: a few nats of information per image.
    expect(vae.test.kl).toBeGreaterThan(1.5);
    // The learning curve shows the reconstruction per pixel (nats / 784) of the training batches.
    expect(vae.train.trainLoss * 784).toBeLessThan(vae.initial.reconstruction);
  });

  it('β = 0 is a noisy plain autoencoder: better reconstruction, a KL many times larger', () => {
    expect(plain.test.reconstruction).toBeLessThan(vae.test.reconstruction);
    expect(plain.test.kl).toBeGreaterThan(5 * vae.test.kl);
    // Its ELBO is worse than the VAE's: the free code is far from the prior.
    expect(plain.test.elbo).toBeLessThan(vae.test.elbo);
    // What it minimised is the reconstruction alone, and it reconstructs its training digits better.
    expect(plain.train.trainLoss).toBeLessThan(vae.train.trainLoss);
  });

  it('β = 20 collapses the posterior: KL near 0 and the decoder falls back to about the mean image', () => {
    expect(collapsed.test.kl).toBeLessThan(1);
    expect(collapsed.test.kl).toBeLessThan(vae.test.kl / 3);
    expect(collapsed.test.reconstruction).toBeGreaterThan(vae.test.reconstruction + 10);
    expect(collapsed.test.reconstruction).toBeGreaterThan(codeIgnoringNats - 15);
  });
});
