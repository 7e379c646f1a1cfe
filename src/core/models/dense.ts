/**
 * One fully connected layer, y = activation(x W + b), with two ways to get its gradients:
 *
 * - 'tape': tfjs's own gradients of matMul. They use the transposed products
 *   dx = dz Wᵀ (transposeB) and dW = xᵀ dz (transposeA), free on WebGL and WebGPU (the
 *   shader just indexes the other way).
 * - 'explicitTranspose': a custom gradient that transposes first and then multiplies plainly.
 *   On tfjs-backend-wasm 4.22 a transposed product leaves XNNPACK for a slow loop: in Node,
 *   [256,784]ᵀ x [256,256] took 43 ms with transposeA and 3.8 ms as transpose + matMul (the
 *   plain product alone 3.4 ms), so backward passes ran about 10x slower than forward ones.
 *   Measure again: `npx vitest run src/core/models/dense.test.ts` logs both.
 * - 'fused': the lab's own kernels (core/kernels/), registered for webgpu: one kernel forward
 *   and three backward per layer instead of about eight (bench: `fused` rows).
 */
import * as tf from '@tensorflow/tfjs';
import type { HiddenActivation, OutputActivation } from '../config';
import { fusedDense } from '../kernels/fusedDense';
import { fusedKernelsActive } from '../kernels/fusedKernels';

export type LayerActivation = HiddenActivation | OutputActivation;
export type DenseGradients = 'tape' | 'explicitTranspose' | 'fused';

export interface DenseLayer {
  /** [fanIn, fanOut] */
  kernel: tf.Variable<tf.Rank.R2>;
  /** [fanOut] */
  bias: tf.Variable<tf.Rank.R1>;
  activation: LayerActivation;
}

/** Activations the fused matMul kernel applies itself (tanh is not one of them). */
const FUSED: ReadonlySet<LayerActivation> = new Set(['relu', 'elu', 'sigmoid', 'linear']);

/** The gradients each backend computes fastest (see the module comment). */
export function preferredGradients(backend: string = tf.getBackend()): DenseGradients {
  if (fusedKernelsActive(backend)) return 'fused';
  return backend === 'wasm' ? 'explicitTranspose' : 'tape';
}

/** activation(x W + b) as one kernel where the backend allows it. x [batch, fanIn] -> [batch, fanOut]. */
function forward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: LayerActivation): tf.Tensor2D {
  if (FUSED.has(activation)) {
    return tf.fused.matMul({ a: x, b: w, bias: b, activation: activation as tf.fused.Activation }) as tf.Tensor2D;
  }
  return tf.tanh(tf.add(tf.matMul(x, w), b)) as tf.Tensor2D;
}

/** f(z) for any shape (dense rows, conv feature maps, one unit's inputs in the math views). */
export function applyActivation<T extends tf.Tensor>(z: T, activation: LayerActivation): T {
  switch (activation) {
    case 'linear':
      return z;
    case 'relu':
      return tf.relu(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'elu':
      return tf.elu(z);
  }
}

/**
 * dL/dz from dL/dy and the layer's output y = f(z), for each activation (elementwise, so any
 * shape: conv.ts uses it on [batch, height, width, channels] feature maps).
 * @param dy [batch, fanOut]  @param y [batch, fanOut]
 */
export function activationGradient<T extends tf.Tensor>(dy: T, y: T, activation: LayerActivation): T {
  switch (activation) {
    case 'linear':
      return dy;
    case 'relu':
      return tf.mul(dy, tf.step(y)) as T;
    case 'sigmoid':
      return tf.mul(dy, tf.mul(y, tf.sub(1, y))) as T;
    case 'tanh':
      return tf.mul(dy, tf.sub(1, tf.square(y))) as T;
    case 'elu':
      // elu'(z) = 1 for z > 0, else exp(z) = y + 1.
      return tf.mul(dy, tf.where(tf.greater(y, 0), tf.onesLike(y), tf.add(y, 1))) as T;
  }
}

/** x W + b, then the activation, with gradients by transposing first (see the module comment). */
function denseExplicitTranspose(
  x: tf.Tensor2D,
  layer: DenseLayer,
  activation: LayerActivation,
  xNeedsGradient: boolean,
): tf.Tensor2D {
  const { kernel, bias } = layer;
  const backward = (dy: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D, y: tf.Tensor2D) => {
    const dz = activationGradient(dy, y, activation);
    const dw = tf.matMul(tf.transpose(x), dz);
    const db = tf.sum(dz, 0);
    return { dw, db, dx: xNeedsGradient ? tf.matMul(dz, tf.transpose(w)) : undefined };
  };
  if (xNeedsGradient) {
    const f = tf.customGrad((xIn, w, b, save) => {
      const y = forward(xIn as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D, activation);
      (save as tf.GradSaveFunc)([xIn as tf.Tensor, w as tf.Tensor, y]);
      return {
        value: y,
        gradFunc: (dy, saved) => {
          const g = backward(dy as tf.Tensor2D, ...(saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D]));
          return [g.dx!, g.dw, g.db];
        },
      };
    });
    return f(x, kernel, bias) as tf.Tensor2D;
  }
  // The data layer: x is no input of the custom op, so no dz Wᵀ is computed for it.
  const f = tf.customGrad((w, b, save) => {
    const y = forward(x, w as tf.Tensor2D, b as tf.Tensor1D, activation);
    (save as tf.GradSaveFunc)([w as tf.Tensor, y]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [ws, ys] = saved as [tf.Tensor2D, tf.Tensor2D];
        const g = backward(dy as tf.Tensor2D, x, ws, ys);
        return [g.dw, g.db];
      },
    };
  });
  return f(kernel, bias) as tf.Tensor2D;
}

/**
 * x W + b, then the activation.
 * @param x [batch, fanIn]
 * @param options.gradients how the backward pass is computed (see the module comment)
 * @param options.xNeedsGradient false for the first layer, whose input is the data
 * @returns [batch, fanOut]
 */
export function dense(
  x: tf.Tensor2D,
  layer: DenseLayer,
  activation: LayerActivation = layer.activation,
  options: { gradients?: DenseGradients; xNeedsGradient?: boolean } = {},
): tf.Tensor2D {
  const gradients = options.gradients ?? 'tape';
  // Fused where the active backend has the kernels (else tfjs's ops, as 'tape').
  if (gradients === 'fused' && fusedKernelsActive()) {
    return fusedDense(x, layer.kernel, layer.bias, activation, options.xNeedsGradient ?? true);
  }
  if (gradients === 'explicitTranspose') {
    return denseExplicitTranspose(x, layer, activation, options.xNeedsGradient ?? true);
  }
  // While gradients are recorded tfjs splits the fused kernel itself (but for 'linear').
  return forward(x, layer.kernel, layer.bias, activation);
}
