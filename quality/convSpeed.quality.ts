/**
 * Speed of the convolutional autoencoder's kernels on wasm and cpu (batch 128, the layers of
 * the default 16-8 model): each backward computation tfjs offers against the forward-
 * convolution one convOps.ts uses, checked to give the same numbers, and whole training steps
 * per decoder. Writes docs/quality/convSpeed.md.
 * Run: `npm run quality -- quality/convSpeed.quality.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { CONV_DECODER_KINDS, IMAGE_SIZE } from '../src/core/config';
import { createConvAutoencoder } from '../src/core/kinds/conv/model';
import { DEFAULT_CONV_MODEL } from '../src/core/kinds/conv/kind';
import { filterGradient, maxPool, poolSwitches, preferredConvGradients, repeatUnpool, turnFilter } from '../src/core/kinds/conv/ops';
import { meanPixelLoss } from '../src/core/train/losses';
import { useWasmInNode } from '../src/core/train/nodeBackend';
import { writeQualityTable } from './report';

const BATCH = 128;
const REPS = 4;

/** Mean milliseconds of f (result read back), after one warm-up run. */
function time(f: () => tf.Tensor): number {
  tf.tidy(() => void f().dataSync());
  const t0 = performance.now();
  for (let i = 0; i < REPS; i++) tf.tidy(() => void f().dataSync());
  return (performance.now() - t0) / REPS;
}

function maxRelativeDifference(a: tf.Tensor, b: tf.Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  let scale = 1e-6;
  let diff = 0;
  for (let i = 0; i < x.length; i++) {
    scale = Math.max(scale, Math.abs(x[i]));
    diff = Math.max(diff, Math.abs(x[i] - y[i]));
  }
  return diff / scale;
}

