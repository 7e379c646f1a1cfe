/**
 * The tensor building blocks of the convolutional autoencoder: 3x3 convolution layers,
 * 2x2 max pooling that remembers its "switches", the two unpoolings and deconvolution.
 * Every map is [batch, height, width, channels] (NHWC, tfjs's layout).
 *
 * Gradients, two ways (as dense.ts does for matMul):
 * - 'tape': tfjs's own gradients (Conv2DBackpropInput, Conv2DBackpropFilter), for WebGL and
 *   WebGPU.
 * - 'forwardConvolutions': custom gradients built from forward convolutions only.
 *   tfjs-backend-wasm 4.22 registers no Conv2DBackpropFilter kernel at all (the tape throws),
 *   and its Conv2DBackpropInput is a plain loop outside XNNPACK: in Node, batch 128,
 *   dx of a 14x14x16->8 layer took 48 ms as Conv2DBackpropInput and 2-6 ms as the forward
 *   convolution of dy with the turned filter (the same numbers). So dx = conv(pad(dy), turned W)
 *   and dW is a forward convolution too: the batch becomes the channel axis
 *   (x as [cin, H, W, batch] convolved with dy as a [H', W', batch, cout] filter), or, for
 *   a 1-channel input, patches by a one-hot filter times dy (im2col). Measure again with
 *   `npm run quality -- quality/convSpeed.quality.ts` (writes docs/quality/convSpeed.md).
 */
import * as tf from '@tensorflow/tfjs';
import { activationGradient, applyActivation, type LayerActivation } from '../../models/dense';
import { CONV_KERNEL, POOL } from './layout';

export type ConvGradients = 'tape' | 'forwardConvolutions';

/**
 * wasm has no Conv2DBackpropFilter and a slow Conv2DBackpropInput; the plain-JS cpu backend's
 * Conv2DBackpropFilter took 6-13 s per layer at batch 128 against 0.3-1.4 s for the forward
 * convolution (docs/quality/convSpeed.md). WebGL and WebGPU use the tape (their backprop
 * kernels are shaders like the forward ones).
 */
export function preferredConvGradients(backend: string = tf.getBackend()): ConvGradients {
  return backend === 'wasm' || backend === 'cpu' ? 'forwardConvolutions' : 'tape';
}

/** A layer's weights, as variables (the model's) or as tensors computed from them. */
export interface ConvWeights {
  /** [k, k, inChannels, outChannels] for a convolution; [k, k, outChannels, inChannels] for a deconvolution (tfjs's layouts). */
  filter: tf.Tensor4D;
  /** [outChannels] */
  bias: tf.Tensor1D;
  activation: LayerActivation;
}

export interface ConvLayer extends ConvWeights {
  filter: tf.Variable<tf.Rank.R4>;
  bias: tf.Variable<tf.Rank.R1>;
}

/** Activations tfjs's fused convolution applies itself on every backend. */
const FUSED: ReadonlySet<LayerActivation> = new Set(['relu', 'linear', 'sigmoid', 'elu']);


/** [k, k, a, b] -> [k, k, b, a], turned by 180 degrees in the two spatial axes. */
export function turnFilter(w: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]);
}

/**
 * dL/dW of a stride-1 convolution with `pad` zeros on every side, by forward convolutions.
 * @param x [batch, H, W, cin] the layer's input  @param dz [batch, H', W', cout]
 * @returns [k, k, cin, cout]
 */
export function filterGradient(x: tf.Tensor4D, dz: tf.Tensor4D, k: number, pad: number): tf.Tensor4D {
  const [batch, , , cin] = x.shape;
  const cout = dz.shape[3];
  const [, h2, w2] = dz.shape;
  if (cin === 1) {
    // im2col: a one-hot filter copies each of the k² neighbours into its own channel.
    const onehot = tf.reshape(tf.eye(k * k * cin), [k, k, cin, k * k * cin]) as tf.Tensor4D;
    const padded = pad > 0 ? tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]) : x;
    const patches = tf.reshape(tf.conv2d(padded, onehot, 1, 'valid'), [batch * h2 * w2, k * k * cin]);
    const dw = tf.matMul(tf.transpose(patches), tf.reshape(dz, [batch * h2 * w2, cout]));
    return tf.reshape(dw, [k, k, cin, cout]);
  }
  // The batch as the channel axis: r[ci, a, b, co] = sum over batch, i, j of x[., a + i, b + j, ci] dz[., i, j, co].
  const xt = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D;
  const xtPadded = pad > 0 ? tf.pad(xt, [[0, 0], [pad, pad], [pad, pad], [0, 0]]) : xt;
  const dzAsFilter = tf.transpose(dz, [1, 2, 0, 3]) as tf.Tensor4D;
  return tf.transpose(tf.conv2d(xtPadded, dzAsFilter, 1, 'valid'), [1, 2, 0, 3]);
}

