/**
 * The VQ-VAE as a lab engine (engine.ts): models/vq.ts trained by train/vqObjective.ts inside
 * the lab's Trainer, with the dead-code reset on a schedule.
 *
 * The lab's code of a digit is the quantised code z_q [n, positions x codeDim] (codeSize
 * numbers, so the grid, the sliders and the scatter work unchanged); its discrete code is the
 * row of indices [n, positions], which encodeIndices / decodeIndices give the VQ views.
 *
 * Owned tensors: the model's variables and one [K] usage count since the last dead-code reset.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../settings/choices';
import { createRng, deriveSeed } from '../../data/rng';
import { createVq, stopGradient, straightThrough, type VqAutoencoder } from './model';
import { VQ_MEASURES, vqCodeDim, type VqModelConfig } from './kind';
import type { Engine, StepContext } from '../../train/engine';
import { reconstructionNats } from '../vae/objective';
import { codeUsage } from './objective';

/**
 * The lab config fields the VQ engine reads (LabConfig.model with kind 'vq'). vqResetEvery:
 * steps between dead-code resets; 0 = never reset. With resets, step 0 resets every code (none
 * has been picked yet) onto the first batch's encoder outputs before its update.
 */
export type VqEngineSpec = Pick<VqModelConfig, 'encoderLayers' | 'codeSize' | 'hiddenActivation' | 'vqPositions' | 'codebookSize' | 'commitment' | 'vqResetEvery'>;

export { VQ_MEASURES };

/** Seed stream of the dead-code reset: step s draws its picks from deriveSeed(stream, s). */
const RESET_STREAM = 11;

export interface VqEngine extends Engine<VqModelConfig> {
  readonly model: VqAutoencoder;
  readonly positions: number;
  readonly codebookSize: number;
  /** [n, 784] -> [n, positions] int32 indices of the nearest codes. */
  encodeIndices(x: tf.Tensor2D): tf.Tensor2D;
  /** [n, positions] int32 indices in 0..K-1 -> [n, 784] pixel probabilities. */
  decodeIndices(indices: tf.Tensor2D): tf.Tensor2D;
  /** [n, 784] -> [K] how many of the n x positions slots picked each code (int32). */
  usage(x: tf.Tensor2D): tf.Tensor1D;
}

/**
 * exp(entropy) of a [K] usage count and the number of codes used at least once, on the device.
 * @returns [2]: perplexity (1..K; NaN if nothing was counted) and codes used
 */
export function usageFigures(counts: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    // codeUsage sums a one-hot, int32 on some backends: an int32 division would floor p to 0.
    const usage = tf.cast(counts, 'float32');
    const p = tf.div(usage, tf.sum(usage));
    // 0 log 0 = 0: log of max(p, tiny) times p is 0 where p is 0.
    const entropy = tf.neg(tf.sum(tf.mul(p, tf.log(tf.maximum(p, 1e-30)))));
    const used = tf.sum(tf.cast(tf.greater(usage, 0), 'float32'));
    return tf.stack([tf.exp(entropy), used]) as tf.Tensor1D;
  });
}

/**
 * On-device dead-code reset: each code with usage 0 takes the place of one of the candidate
 * encoder outputs (seeded picks, drawn for every code so the stream does not depend on which
 * codes died); the others stay. Nothing is read back.
 * @param usage [K] counts since the previous reset  @param candidates [m, codeDim] z_e rows
 */
export function resetDeadCodesOnDevice(codebook: tf.Variable<tf.Rank.R2>, usage: tf.Tensor1D | 'all', candidates: tf.Tensor2D, rng: () => number): void {
  const K = codebook.shape[0];
  const picks = Int32Array.from({ length: K }, () => Math.floor(rng() * candidates.shape[0]));
  tf.tidy(() => {
    const dead = tf.reshape(usage === 'all' ? tf.ones([K], 'bool') : tf.equal(usage, 0), [K, 1]);
    const replacement = tf.gather(candidates, tf.tensor1d(picks, 'int32'));
    codebook.assign(tf.where(tf.broadcastTo(dead, codebook.shape), replacement, codebook) as tf.Tensor2D);
  });
}

