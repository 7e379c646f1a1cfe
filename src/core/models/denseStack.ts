/**
 * A stack of dense layers with seeded weights: what every dense kind builds its encoder and
 * decoder from (the dense autoencoder, the VAE, the VQ-VAE, the conditional and adversarial
 * autoencoders, the text autoencoder), and the layers' initial values.
 *
 *   widths [w0, w1, ..., wn]: layer i maps [batch, w_i] -> [batch, w_(i+1)], activation(i)
 *
 * Raw tfjs variables (no tf.layers) so a kind keeps its halves apart and the trainer runs a
 * whole step inside one tf.tidy; each layer is dense.ts's (fused matMul + bias + activation,
 * the fast gradients on wasm).
 */
import * as tf from '@tensorflow/tfjs';
import type { OutputActivation } from '../settings/choices';
import { dense, type DenseGradients, type DenseLayer, type LayerActivation } from './dense';

/**
 * Glorot (Xavier) uniform initial weights: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)),
 * drawn from a seeded RNG so the same seed gives the same network on every backend.
 * @returns [fanIn, fanOut] row-major
 */
export function glorotUniform(fanIn: number, fanOut: number, rng: () => number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = (2 * rng() - 1) * limit;
  return w;
}

/** One dense layer with seeded Glorot-uniform weights; bias zeros unless given ([fanOut]). */
export function createLayer(
  fanIn: number,
  fanOut: number,
  activation: LayerActivation,
  rng: () => number,
  bias?: Float32Array,
): DenseLayer {
  const weights = glorotUniform(fanIn, fanOut, rng);
  // tidy frees the initial-value tensors; the variables keep their own reference.
  return tf.tidy(() => ({
    kernel: tf.variable(tf.tensor2d(weights, [fanIn, fanOut]), true),
    bias: tf.variable(bias ? tf.tensor1d(bias) : tf.zeros<tf.Rank.R1>([fanOut]), true),
    activation,
  }));
}

/**
 * The output bias that makes an untrained decoder output the mean training image (instead of
 * 0.5 everywhere), so training starts at the mean image's error rather than far above it.
 * @param meanImage [pixels] mean pixel values in [0, 1]
 * @returns [pixels]: logit(mean) for a sigmoid output (clamped away from 0 and 1), else the mean
 */
export function outputBiasForMean(meanImage: Float32Array, output: OutputActivation): Float32Array {
  if (output === 'linear') return Float32Array.from(meanImage);
  const eps = 1e-3;
  return meanImage.map((m) => {
    const p = Math.min(1 - eps, Math.max(eps, m));
    return Math.log(p / (1 - p));
  });
}

export interface DenseStack {
  /** Input side first. */
  readonly layers: readonly DenseLayer[];
  /** [kernel, bias] per layer, input side first. */
  readonly variables: tf.Variable[];
  /**
   * Every layer's output for x [batch, widths[0]], input side first ([batch, widths[i + 1]]).
   * @param options.inputNeedsGradient false where x is the data (no dx is computed for it)
   */
  outputs(x: tf.Tensor2D, options?: { inputNeedsGradient?: boolean }): tf.Tensor2D[];
  /**
   * The last layer's output [batch, widths[n]].
   * @param options.logits the last layer without its activation (the losses work on logits)
   */
  run(x: tf.Tensor2D, options?: { inputNeedsGradient?: boolean; logits?: boolean }): tf.Tensor2D;
  dispose(): void;
}

/**
 * Builds layers widths[0] -> widths[1] -> ... with seeded Glorot-uniform weights, drawn from
 * `rng` layer by layer from the input side (the order a snapshot and a seeded test rely on).
 * @param activation the activation of layer i (of widths.length - 1)
 * @param options.outputBias the last layer's initial bias (outputBiasForMean), zeros otherwise
 * @param options.gradients how the layers' backward passes run (dense.ts)
 */
export function denseStack(
  widths: readonly number[],
  activation: (layer: number, last: boolean) => LayerActivation,
  rng: () => number,
  options: { outputBias?: Float32Array; gradients: DenseGradients },
): DenseStack {
  const count = widths.length - 1;
  const layers: DenseLayer[] = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    layers.push(createLayer(widths[i], widths[i + 1], activation(i, last), rng, last ? options.outputBias : undefined));
  }
  const { gradients } = options;
  const outputs = (x: tf.Tensor2D, o: { inputNeedsGradient?: boolean; logits?: boolean } = {}): tf.Tensor2D[] => {
    const out: tf.Tensor2D[] = [];
    let h = x;
    layers.forEach((layer, i) => {
      const act = o.logits && i === count - 1 ? 'linear' : layer.activation;
      h = dense(h, layer, act, { gradients, xNeedsGradient: i > 0 || (o.inputNeedsGradient ?? true) });
      out.push(h);
    });
    return out;
  };
  const variables = layers.flatMap((l) => [l.kernel, l.bias] as tf.Variable[]);
  return {
    layers,
    variables,
    outputs,
    run: (x, o) => (count === 0 ? x : outputs(x, o)[count - 1]),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