function forwardConv(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, activation: LayerActivation, pad: 'same' | 'valid'): tf.Tensor4D {
  if (FUSED.has(activation)) {
    return tf.fused.conv2d({ x, filter: w, bias: b, pad, strides: 1, activation: activation as tf.fused.Activation });
  }
  return applyActivation(tf.add(tf.conv2d(x, w, 1, pad), b), activation);
}

/**
 * activation(conv(x, W) + b), stride 1, 3x3.
 * @param x [batch, H, W, cin]
 * @param pad 'same' keeps the side (one zero around), 'valid' shrinks it by k - 1
 * @param xNeedsGradient false for the first layer, whose input is the data
 * @returns [batch, H, W, cout] ('same') or [batch, H - 2, W - 2, cout] ('valid')
 */
export function convolution(
  x: tf.Tensor4D,
  layer: ConvWeights,
  options: { gradients: ConvGradients; pad?: 'same' | 'valid'; xNeedsGradient?: boolean; activation?: LayerActivation },
): tf.Tensor4D {
  const pad = options.pad ?? 'same';
  const activation = options.activation ?? layer.activation;
  if (options.gradients === 'tape') return forwardConv(x, layer.filter, layer.bias, activation, pad);
  const k = layer.filter.shape[0];
  const p = pad === 'same' ? (k - 1) / 2 : 0;
  const backward = (dy: tf.Tensor4D, xs: tf.Tensor4D, w: tf.Tensor4D, y: tf.Tensor4D, withDx: boolean) => {
    const dz = activationGradient(dy, y, activation);
    const db = tf.sum(dz, [0, 1, 2]);
    const dw = filterGradient(xs, dz, k, p);
    if (!withDx) return { dw, db };
    // dx = full correlation of dz with the turned filter: pad k - 1 - p, then 'valid'.
    const q = k - 1 - p;
    const dzPadded = q > 0 ? tf.pad(dz, [[0, 0], [q, q], [q, q], [0, 0]]) : dz;
    return { dw, db, dx: tf.conv2d(dzPadded as tf.Tensor4D, turnFilter(w), 1, 'valid') };
  };
  if (options.xNeedsGradient ?? true) {
    const f = tf.customGrad((xIn, w, b, save) => {
      const y = forwardConv(xIn as tf.Tensor4D, w as tf.Tensor4D, b as tf.Tensor1D, activation, pad);
      (save as tf.GradSaveFunc)([xIn as tf.Tensor, w as tf.Tensor, y]);
      return {
        value: y,
        gradFunc: (dy, saved) => {
          const [xs, ws, ys] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
          const g = backward(dy as tf.Tensor4D, xs, ws, ys, true);
          return [g.dx!, g.dw, g.db];
        },
      };
    });
    return f(x, layer.filter, layer.bias) as tf.Tensor4D;
  }
  // The data layer: x is no input of the custom op, so no dx is computed for it. It is saved
  // all the same: tfjs frees the forward pass's tensors before the backward pass runs.
  const f = tf.customGrad((w, b, save) => {
    const y = forwardConv(x, w as tf.Tensor4D, b as tf.Tensor1D, activation, pad);
    (save as tf.GradSaveFunc)([w as tf.Tensor, y, x]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [ws, ys, xs] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
        const g = backward(dy as tf.Tensor4D, xs, ws, ys, false);
        return [g.dw, g.db];
      },
    };
  });
  return f(layer.filter, layer.bias) as tf.Tensor4D;
}

