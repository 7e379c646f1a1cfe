/**
 * The peers the lab's training loop is measured against (`npm run bench`), on the same
 * reference autoencoder 784-256-64-2-64-256-784 at batch 256, on real MNIST digits:
 *  - tfjs Layers `model.fit` (relu, sigmoid output, binary cross-entropy, Adam) on a given
 *    backend, the same tfjs packages the lab bundles;
 *  - ConvNetJS 0.3 (pure JS), the engine of the classic in-browser MNIST autoencoder demo:
 *    same layer sizes and relu, but its regression layer has a linear output and a squared
 *    loss (it has no sigmoid + cross-entropy output); its trainer with adadelta, batch 256.
 * Both run on this page's main thread; scripts/bench.mjs calls window.__bench.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import convnetjs from 'convnetjs';
import { loadMnist } from '../src/worker/dataLoader';

/** Hidden widths of the reference model's encoder; the decoder mirrors them. */
const ENCODER = [256, 64];
const CODE_SIZE = 2;
const IMAGE_SIZE = 784;
const BATCH = 256;
/** Training digits used (the first N of the training set): plenty for a few seconds of steps. */
const TRAIN_DIGITS = 8192;

export interface EngineResult {
  samplesPerSec: number;
  samples: number;
  seconds: number;
  /** Mean loss of the last measured stretch: a sign the engine really trained. */
  loss: number;
  note?: string;
}

let digits: Float32Array | undefined;

/** [TRAIN_DIGITS, 784] pixels in [0, 1], loaded once from the lab's own data files. */
async function trainDigits(): Promise<Float32Array> {
  if (!digits) {
    const mnist = await loadMnist(new URL('../data/', location.href).href);
    digits = new Float32Array(TRAIN_DIGITS * IMAGE_SIZE);
    for (let i = 0; i < digits.length; i++) digits[i] = mnist.trainImages[i] / 255;
  }
  return digits;
}

async function useBackend(backend: string): Promise<void> {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not initialise`);
  await tf.ready();
}

function referenceLayersModel(): tf.Sequential {
  const widths = [...ENCODER, CODE_SIZE, ...[...ENCODER].reverse()];
  const model = tf.sequential();
  widths.forEach((units, i) =>
    model.add(
      tf.layers.dense({
        units,
        activation: units === CODE_SIZE ? 'linear' : 'relu',
        ...(i === 0 ? { inputShape: [IMAGE_SIZE] } : {}),
      }),
    ),
  );
  model.add(tf.layers.dense({ units: IMAGE_SIZE, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  return model;
}

/**
 * Samples per second of `model.fit` on `backend`, measured over about `seconds` of one fit
 * call after a warm-up fit (which compiles shaders / kernels) and a calibration fit.
 */
async function fit(backend: string, seconds: number): Promise<EngineResult> {
  await useBackend(backend);
  const pixels = await trainDigits();
  const model = referenceLayersModel();
  const x = tf.tensor2d(pixels, [TRAIN_DIGITS, IMAGE_SIZE]);
  try {
    const run = async (batches: number, epochs = 1) => {
      const xs = x.slice([0, 0], [batches * BATCH, IMAGE_SIZE]);
      const t0 = performance.now();
      const h = await model.fit(xs, xs, { batchSize: BATCH, epochs, shuffle: true, verbose: 0 });
      const ms = performance.now() - t0;
      xs.dispose();
      return { ms, loss: Number(h.history.loss[h.history.loss.length - 1]) };
    };
    await run(1); // warm-up: kernels, shaders, optimizer slots
    const calib = await run(2);
    const perBatchMs = calib.ms / 2;
    const wanted = Math.max(2, Math.round((seconds * 1000) / perBatchMs));
    const maxBatches = Math.floor(TRAIN_DIGITS / BATCH);
    const epochs = Math.ceil(wanted / maxBatches);
    const batches = Math.max(1, Math.round(wanted / epochs));
    const { ms, loss } = await run(batches, epochs);
    const samples = batches * epochs * BATCH;
    return { samplesPerSec: (samples * 1000) / ms, samples, seconds: ms / 1000, loss };
  } finally {
    x.dispose();
    model.dispose();
  }
}

/** Samples per second of ConvNetJS training the reference architecture for about `seconds`. */
async function convnet(seconds: number): Promise<EngineResult> {
  const pixels = await trainDigits();
  const net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: IMAGE_SIZE },
    ...ENCODER.map((n) => ({ type: 'fc' as const, num_neurons: n, activation: 'relu' as const })),
    { type: 'fc', num_neurons: CODE_SIZE },
    ...[...ENCODER].reverse().map((n) => ({ type: 'fc' as const, num_neurons: n, activation: 'relu' as const })),
    // regression adds the last fc layer (784, linear) itself, with a squared loss.
    { type: 'regression', num_neurons: IMAGE_SIZE },
  ]);
  const trainer = new convnetjs.Trainer(net, { method: 'adadelta', batch_size: BATCH, l2_decay: 0 });
  const volumes = Array.from({ length: TRAIN_DIGITS }, (_, i) => {
    const v = new convnetjs.Vol(1, 1, IMAGE_SIZE, 0);
    v.w.set(pixels.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE));
    return v;
  });
  // Warm-up batch (JIT), then whole batches until the time is up; yield between batches.
  const trainBatch = (start: number) => {
    let loss = 0;
    for (let i = 0; i < BATCH; i++) {
      const v = volumes[(start + i) % TRAIN_DIGITS];
      loss += trainer.train(v, v.w).loss;
    }
    return loss / BATCH;
  };
  trainBatch(0);
  let samples = 0;
  let loss = Number.NaN;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    loss = trainBatch(BATCH + samples);
    samples += BATCH;
    await new Promise((r) => setTimeout(r, 0));
  }
  const ms = performance.now() - t0;
  return { samplesPerSec: (samples * 1000) / ms, samples, seconds: ms / 1000, loss, note: 'adadelta, L2 loss' };
}

declare global {
  interface Window {
    __bench?: {
      fit: typeof fit;
      convnet: typeof convnet;
      /** The backends tfjs registered in this page (before any self-check). */
      registeredBackends: () => string[];
    };
  }
}

window.__bench = {
  fit,
  convnet,
  registeredBackends: () => Object.keys(tf.engine().registryFactory),
};
document.getElementById('log')!.textContent = 'ready';
