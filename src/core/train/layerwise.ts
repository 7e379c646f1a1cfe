/**
 * Greedy layer-wise pretraining, as the lecture draws it: train the autoencoder 784-h1-784 on
 * the unlabelled digits and keep its encoder W1; then, with W1 fixed, train h1-h2-h1 to
 * reconstruct the first layer's outputs and keep W2; and so on up the stack. Each layer's
 * decoder is thrown away; only the encoders W1, W2, ... initialise the classifier (fineTune.ts).
 *
 * The frozen layers' outputs on the whole training subset are computed once, when a layer is
 * done ([n, h_k] on the device), so the next autoencoder trains on them directly.
 *
 * Reconstruction loss per layer: inputs in [0, 1] (the pixels, or sigmoid units) are rebuilt
 * through a sigmoid output with binary cross-entropy; unbounded ones (ReLU, ELU, tanh units)
 * through a linear output with squared error, mean per unit.
 */
import * as tf from '@tensorflow/tfjs';
import type { HiddenActivation } from '../config';
import { createRng, deriveSeed } from '../data/rng';
import { dense, preferredGradients, type DenseGradients, type DenseLayer } from '../models/dense';
import { createLayer } from '../models/denseStack';
import { BatchOrder } from './batchOrder';
import { hiddenInitRng } from './fineTune';
import { CHUNK_ROWS } from './chunks';
import { meanPixelLoss } from './losses';
import { createOptimizer, disposeOptimizer } from './optimizers';
import type { PretrainConfig } from './pretrainConfig';

/** The autoencoder of one layer while it trains. */
interface LayerInTraining {
  index: number;
  encoder: DenseLayer;
  decoder: DenseLayer;
  optimizer: tf.Optimizer;
  batches: BatchOrder;
  lossSum: tf.Scalar;
  stepsSinceRead: number;
}

/** What the reconstruction of a layer's input is measured with (see the module comment). */
export function reconstructionLoss(layer: number, activation: HiddenActivation): { loss: 'bce' | 'mse'; outputActivation: 'sigmoid' | 'linear' } {
  const bounded = layer === 0 || activation === 'sigmoid';
  return bounded ? { loss: 'bce', outputActivation: 'sigmoid' } : { loss: 'mse', outputActivation: 'linear' };
}

/** Runs every layer through `encoders` (frozen), in chunks of CHUNK_ROWS rows. x [n, in] -> [n, out]. */
export function encodeThrough(encoders: readonly DenseLayer[], x: tf.Tensor2D, gradients: DenseGradients): tf.Tensor2D {
  return tf.tidy(() => {
    const parts: tf.Tensor2D[] = [];
    for (let start = 0; start < x.shape[0]; start += CHUNK_ROWS) {
      let h = tf.slice(x, [start, 0], [Math.min(CHUNK_ROWS, x.shape[0] - start), -1]) as tf.Tensor2D;
      for (const layer of encoders) h = dense(h, layer, layer.activation, { gradients, xNeedsGradient: false });
      parts.push(h);
    }
    return parts.length === 1 ? parts[0] : (tf.concat(parts, 0) as tf.Tensor2D);
  });
}

export class LayerwisePretraining {
  /** Pretrained (finished) encoder layers, input side first: [h_{k-1}, h_k] kernels. */
  readonly encoders: DenseLayer[] = [];
  /** Optimizer steps per layer: pretrainEpochs passes over the subset, in whole batches. */
  readonly stepsPerLayer: number;
  private readonly gradients = preferredGradients();
  /** The decoders' initial weights (thrown away after each layer). */
  private readonly rng: () => number;
  /** The encoders' initial weights: the random network's own stream (fineTune.ts hiddenInitRng). */
  private readonly encoderRng: () => number;
  /** The current layer's input: the pixels, then each frozen layer's outputs. [n, h_{k-1}] */
  private inputs: tf.Tensor2D;
  private ownsInputs = false;
  private current?: LayerInTraining;
  private stepInLayer = 0;

  /**
   * @param pixels [n, 784] unlabelled training digits in [0, 1]; borrowed, not disposed here
   */
  constructor(
    pixels: tf.Tensor2D,
    private readonly config: PretrainConfig,
  ) {
    this.inputs = pixels;
    this.rng = createRng(deriveSeed(config.seed, 21));
    this.encoderRng = hiddenInitRng(config.seed);
    this.stepsPerLayer = Math.max(1, Math.ceil((config.pretrainEpochs * pixels.shape[0]) / config.batchSize));
    this.startLayer(0);
  }