/** Each value repeated over its 2x2 window, from concat and reshape (no gradient of its own). */
function upsample(y: tf.Tensor4D): tf.Tensor4D {
  const [batch, h, w, c] = y.shape;
  const wide = tf.reshape(tf.concat([y, y], 3), [batch, h, 2 * w, c]);
  return tf.reshape(tf.concat([wide, wide], 2), [batch, 2 * h, 2 * w, c]);
}

/** The sum over each 2x2 window: the gradient of upsample. [batch, 2h, 2w, c] -> [batch, h, w, c] */
function windowSums(dy: tf.Tensor4D): tf.Tensor4D {
  return tf.mul(tf.avgPool(dy, POOL, POOL, 'valid'), POOL * POOL);
}

/**
 * Repeat-unpooling (Keras UpSampling2D): each value repeated over its 2x2 pooling window
 * Its gradient is the sum over each window, computed as 4 x average pooling: the tape's own
 * gradient of concat (SplitV) took 52 ms at [128, 14, 14, 16] on wasm, average pooling 2 ms.
 * [batch, h, w, c] -> [batch, 2h, 2w, c]
 */
export function repeatUnpool(y: tf.Tensor4D): tf.Tensor4D {
  const f = tf.customGrad((yIn) => ({
    value: upsample(yIn as tf.Tensor4D),
    gradFunc: (dy) => windowSums(dy as tf.Tensor4D),
  }));
  return f(y) as tf.Tensor4D;
}

/** [1, 2h, 2w, 1]: 1 at the top-left of each 2x2 window, 0 elsewhere. */
function topLeftMask(h: number, w: number): tf.Tensor4D {
  const m = new Float32Array(4 * h * w);
  for (let i = 0; i < 2 * h; i += 2) for (let j = 0; j < 2 * w; j += 2) m[i * 2 * w + j] = 1;
  return tf.tensor4d(m, [1, 2 * h, 2 * w, 1]);
}

/**
 * Each value at the top-left of its 2x2 window, zeros elsewhere (the spread-out input of a
 * stride-2 deconvolution). [batch, h, w, c] -> [batch, 2h, 2w, c]
 */
export function spreadOutMap(y: tf.Tensor4D): tf.Tensor4D {
  const mask = topLeftMask(y.shape[1], y.shape[2]);
  const f = tf.customGrad((yIn, save) => {
    (save as tf.GradSaveFunc)([mask]);
    return {
      value: tf.mul(upsample(yIn as tf.Tensor4D), mask),
      gradFunc: (dy, saved) => windowSums(tf.mul(dy, saved[0]) as tf.Tensor4D),
    };
  });
  return f(y) as tf.Tensor4D;
}

/**
 * The switches of 2x2 max pooling: 1 where a window's max sits, 0 elsewhere. Where several
 * positions of a window tie (common: all-zero windows after a ReLU), only the first in reading
 * order (top-left, top-right, bottom-left, bottom-right) wins, as TensorFlow's
 * MaxPoolWithArgmax picks the first index; so unpooling puts each value back exactly once.
 * Built from elementwise ops, slices and concat (no MaxPoolWithArgmax, which has no gradient
 * in tfjs); constant for the gradient (dL/dx through the switches is zero).
 * @param x [batch, H, W, c] with H and W even  @returns [batch, H, W, c] of 0 and 1
 */
export function poolSwitches(x: tf.Tensor4D): tf.Tensor4D {
  const f = tf.customGrad((xIn) => {
    const xs = xIn as tf.Tensor4D;
    return { value: switchesOf(xs), gradFunc: (dy) => tf.zerosLike(dy) };
  });
  return f(x) as tf.Tensor4D;
}