it('conv kernels: backward passes as tfjs computes them and as forward convolutions', async () => {
  const t0 = performance.now();
  const rows: (string | number)[][] = [];
  // [side, cin, cout] of the 3x3 'same' convolutions of the 16-8 model, encoder then decoder.
  const layers: [number, number, number][] = [
    [28, 1, 16],
    [14, 16, 8],
    [14, 8, 16],
    [28, 16, 1],
  ];
  for (const backend of ['wasm', 'cpu']) {
    if (backend === 'wasm') await useWasmInNode();
    else await tf.setBackend('cpu');
    for (const [side, cin, cout] of layers) {
      const x = tf.randomNormal<tf.Rank.R4>([BATCH, side, side, cin], 0, 1, 'float32', 1);
      const w = tf.randomNormal<tf.Rank.R4>([3, 3, cin, cout], 0, 1, 'float32', 2);
      const dy = tf.randomNormal<tf.Rank.R4>([BATCH, side, side, cout], 0, 1, 'float32', 3);
      const layer = `${side}x${side}x${cin} -> ${cout}`;
      const forward = time(() => tf.conv2d(x, w, 1, 'same'));
      const dxTfjs = () => tf.conv2dTranspose(dy, w, [BATCH, side, side, cin], 1, 'same');
      const dxForward = () => tf.conv2d(dy, turnFilter(w), 1, 'same');
      const dwForward = () => filterGradient(x, dy, 3, 1);
      // tfjs's filter gradient: Conv2DBackpropFilter where registered (not on wasm), else the
      // 3-D kernel wasm does have, at depth 1.
      const dwTfjs = () =>
        backend === 'wasm'
          ? (tf.engine().runKernel(
              'Conv3DBackpropFilterV2',
              { x: tf.reshape(x, [BATCH, 1, side, side, cin]), dy: tf.reshape(dy, [BATCH, 1, side, side, cout]) },
              { strides: [1, 1, 1, 1, 1], pad: 'same', filterShape: [1, 3, 3, cin, cout] },
            ) as tf.Tensor)
          : tf.grad((ww: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, ww as tf.Tensor4D, 1, 'same'), dy)))(w);
      tf.tidy(() => {
        expect(maxRelativeDifference(dxTfjs(), dxForward())).toBeLessThan(1e-4);
        expect(maxRelativeDifference(tf.reshape(dwTfjs(), [-1]), tf.reshape(dwForward(), [-1]))).toBeLessThan(1e-4);
      });
      rows.push([
        backend,
        layer,
        forward,
        time(dxTfjs),
        time(dxForward),
        time(dwTfjs),
        time(dwForward),
      ]);
      console.log(rows.at(-1)!.join(' | '));
      tf.dispose([x, w, dy]);
    }
  }
  // Pooling and unpooling gradients at the first stage's size, on wasm.
  await useWasmInNode();
  const a = tf.randomNormal<tf.Rank.R4>([BATCH, 28, 28, 16], 0, 1, 'float32', 4);
  const g = tf.randomNormal<tf.Rank.R4>([BATCH, 14, 14, 16], 0, 1, 'float32', 5);
  const poolTape = time(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(v as tf.Tensor4D, 2, 2, 'valid'), g)))(a));
  const poolSwitch = time(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(maxPool(v as tf.Tensor4D, poolSwitches(v as tf.Tensor4D)), g)))(a));
  const switchesOnly = time(() => poolSwitches(a));
  const upTape = time(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.image.resizeNearestNeighbor(v as tf.Tensor4D, [28, 28]), a)))(g));
  const upCustom = time(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(repeatUnpool(v as tf.Tensor4D), a)))(g));
  tf.dispose([a, g]);

  // Whole training steps and forward passes per decoder, wasm, batch 128.
  const steps: string[] = [];
  for (const decoder of CONV_DECODER_KINDS) {
    const model = createConvAutoencoder({ ...DEFAULT_CONV_MODEL, convDecoder: decoder }, 1);
    const optimizer = tf.train.adam(0.002);
    const x = tf.randomUniform<tf.Rank.R2>([BATCH, IMAGE_SIZE], 0, 1, 'float32', 6);
    const step = () =>
      tf.tidy(() => {
        optimizer.minimize(() => meanPixelLoss(model.forward(x).logits, x, model.config), false, model.variables);
        return tf.scalar(0);
      });
    const stepMs = time(step);
    const forwardMs = time(() => model.forward(x).logits);
    steps.push(`${decoder}: step ${stepMs.toFixed(0)} ms, forward ${forwardMs.toFixed(0)} ms`);
    optimizer.dispose();
    model.dispose();
    x.dispose();
  }
  expect(preferredConvGradients('wasm')).toBe('forwardConvolutions');
  writeQualityTable({
    name: 'convSpeed',
    title: 'Convolution kernels on wasm and cpu: backward passes as tfjs computes them and as forward convolutions',
    budget: `batch ${BATCH}, 3x3 'same' convolutions of the default 16-8 model, mean of ${REPS} runs after a warm-up, results read back.`,
    columns: [
      'backend',
      'layer',
      'forward conv ms',
      'dx: Conv2DBackpropInput ms',
      'dx: conv with turned filter ms',
      'dW: tfjs ms (wasm: Conv3DBackpropFilterV2)',
      'dW: forward conv ms (im2col for 1 channel)',
    ],
    rows,
    notes: [
      'wasm registers no Conv2DBackpropFilter, so tfjs\'s own conv gradients throw there; its 3-D filter gradient at depth 1 ' +
        'stands in for the comparison. Every pair of columns gives the same numbers (checked to 1e-4).',
      `Max pooling's gradient at [${BATCH}, 28, 28, 16], wasm: MaxPoolGrad ${poolTape.toFixed(1)} ms, through the switches ` +
        `${poolSwitch.toFixed(1)} ms, of which computing the switches ${switchesOnly.toFixed(1)} ms (so only max-unpooling, which needs ` +
        `them anyway, pools through them). Repeat-unpooling forward and backward at [${BATCH}, 14, 14, 16]: ` +
        `resizeNearestNeighbor + ResizeNearestNeighborGrad ${upTape.toFixed(1)} ms, concat + 4 x average pooling ${upCustom.toFixed(1)} ms.`,
      `Training steps on wasm, batch ${BATCH}: ${steps.join('; ')}.`,
    ],
    seconds: (performance.now() - t0) / 1000,
  });
  await tf.setBackend('cpu');
}, 600_000);
