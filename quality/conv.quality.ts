/**
 * Quality bar (issue 4): a convolutional autoencoder with a 128-number code reaches a test BCE
 * per pixel of at most 0.094 (Keras blog, "Building Autoencoders in Keras": 0.094 after 50
 * epochs, batch 128), over all 10,000 test digits; compared with the dense autoencoder of the
 * same code size trained by the same loop on the same budget, and with the three decoders.
 *
 * The bar is held against 'repeatUnpool' (Keras's UpSampling2D, the blog's own decoder):
 * max-unpooling also hands the decoder the encoder's switches (one bit per position of every
 * pooled map, far more than 128 numbers), so its row is shown but it is not a 128-number code.
 *
 * Budget: CONV_QUALITY_EPOCHS (default 2) for the bar's model and the dense one, 1 epoch for
 * the other two decoders; batch 128, Adam 0.002, seed 1, all 60,000 training digits.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { DEFAULT_CONFIG, IMAGE_SIZE, type ConvDecoderKind as ConvDecoder, type MlpModelConfig } from '../src/core/config';
import { imagesToFloat, pixelMoments } from '../src/core/data/dataset';
import { loadMnistNode } from '../src/core/data/mnistNode';
import { createConvAutoencoder } from '../src/core/kinds/conv/model';
import { DEFAULT_CONV_MODEL, type ConvModelConfig } from '../src/core/kinds/conv/kind';
import { createMlpAutoencoder } from '../src/core/kinds/mlp/model';
import { outputBiasForMean } from '../src/core/models/denseStack';
import { BatchOrder } from '../src/core/train/batchOrder';
import { evaluationSums, meanPixelLoss } from '../src/core/train/losses';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import type { MnistData } from '../src/core/train/types';
import { writeQualityTable } from './report';

const EPOCHS = Number(process.env.CONV_QUALITY_EPOCHS ?? 2);
const BATCH = 128;
const LEARNING_RATE = 0.002;
const SEED = 1;
const BAR = 0.094;
const EVAL_CHUNK = 500;

/** What the loop needs of either model: the training pass and the variables. */
interface Trainable {
  variables: tf.Variable[];
  forward(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

const spec = { loss: 'bce', outputActivation: 'sigmoid' } as const;

/** Test BCE per pixel and squared error per image over all 10,000 test digits. */
async function evaluate(model: Trainable, data: MnistData): Promise<{ bce: number; squaredError: number }> {
  let bce = 0;
  let se = 0;
  for (let start = 0; start < data.testCount; start += EVAL_CHUNK) {
    const n = Math.min(EVAL_CHUNK, data.testCount - start);
    const pixels = imagesToFloat(data.testImages.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE), null);
    const sums = tf.tidy(() => {
      const x = tf.tensor2d(pixels, [n, IMAGE_SIZE]);
      return evaluationSums(model.forward(x), x, spec);
    });
    const v = await sums.data();
    sums.dispose();
    bce += v[0];
    se += v[1];
  }
  return { bce: bce / (data.testCount * IMAGE_SIZE), squaredError: se / data.testCount };
}

/** Trains `epochs` passes over the 60,000 digits; rows of [name, epoch, train BCE, test BCE, test SE, s/epoch]. */
async function run(
  name: string,
  model: Trainable,
  trainImages: tf.Tensor2D,
  epochs: number,
  rows: (string | number)[][],
  data: MnistData,
): Promise<number> {
  const optimizer = tf.train.adam(LEARNING_RATE);
  const order = new BatchOrder(trainImages.shape[0], BATCH, SEED);
  const stepsPerEpoch = Math.ceil(trainImages.shape[0] / BATCH);
  let last = Number.NaN;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = performance.now();
    let lossSum = tf.scalar(0);
    for (let s = 0; s < stepsPerEpoch; s++) {
      const rows = order.next();
      const next = tf.tidy(() => {
        const x = tf.gather(trainImages, tf.tensor1d(rows, 'int32')) as tf.Tensor2D;
        const cost = optimizer.minimize(() => meanPixelLoss(model.forward(x), x, spec), true, model.variables)!;
        return tf.add(lossSum, cost) as tf.Scalar;
      });
      lossSum.dispose();
      lossSum = next;
    }
    const trainLoss = (await lossSum.data())[0] / stepsPerEpoch;
    lossSum.dispose();
    const seconds = (performance.now() - t0) / 1000;
    const test = await evaluate(model, data);
    rows.push([name, epoch, trainLoss, test.bce, test.squaredError, seconds]);
    console.log(rows.at(-1)!.join(' | '));
    last = test.bce;
  }
  optimizer.dispose();
  model.dispose();
  return last;
}

