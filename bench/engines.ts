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
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import convnetjs from 'convnetjs';
import type { MnistData } from '../src/core/train/types';
import { loadMnist } from '../src/worker/dataLoader';
import { selfCheckBackend } from '../src/core/backend';
import { setFusedKernels } from '../src/core/kernels/fusedKernels';
import { registerWebgpuKernels } from '../src/core/kernels/registerWebgpuKernels';
import { labCoreProfile, labCoreRun, labCoreSetup, type ReadPattern } from './labCore';

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
let mnist: MnistData | undefined;

async function mnistData(): Promise<MnistData> {
  mnist ??= await loadMnist(new URL('../data/', location.href).href);
  return mnist;
}

/** [TRAIN_DIGITS, 784] pixels in [0, 1], loaded once from the lab's own data files. */
async function trainDigits(): Promise<Float32Array> {
  if (!digits) {
    const mnist = await mnistData();
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

interface FitSession {
  backend: string;
  model: tf.Sequential;
  /** [TRAIN_DIGITS, 784] */
  x: tf.Tensor2D;
  /** Last measured milliseconds per batch, to size the next timed fit call. */
  msPerBatch: number;
}
let session: FitSession | undefined;

/**
 * Stops a fit at a deadline (checked at each batch end, without reading the loss back, so
 * it adds no device sync): a hard cap on a timed call when the calibration was off.
 */
class Deadline extends tf.Callback {
  batches = 0;
  constructor(private readonly until: number) {
    super();
  }
  override async onBatchEnd(): Promise<void> {
    this.batches++;
    if (performance.now() > this.until) this.model.stopTraining = true;
  }
}

/**
 * One `model.fit` call over `batches` x `epochs` batches of 256, stopped early at `capMs`.
 * @returns wall-clock ms (the call returns after the epoch's loss is read back, so queued
 *   device work is included), batches trained and the last epoch's loss.
 */
async function fitOnce(s: FitSession, batches: number, epochs = 1, capMs = Infinity): Promise<{ ms: number; batches: number; loss: number }> {
  const xs = s.x.slice([0, 0], [batches * BATCH, IMAGE_SIZE]);
  const t0 = performance.now();
  const deadline = new Deadline(t0 + capMs);
  const h = await s.model.fit(xs, xs, { batchSize: BATCH, epochs, shuffle: true, verbose: 0, callbacks: [deadline] });
  const ms = performance.now() - t0;
  xs.dispose();
  return { ms, batches: deadline.batches, loss: Number(h.history.loss[h.history.loss.length - 1]) };
}

/**
 * Builds the tfjs Layers model on `backend` and warms it up (kernels, shaders, optimizer
 * slots), so that fitRun() times training only. Returns the warm-up's ms per batch.
 */
async function fitSetup(backend: string): Promise<number> {
  await useBackend(backend);
  const pixels = await trainDigits();
  session?.x.dispose();
  session?.model.dispose();
  const s: FitSession = { backend, model: referenceLayersModel(), x: tf.tensor2d(pixels, [TRAIN_DIGITS, IMAGE_SIZE]), msPerBatch: 0 };
  session = s;
  await fitOnce(s, 1);
  s.msPerBatch = (await fitOnce(s, 2)).ms / 2;
  return s.msPerBatch;
}

/**
 * Samples per second of one `model.fit` call sized (from the last measured speed) to last
 * about `seconds`, and stopped at 3x that in any case. Call fitSetup first.
 */
async function fitRun(seconds: number): Promise<EngineResult> {
  const s = session;
  if (!s) throw new Error('call fitSetup(backend) first');
  const wanted = Math.max(2, Math.round((seconds * 1000) / s.msPerBatch));
  const maxBatches = Math.floor(TRAIN_DIGITS / BATCH);
  const epochs = Math.ceil(wanted / maxBatches);
  const batches = Math.max(1, Math.round(wanted / epochs));
  const run = await fitOnce(s, batches, epochs, 3 * seconds * 1000);
  const { ms, loss } = run;
  const samples = run.batches * BATCH;
  s.msPerBatch = ms / run.batches;
  return { samplesPerSec: (samples * 1000) / ms, samples, seconds: ms / 1000, loss };
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

registerWebgpuKernels();

/**
 * The lab's Trainer alone on `backend` (bench/labCore.ts), with the lab's fused kernels on or
 * off, after the lab's self-check of the backend; built and warmed up. Returns the kernels one
 * step dispatches and the self-check's result.
 */
async function labStepSetup(
  backend: string,
  fused = true,
  shapesUniforms = false,
): Promise<{ kernelsPerStep: number; selfCheck: { ok: boolean; maxError: number; reason?: string } }> {
  // As the lab's worker prepares WebGL (programs compiled for their shapes), unless told otherwise.
  if (backend === 'webgl') tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', shapesUniforms);
  setFusedKernels(fused);
  await useBackend(backend);
  const selfCheck = await selfCheckBackend(backend);
  return { kernelsPerStep: await labCoreSetup(await mnistData()), selfCheck };
}

declare global {
  interface Window {
    __bench?: {
      fitSetup: typeof fitSetup;
      fitRun: typeof fitRun;
      convnet: typeof convnet;
      labStepSetup: typeof labStepSetup;
      labStepRun: (seconds: number, pattern: ReadPattern) => ReturnType<typeof labCoreRun>;
      profileStep: typeof labCoreProfile;
      /** The threads of the wasm backend in this page (tfjs's default in an isolated page). */
      wasmThreads: () => number;
      /** The backends tfjs registered in this page (before any self-check). */
      registeredBackends: () => string[];
    };
  }
}

window.__bench = {
  fitSetup,
  fitRun,
  convnet,
  labStepSetup,
  labStepRun: labCoreRun,
  profileStep: labCoreProfile,
  wasmThreads: () => getThreadsCount(),
  registeredBackends: () => Object.keys(tf.engine().registryFactory),
};
document.getElementById('log')!.textContent = 'ready';