/**
 * @param options.straightThrough false trains a broken model for the tests: the decoder gets
 *   stopGradient(z_q), so the encoder learns only from the commitment loss (the ablation the
 *   lesson's claim must tell apart)
 */
export function createVqEngine(
  spec: VqEngineSpec,
  seed: number,
  outputBias?: Float32Array,
  options: { straightThrough?: boolean } = {},
): VqEngine {
  const useStraightThrough = options.straightThrough ?? true;
  const resets = spec.vqResetEvery > 0;
  const codeDim = vqCodeDim(spec);
  const model = createVq(spec, seed, IMAGE_SIZE, outputBias);
  const K = spec.codebookSize;
  let usageSinceReset: tf.Tensor1D = tf.zeros([K]);
  const resetStream = deriveSeed(seed, RESET_STREAM);

  const trainStep = (x: tf.Tensor2D, ctx: StepContext<VqModelConfig>): tf.Scalar => {
    // β of the commitment loss is live: read at this step.
    const { commitment } = ctx.model;
    const kept: { reconstruction?: tf.Scalar; usage?: tf.Tensor1D } = {};
    if (ctx.step === 0 && resets) {
      // The first reset, before any step: no code has been picked yet, so every code is dead
      // and moves onto an encoder output of the first batch. From the reference initialisation
      // (all codes within 1/K of zero) a few codes win nearly every position.
      const candidates = tf.reshape(model.encodeContinuous(x), [-1, codeDim]) as tf.Tensor2D;
      resetDeadCodesOnDevice(model.codebook, 'all', candidates, createRng(deriveSeed(resetStream, -1)));
    }
    ctx.optimizer.minimize(
      () => {
        const zE = model.encodeContinuous(x);
        const { indices, zQ } = model.quantise(zE);
        const decoderInput = useStraightThrough ? straightThrough(zE, zQ) : stopGradient(zQ);
        const reconstruction = tf.mean(reconstructionNats(model.decodeLogits(decoderInput), x)) as tf.Scalar;
        const codebookLoss = tf.mean(tf.sum(tf.squaredDifference(stopGradient(zE), zQ), 1));
        const commitmentLoss = tf.mean(tf.sum(tf.squaredDifference(zE, stopGradient(zQ)), 1));
        kept.reconstruction = tf.keep(reconstruction);
        kept.usage = tf.keep(codeUsage(indices, K));
        return tf.addN([reconstruction, codebookLoss, tf.mul(commitment, commitmentLoss)]) as tf.Scalar;
      },
      false,
      model.variables,
    );
    const previous = usageSinceReset;
    usageSinceReset = tf.keep(tf.add(previous, kept.usage!));
    tf.dispose([previous, kept.usage!]);
    if (resets && (ctx.step + 1) % spec.vqResetEvery === 0) {
      // Candidates: this batch's encoder outputs after the update, one row per position.
      const candidates = tf.reshape(model.encodeContinuous(x), [-1, codeDim]) as tf.Tensor2D;
      resetDeadCodesOnDevice(model.codebook, usageSinceReset, candidates, createRng(deriveSeed(resetStream, ctx.step)));
      usageSinceReset.dispose();
      usageSinceReset = tf.keep(tf.zeros([K]));
    }
    // Nats per image -> the mean per-pixel BCE the learning curve shows.
    const perPixel = tf.div(kept.reconstruction!, IMAGE_SIZE) as tf.Scalar;
    kept.reconstruction!.dispose();
    return perPixel;
  };

  const usage = (x: tf.Tensor2D) => codeUsage(model.encodeIndices(x), K);
  return {
    model,
    codeSize: spec.codeSize,
    positions: spec.vqPositions,
    codebookSize: K,
    variables: model.variables,
    encode: (x) => model.encode(x),
    decodeLogits: (code) => model.decodeLogits(code),
    decode: (code) => model.decode(code),
    reconstructLogits: (x) => model.decodeLogits(model.encode(x)),
    encodeIndices: (x) => model.encodeIndices(x),
    decodeIndices: (indices) => model.decodeIndices(indices),
    usage,
    trainStep,
    measureNames: VQ_MEASURES,
    measure: (x) => usageFigures(usage(x)),
    dispose: () => {
      model.dispose();
      usageSinceReset.dispose();
    },
  };
}
