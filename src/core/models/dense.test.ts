import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmInNode } from '../train/nodeBackend';
import { dense, preferredGradients, type DenseGradients, type DenseLayer, type LayerActivation } from './dense';

const ACTIVATIONS: LayerActivation[] = ['relu', 'sigmoid', 'tanh', 'elu', 'linear'];

function layer(fanIn: number, fanOut: number, activation: LayerActivation, seed: number): DenseLayer {
  return {
    kernel: tf.variable(tf.randomNormal<tf.Rank.R2>([fanIn, fanOut], 0, 0.5, 'float32', seed)),
    bias: tf.variable(tf.randomNormal<tf.Rank.R1>([fanOut], 0, 0.5, 'float32', seed + 1)),
    activation,
  };
}

/** Loss of two stacked layers and its gradients with respect to both layers' weights. */
function gradientsOf(gradients: DenseGradients, layers: DenseLayer[], x: tf.Tensor2D): Float32Array[] {
  return tf.tidy(() => {
    const vars = layers.flatMap((l) => [l.kernel, l.bias]);
    const { value, grads } = tf.variableGrads(() => {
      const h = dense(x, layers[0], layers[0].activation, { gradients, xNeedsGradient: false });
      const y = dense(h, layers[1], layers[1].activation, { gradients });
      return tf.sum(tf.mul(y, tf.linspace(-1, 1, y.size).reshape(y.shape))) as tf.Scalar;
    }, vars);
    return [value, ...vars.map((v) => grads[v.name])].map((t) => t.dataSync() as Float32Array);
  });
}

function maxRelativeDifference(a: Float32Array, b: Float32Array): number {
  let scale = 1e-6;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(a[i]));
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
  }
  return diff / scale;
}

describe.each(['cpu', 'wasm'])('dense layer gradients on %s', (backend) => {
  beforeAll(async () => {
    if (backend === 'wasm') await useWasmInNode();
    else await tf.setBackend('cpu');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(ACTIVATIONS)('explicit-transpose gradients equal the tape for %s', (activation) => {
    const layers = [layer(12, 7, activation, 1), layer(7, 5, 'sigmoid', 3)];
    const x = tf.randomUniform<tf.Rank.R2>([9, 12], 0, 1, 'float32', 5);
    const tape = gradientsOf('tape', layers, x);
    const explicit = gradientsOf('explicitTranspose', layers, x);
    expect(explicit.map((e) => e.length)).toEqual(tape.map((t) => t.length));
    // The value, then kernel and bias of both layers: each equal to float32 rounding.
    tape.forEach((t, i) => expect(maxRelativeDifference(t, explicit[i])).toBeLessThan(1e-5));
    // A wrong derivative would not be near: the gradients are far from zero.
    expect(Math.max(...tape[1].map(Math.abs))).toBeGreaterThan(0.01);
    x.dispose();
    layers.forEach((l) => (l.kernel.dispose(), l.bias.dispose()));
  });

  it('a step leaves no tensor behind, with and without the gradient of x', () => {
    const layers = [layer(12, 7, 'relu', 1), layer(7, 5, 'tanh', 3)];
    const x = tf.randomUniform<tf.Rank.R2>([9, 12], 0, 1, 'float32', 5);
    const optimizer = tf.train.adam(0.01);
    const step = () =>
      tf.tidy(() => {
        optimizer.minimize(() => {
          const h = dense(x, layers[0], 'relu', { gradients: 'explicitTranspose', xNeedsGradient: false });
          return tf.mean(tf.square(dense(h, layers[1], 'tanh', { gradients: 'explicitTranspose' }))) as tf.Scalar;
        });
      });
    step(); // Adam makes its slots on the first step.
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    x.dispose();
    layers.forEach((l) => (l.kernel.dispose(), l.bias.dispose()));
  });
});

describe('why wasm gets explicit transposes', () => {
  it('picks explicit transposes on wasm only', () => {
    expect(preferredGradients('wasm')).toBe('explicitTranspose');
    expect(preferredGradients('webgl')).toBe('tape');
    expect(preferredGradients('webgpu')).toBe('tape');
    expect(preferredGradients('cpu')).toBe('tape');
  });

  it('logs the cost of a transposed product against transpose + product (no timed assertion)', async () => {
    await useWasmInNode();
    const x = tf.randomNormal<tf.Rank.R2>([256, 784]);
    const dz = tf.randomNormal<tf.Rank.R2>([256, 256]);
    const time = (f: () => tf.Tensor) => {
      for (let i = 0; i < 2; i++) tf.tidy(() => tf.sum(f()).dataSync());
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) tf.tidy(() => tf.sum(f()).dataSync());
      return (performance.now() - t0) / 5;
    };
    const transposeA = time(() => tf.matMul(x, dz, true, false));
    const explicit = time(() => tf.matMul(tf.transpose(x), dz));
    console.log(
      `wasm, [256,784]ᵀ x [256,256]: transposeA ${transposeA.toFixed(1)} ms, transpose + matMul ${explicit.toFixed(1)} ms`,
    );
    // Same product either way.
    const a = tf.matMul(x, dz, true, false);
    const b = tf.matMul(tf.transpose(x), dz);
    expect(maxRelativeDifference(a.dataSync() as Float32Array, b.dataSync() as Float32Array)).toBeLessThan(1e-5);
    tf.dispose([x, dz, a, b]);
    await tf.setBackend('cpu');
  });
});