function switchesOf(x: tf.Tensor4D): tf.Tensor4D {
  const [batch, h, w, c] = x.shape;
  // x <= the window's max everywhere, so >= means "equals the max".
  const atMax = tf.cast(tf.greaterEqual(x, upsample(tf.maxPool(x, POOL, POOL, 'valid'))), 'float32');
  // [batch * h/2, 2 (row in window), w/2, 2c (column in window, then channel)]
  const r = tf.reshape(atMax, [(batch * h) / 2, 2, w / 2, 2 * c]);
  const at = (row: number, col: number) => tf.slice(r, [0, row, 0, col * c], [-1, 1, -1, c]);
  const tl = at(0, 0);
  const freeAfterTl = tf.sub(1, tl);
  const tr = tf.mul(at(0, 1), freeAfterTl);
  const freeAfterTr = tf.sub(freeAfterTl, tr);
  const bl = tf.mul(at(1, 0), freeAfterTr);
  const br = tf.mul(at(1, 1), tf.sub(freeAfterTr, bl));
  const rows = tf.concat([tf.concat([tl, tr], 3), tf.concat([bl, br], 3)], 1);
  return tf.reshape(rows, [batch, h, w, c]);
}

/**
 * 2x2 max pooling, stride 2, whose gradient goes through switches already computed (dx =
 * switches x repeated dy, a few ms) instead of MaxPoolGrad (about 100 ms at [128, 28, 28, 16]
 * on wasm). Computing the switches costs more than MaxPoolGrad, so only the max-unpooling
 * model, which needs them anyway, pools this way (conv.ts).
 * @param x [batch, H, W, c]  @param switches poolSwitches(x)
 * @returns [batch, H/2, W/2, c]
 */
export function maxPool(x: tf.Tensor4D, switches: tf.Tensor4D): tf.Tensor4D {
  const f = tf.customGrad((xIn, save) => {
    // Saved, not just closed over: tfjs frees the forward pass's tensors before the backward pass.
    (save as tf.GradSaveFunc)([switches]);
    return {
      value: tf.maxPool(xIn as tf.Tensor4D, POOL, POOL, 'valid'),
      gradFunc: (dy, saved) => tf.mul(saved[0], upsample(dy as tf.Tensor4D)),
    };
  });
  return f(x) as tf.Tensor4D;
}

/**
 * Max-unpooling: each value back where its window's max was, zeros elsewhere.
 * @param y [batch, h, w, c]  @param switches [batch, 2h, 2w, c] from the encoder
 * @returns [batch, 2h, 2w, c]
 */
export function maxUnpool(y: tf.Tensor4D, switches: tf.Tensor4D): tf.Tensor4D {
  return tf.mul(switches, repeatUnpool(y));
}

/**
 * Deconvolution: activation(transposed conv(x, W) + b), 3x3, stride 2, 'same' (side doubles).
 * With 'forwardConvolutions' it is computed as the lecture says, a convolution of the
 * spread-out input with the turned filter, whose gradients are forward convolutions again.
 * @param x [batch, h, w, cin]  @param layer.filter [3, 3, cout, cin]
 * @returns [batch, 2h, 2w, cout]
 */
export function deconvolution(
  x: tf.Tensor4D,
  layer: ConvWeights,
  options: { gradients: ConvGradients; activation?: LayerActivation },
): tf.Tensor4D {
  const activation = options.activation ?? layer.activation;
  const [batch, h, w] = x.shape;
  const cout = layer.filter.shape[2];
  if (options.gradients === 'tape') {
    const z = tf.add(tf.conv2dTranspose(x, layer.filter, [batch, 2 * h, 2 * w, cout], 2, 'same'), layer.bias);
    return applyActivation(z as tf.Tensor4D, activation);
  }
  // The 'same' stride-2 3x3 convolution this one transposes pads 0 on top and 1 below, so the
  // spread-out input [2h - 1] gets k - 1 - 0 = 2 zeros before and 2h + 0 - 2(h - 1) - 1 = 1
  // after (deconvolution.ts, spreadPadding): [batch, 2h + 2, 2w + 2, cin].
  const before = CONV_KERNEL - 1;
  const spread = tf.slice(spreadOutMap(x), [0, 0, 0, 0], [batch, 2 * h - 1, 2 * w - 1, -1]);
  const padded = tf.pad(spread, [[0, 0], [before, 1], [before, 1], [0, 0]]) as tf.Tensor4D;
  // The filter turned into a convolution filter [k, k, cin, cout]; the gradient flows back
  // through the turn to the stored filter.
  const turned: ConvWeights = { filter: turnFilter(layer.filter), bias: layer.bias, activation };
  return convolution(padded, turned, { gradients: 'forwardConvolutions', pad: 'valid' });
}
