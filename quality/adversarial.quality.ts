/**
 * Quality (issue 4, adversarial autoencoder): a discriminator on the code pulls the codes of
 * the test digits toward the prior, and decoded prior samples look like digits.
 *
 * For each prior (Gaussian, ring, mixture of 10), the lesson's network (784-256-64-2, ReLU,
 * BCE, Adam 0.002 batch 64) trained twice on the same seeded digits and batches:
 *  - AAE: the three phases (reconstruction; discriminator; encoder fools the discriminator);
 *  - plain: the same network, the same discriminator learning beside it, but the fooling phase
 *    off (adversarialEngine.ts `fool: false`): a plain autoencoder of the same architecture
 *    and budget, watched by a discriminator.
 * Figures on test digits: the energy distance of the codes to a fixed prior sample (the lab's
 * live figure on the first 1,000 test digits, and the mean over all ten blocks of 1,000), the
 * discriminator's accuracy, the test BCE per pixel (all 10,000), and 2,000 decoded prior samples
 * judged by a digit classifier (core/analysis/digitClassifier.ts: digit-like when one digit gets
 * probability >= 0.9; how many of the 10 digits appear among them).
 *
 * Budget knobs: AAE_TRAIN (training digits, default 10,000), AAE_EPOCHS (default 4).
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { classifyDigits, createDigitClassifier, digitLikeFraction, trainDigitClassifier } from '../src/core/analysis/digitClassifier';
import { energyDistance } from '../src/core/analysis/energyDistance';
import { CODE_PRIORS, DEFAULT_CONFIG, kindModel, type CodePrior } from '../src/core/config';
import { imagesToFloat, pixelMoments } from '../src/core/data/dataset';
import { loadMnistNode } from '../src/core/data/mnistNode';
import { seededSubset } from '../src/core/data/rng';
import { outputBiasForMean } from '../src/core/models/denseStack';
import { samplePriorCodes } from '../src/core/models/priors2d';
import { createAdversarialEngine, type AdversarialEngine } from '../src/core/kinds/adversarial/engine';
import { BatchOrder } from '../src/core/train/batchOrder';
import { meanPixelLoss } from '../src/core/train/losses';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import { createOptimizer, disposeOptimizer } from '../src/core/train/optimizers';
import { writeQualityTable } from './report';

const TRAIN = Number(process.env.AAE_TRAIN ?? 10000);
const EPOCHS = Number(process.env.AAE_EPOCHS ?? 4);
const BATCH = 64;
const SEED = 1;
const SAMPLES = 2000;
const THRESHOLD = 0.9;

interface Figures {
  liveDistance: number;
  fullDistance: number;
  accuracy: number;
  testBce: number;
  digitLike: number;
  classes: number;
  /** Digits that are the classifier's first choice for at least 2% of the samples (confident or not). */
  spread: number;
  samplesPerSecond: number;
}