it(`conv autoencoder, 128-number code: test BCE per pixel <= ${BAR} within ${EPOCHS} epochs`, async () => {
  const t0 = performance.now();
  await useWasmInNode();
  const data = loadMnistNode();
  const pixels = imagesToFloat(data.trainImages, null);
  const outputBias = outputBiasForMean(pixelMoments(pixels).mean, 'sigmoid');
  const trainImages = tf.tensor2d(pixels, [data.trainCount, IMAGE_SIZE]);
  const rows: (string | number)[][] = [];

  const conv = (decoder: ConvDecoder): Trainable => {
    const config: ConvModelConfig = { ...DEFAULT_CONV_MODEL, convDecoder: decoder };
    const m = createConvAutoencoder(config, SEED, outputBias);
    return { variables: m.variables, forward: (x) => m.forward(x).logits, dispose: () => m.dispose() };
  };
  const denseConfig: MlpModelConfig = { ...DEFAULT_CONFIG.model, encoderLayers: [], codeSize: 128 };
  const dense = createMlpAutoencoder(denseConfig, SEED, IMAGE_SIZE, outputBias);

  const bar = await run('conv 16-8, repeat-unpooling (UpSampling2D)', conv('repeatUnpool'), trainImages, EPOCHS, rows, data);
  const denseBce = await run(
    'dense 784-128-784',
    { variables: dense.variables, forward: (x) => dense.decodeLogits(dense.encode(x)), dispose: () => dense.dispose() },
    trainImages,
    EPOCHS,
    rows,
    data,
  );
  await run('conv 16-8, deconvolution (stride-2 transposed conv)', conv('deconvolution'), trainImages, 1, rows, data);
  await run('conv 16-8, max-unpooling (with the switches)', conv('maxUnpool'), trainImages, 1, rows, data);
  trainImages.dispose();

  writeQualityTable({
    name: 'conv',
    title: 'Convolutional autoencoder, 128-number code, binary cross-entropy',
    budget:
      `${EPOCHS} epochs over all 60,000 training digits for the bar's model (repeat-unpooling) and the dense one, ` +
      `1 epoch for deconvolution and max-unpooling; batch ${BATCH}, Adam ${LEARNING_RATE}, seed ${SEED}; ` +
      'encoder conv 3x3 16 + ReLU -> max pool 2x2 -> conv 3x3 8 + ReLU -> max pool -> 7x7x8 -> dense -> 128 (linear); ' +
      'decoder dense 128 -> 7x7x8 + ReLU -> (unpool + conv 3x3 8->16 + ReLU | deconv 3x3/2) -> (unpool + conv 16->1 | deconv 16->1) ' +
      '-> + per-pixel bias -> sigmoid; output bias starts at the mean training image. Test metrics over all 10,000 test digits.',
    columns: ['model', 'epoch', 'train BCE per pixel', 'test BCE per pixel', 'test squared error per image', 'seconds per epoch'],
    rows,
    notes: [
      `Bar: test BCE per pixel <= ${BAR} (Keras blog, Chollet 2016: 0.094 after 50 epochs, batch 128, UpSampling2D decoder, ` +
        `a 4x4x8 code); measured ${bar.toFixed(4)} for repeat-unpooling after ${EPOCHS} epochs: ` +
        (bar <= BAR ? 'met.' : 'NOT met.'),
      `The dense autoencoder with the same 128-number code, same loop and budget: ${denseBce.toFixed(4)}. ` +
        'A 128-number dense code is already a strong model on MNIST; the lesson compares them at the same code size.',
      'Max-unpooling reconstructs with the switches of the test image itself (where each max sat), side information ' +
        'beyond the 128-number code; its row is not held against the bar.',
      'Seconds per epoch are wall-clock on the shared 2-core machine (other jobs running), wasm backend with the ' +
        "forward-convolution gradients (convOps.ts): wasm has no Conv2DBackpropFilter kernel at all.",
    ],
    seconds: (performance.now() - t0) / 1000,
  });
  expect(bar).toBeLessThanOrEqual(BAR);
});