  /** Index of the layer being pretrained (0 = 784-h1-784), or the layer count once all are done. */
  get layer(): number {
    return this.current?.index ?? this.config.widths.length;
  }

  get done(): boolean {
    return this.current === undefined;
  }

  /** Steps taken in the current layer. */
  get stepsInLayer(): number {
    return this.stepInLayer;
  }

  /**
   * Up to `n` optimizer steps of the current layer's autoencoder, synchronously; stops at the
   * end of the layer (read its loss with readLoss, then call finishLayer).
   * @returns the steps taken
   */
  steps(n: number): number {
    const layer = this.current;
    if (!layer) return 0;
    const todo = Math.min(n, this.stepsPerLayer - this.stepInLayer);
    const spec = reconstructionLoss(layer.index, this.config.hiddenActivation);
    const vars = [layer.encoder.kernel, layer.encoder.bias, layer.decoder.kernel, layer.decoder.bias];
    for (let i = 0; i < todo; i++) {
      const rows = layer.batches.next();
      const next = tf.tidy(() => {
        const x = tf.gather(this.inputs, tf.tensor1d(rows, 'int32')) as tf.Tensor2D;
        const loss = layer.optimizer.minimize(() => {
          const h = dense(x, layer.encoder, layer.encoder.activation, { gradients: this.gradients, xNeedsGradient: false });
          return meanPixelLoss(dense(h, layer.decoder, 'linear', { gradients: this.gradients }), x, spec);
        }, true, vars) as tf.Scalar;
        return tf.add(layer.lossSum, loss) as tf.Scalar;
      });
      layer.lossSum.dispose();
      layer.lossSum = next;
    }
    layer.stepsSinceRead += todo;
    this.stepInLayer += todo;
    return todo;
  }

  /** True when the current layer has taken all its steps (finishLayer moves on). */
  get layerComplete(): boolean {
    return this.current !== undefined && this.stepInLayer >= this.stepsPerLayer;
  }

  /** Mean reconstruction loss of the current layer over the steps since the last read (NaN if none). */
  async readLoss(): Promise<number> {
    const layer = this.current;
    if (!layer || layer.stepsSinceRead === 0) return Number.NaN;
    const sum = layer.lossSum;
    const steps = layer.stepsSinceRead;
    layer.lossSum = tf.scalar(0);
    layer.stepsSinceRead = 0;
    const value = (await sum.data())[0];
    sum.dispose();
    return value / steps;
  }

  /**
   * Freezes the current layer's encoder, drops its decoder and optimizer, computes the layer's
   * outputs on the whole subset ([n, h_k], the next layer's input) and starts the next layer.
   */
  finishLayer(): void {
    const layer = this.current;
    if (!layer) return;
    this.encoders.push(layer.encoder);
    layer.decoder.kernel.dispose();
    layer.decoder.bias.dispose();
    disposeOptimizer(layer.optimizer);
    layer.lossSum.dispose();
    this.current = undefined;
    const next = layer.index + 1;
    if (next >= this.config.widths.length) {
      this.releaseInputs();
      return;
    }
    const outputs = encodeThrough([layer.encoder], this.inputs, this.gradients);
    this.releaseInputs();
    this.inputs = outputs;
    this.ownsInputs = true;
    this.startLayer(next);
  }

  /** Frees everything, the pretrained encoders too (fine-tuning copies them first). */
  dispose(): void {
    if (this.current) {
      const { encoder, decoder, optimizer, lossSum } = this.current;
      [encoder.kernel, encoder.bias, decoder.kernel, decoder.bias, lossSum].forEach((t) => t.dispose());
      disposeOptimizer(optimizer);
      this.current = undefined;
    }
    for (const e of this.encoders) (e.kernel.dispose(), e.bias.dispose());
    this.encoders.length = 0;
    this.releaseInputs();
  }

  private releaseInputs(): void {
    if (this.ownsInputs) this.inputs.dispose();
    this.ownsInputs = false;
  }

  private startLayer(index: number): void {
    const fanIn = this.inputs.shape[1];
    const width = this.config.widths[index];
    const { outputActivation } = reconstructionLoss(index, this.config.hiddenActivation);
    this.current = {
      index,
      encoder: createLayer(fanIn, width, this.config.hiddenActivation, this.encoderRng),
      decoder: createLayer(width, fanIn, outputActivation, this.rng),
      optimizer: createOptimizer(this.config),
      batches: new BatchOrder(this.inputs.shape[0], this.config.batchSize, deriveSeed(this.config.seed, 30 + index)),
      lossSum: tf.scalar(0),
      stepsSinceRead: 0,
    };
    this.stepInLayer = 0;
  }
}