it('AAE: codes much nearer the prior than a plain autoencoder of the same shape; prior samples decode to digits', async () => {
  const t0 = performance.now();
  const seconds = () => Math.round((performance.now() - t0) / 1000);
  await useWasmInNode();
  const data = loadMnistNode();
  const trainPixels = imagesToFloat(data.trainImages, null);
  const test = imagesToFloat(data.testImages, null);
  const classifier = createDigitClassifier(7);
  trainDigitClassifier(classifier, trainPixels, data.trainLabels, { epochs: 3, seed: 7 });
  const judged = await classifyDigits(classifier, test, data.testCount);
  const classifierAccuracy = judged.label.filter((l, i) => l === data.testLabels[i]).length / data.testCount;
  const realDigitLike = digitLikeFraction(judged.confidence, THRESHOLD);
  console.log(`[${seconds()} s] classifier accuracy ${classifierAccuracy}, real digits judged digit-like ${realDigitLike}`);

  const indices = seededSubset(data.trainCount, TRAIN, SEED);
  const pixels = imagesToFloat(data.trainImages, indices);
  const bias = outputBiasForMean(pixelMoments(pixels).mean, 'sigmoid');
  const images = tf.tensor2d(pixels, [TRAIN, 784]);
  const testTensor = tf.tensor2d(test, [data.testCount, 784]);
  const steps = Math.ceil((EPOCHS * TRAIN) / BATCH);

  async function evaluate(engine: AdversarialEngine, prior: CodePrior): Promise<Omit<Figures, 'samplesPerSecond'>> {
    const live = tf.tidy(() => engine.measure(tf.slice(testTensor, [0, 0], [1000, 784])));
    const [liveDistance, accuracy] = await live.data();
    live.dispose();
    // The mean over the ten blocks of 1,000 test digits, against one fixed prior sample of 1,000.
    const reference = tf.tensor2d(samplePriorCodes(prior, 1000, 2, 1234), [1000, 2]);
    const blocks = tf.tidy(() =>
      tf.stack(
        Array.from({ length: 10 }, (_, b) => {
          const x = tf.slice(testTensor, [1000 * b, 0], [1000, 784]);
          return energyDistance(engine.encode(x), reference);
        }),
      ),
    );
    const fullDistance = Array.from(await blocks.data()).reduce((a, v) => a + v, 0) / 10;
    blocks.dispose();
    reference.dispose();
    const bce = tf.tidy(() => tf.mean(tf.stack(Array.from({ length: 10 }, (_, b) => {
      const x = tf.slice(testTensor, [1000 * b, 0], [1000, 784]) as tf.Tensor2D;
      return meanPixelLoss(engine.reconstructLogits(x), x, { loss: 'bce', outputActivation: 'sigmoid' });
    }))));
    const testBce = (await bce.data())[0];
    bce.dispose();
    const decoded = tf.tidy(() => engine.decode(tf.tensor2d(samplePriorCodes(prior, SAMPLES, 2, 77), [SAMPLES, 2])));
    const samples = (await decoded.data()) as Float32Array;
    decoded.dispose();
    const j = await classifyDigits(classifier, samples, SAMPLES);
    const classes = new Set(j.label.filter((_, i) => j.confidence[i] >= THRESHOLD)).size;
    const counts = new Array(10).fill(0);
    for (const l of j.label) counts[l]++;
    const spread = counts.filter((c) => c >= 0.02 * SAMPLES).length;
    return { liveDistance, fullDistance, accuracy, testBce, digitLike: digitLikeFraction(j.confidence, THRESHOLD), classes, spread };
  }

  async function run(prior: CodePrior, fool: boolean): Promise<Figures> {
    const model = kindModel('adversarial', { encoderLayers: [256, 64], codeSize: 2, prior });
    const engine = createAdversarialEngine(model, SEED, bias, { fool });
    const optimizer = createOptimizer({ ...DEFAULT_CONFIG.train, learningRate: 0.002 });
    const batches = new BatchOrder(TRAIN, BATCH, SEED);
    const labels = tf.zeros([BATCH], 'int32') as tf.Tensor1D;
    const tTrain = performance.now();
    for (let step = 0; step < steps; step++) {
      const rows = batches.next();
      tf.tidy(() => {
        const x = tf.gather(images, tf.tensor1d(rows, 'int32')) as tf.Tensor2D;
        engine.trainStep(x, { model, step, seed: SEED, optimizer, labels: labels.slice(0, rows.length) });
      });
      if (step % 100 === 99) await tf.nextFrame?.();
    }
    const probe = tf.tidy(() => tf.sum(engine.variables[0]));
    await probe.data();
    probe.dispose();
    const samplesPerSecond = (steps * BATCH) / ((performance.now() - tTrain) / 1000);
    const figures = { ...(await evaluate(engine, prior)), samplesPerSecond };
    labels.dispose();
    disposeOptimizer(optimizer);
    engine.dispose();
    console.log(`[${seconds()} s] ${prior} ${fool ? 'AAE' : 'plain'}: ${JSON.stringify(figures)}`);
    return figures;
  }

  const rows: (string | number)[][] = [];
  const results: Record<string, { aae: Figures; plain: Figures }> = {};
  for (const prior of CODE_PRIORS) {
    const aae = await run(prior, true);
    const plain = await run(prior, false);
    results[prior] = { aae, plain };
    for (const [name, f] of [['AAE', aae], ['plain (no fooling phase)', plain]] as const) {
      rows.push([prior, name, f.liveDistance, f.fullDistance, `${(100 * f.accuracy).toFixed(1)}%`, f.testBce, `${(100 * f.digitLike).toFixed(1)}%`, String(f.classes), String(f.spread), String(Math.round(f.samplesPerSecond))]);
    }
  }
  images.dispose();
  testTensor.dispose();
  classifier.dispose();
  const g = results.gaussian;
  writeQualityTable({
    name: 'adversarial',
    title: 'Adversarial autoencoder 784-256-64-2 with a 2-64-64-1 code discriminator, against a plain autoencoder of the same shape',
    budget:
      `${EPOCHS} epochs over ${TRAIN.toLocaleString('en')} seeded training digits (${steps} steps), batch ${BATCH}, Adam 0.002 ` +
      '(reconstruction and discriminator), Adam 0.001 β1 = 0.5 (encoder fooling the discriminator), ReLU, BCE, seed 1. ' +
      'Both runs of a row pair share weights at the start, training digits and batch order.',
    columns: ['prior', 'model', 'energy distance to prior, first 1,000 test digits (lab)', 'same, mean of 10 blocks of 1,000', 'discriminator accuracy', 'test BCE per pixel', `decoded prior samples judged digit-like (${SAMPLES.toLocaleString('en')})`, 'digits among them', 'digits the classifier picks for >= 2% of the samples', 'samples/s'],
    rows,
    notes: [
      `Energy distance 2E‖X−Y‖ − E‖X−X′‖ − E‖Y−Y′‖ in code units (core/analysis/energyDistance.ts), 0 for equal ` +
        'distributions; for scale: all codes at the origin against N(0, I) gives 0.73. Discriminator accuracy over 1,000 codes ' +
        'and 1,000 prior samples: 50% means it cannot tell them apart.',
      `Gaussian prior: the AAE's codes lie at ${g.aae.fullDistance.toFixed(3)} from N(0, I), the plain autoencoder's at ` +
        `${g.plain.fullDistance.toFixed(3)} (${(g.plain.fullDistance / g.aae.fullDistance).toFixed(0)}x farther). The price is ` +
        `reconstruction: test BCE ${g.aae.testBce.toFixed(4)} against ${g.plain.testBce.toFixed(4)} for the plain autoencoder.`,
      `Judge: a 784-256-10 classifier trained on the 60,000 training digits (3 epochs, test accuracy ` +
        `${(100 * classifierAccuracy).toFixed(1)}%; it calls ${(100 * realDigitLike).toFixed(1)}% of real test digits ` +
        'digit-like). A softmax can be confidently wrong on images unlike any digit: a pass is necessary, not sufficient.',
      `Decoded prior samples, honestly: the classifier is confident (>= ${THRESHOLD}) about ${(100 * g.aae.digitLike).toFixed(1)}% of the ` +
        `AAE's decoded N(0, I) samples and ${(100 * g.plain.digitLike).toFixed(1)}% of the plain autoencoder's. The plain ` +
        "autoencoder's codes spread far beyond N(0, I), so its prior samples all land in the few digits near its origin " +
        `(${g.plain.spread} digits picked for >= 2% of them, against ${g.aae.spread} for the AAE); the AAE's spread over more ` +
        'digits, but a 2-D code leaves many of them blurry blends where two digits meet. By this proxy the AAE does not win on ' +
        'confidence; it wins on covering the prior.',
    ],
    seconds: (performance.now() - t0) / 1000,
  });
  for (const prior of CODE_PRIORS) expect(results[prior].aae.fullDistance).toBeLessThan(results[prior].plain.fullDistance / 3);
});
