/**
 * The text autoencoder of the text-retrieval lesson: a dense MLP autoencoder over bags of
 * words (core/models/mlp.ts with inputSize = the vocabulary, 2,000 words), in two sizes as in
 * Hinton & Salakhutdinov (2006): a 2-number code drawn as a map, a 10-number code for retrieval.
 *
 * The word-count transform, and why (the input and the target differ on purpose):
 * - Input x: log(1 + count), each row scaled to unit length (textCorpus.ts, 'log1p-unit'). The
 *   log damps bursts (a word used 8 times is not 8 times the evidence), and unit rows make a
 *   5-word typed query and a 200-word passage land in the same region of code space: the code
 *   depends on which words occur, not on how many were typed.
 * - Target p: the passage's word proportions, count / (vocabulary words in the passage), a
 *   distribution over the 2,000 words. The decoder's last layer is linear and read as the
 *   logits of a softmax over the vocabulary, and the loss is the cross-entropy
 *   -Σ_w p_w log q_w (nats per word): the mean negative log-likelihood of the passage's words
 *   under the distribution the decoder predicts from the code. This is the multinomial
 *   (softmax) visible layer Hinton & Salakhutdinov put under their document autoencoder. A
 *   sigmoid with binary cross-entropy per word would instead spend most of its gradient on the
 *   ~1,900 words that are absent from a 200-word passage.
 * The output bias starts at log(unigram frequency) of each word, so an untrained decoder
 * predicts the corpus's word frequencies and the first loss is the unigram model's cross-entropy:
 * the baseline every code has to beat.
 */
import * as tf from '@tensorflow/tfjs';
import { MLP, type MlpModelConfig } from '../mlp/kind';
import type { TextModelConfig } from './kind';
import type { BagOfWords } from '../../data/textCorpus';
import { createMlpAutoencoder, type MlpAutoencoder } from '../mlp/model';
import type { DenseGradients } from '../../models/dense';
import { preferredGradients } from '../../models/dense';

export type { TextModelConfig } from './kind';

/**
 * The MLP config of a text model: linear output (the softmax logits, see the file comment).
 * `loss` is not used by the text objective (wordCrossEntropy); 'mse' is the value that a linear
 * output allows.
 */
export function textMlpConfig(c: TextModelConfig): MlpModelConfig {
  return {
    ...MLP.defaults,
    encoderLayers: [...c.encoderLayers],
    codeSize: c.codeSize,
    hiddenActivation: c.hiddenActivation,
    outputActivation: 'linear',
    loss: 'mse',
  };
}

/**
 * log(unigram frequency) of each word over the bags: the output bias that makes an untrained
 * decoder predict the corpus's word frequencies. A word that never occurs gets half a count.
 * @returns [vocabularySize]
 */
export function unigramLogits(bags: readonly BagOfWords[], vocabularySize: number): Float32Array {
  const totals = new Float64Array(vocabularySize);
  let all = 0;
  for (const bag of bags) {
    for (let j = 0; j < bag.indices.length; j++) {
      totals[bag.indices[j]] += bag.counts[j];
      all += bag.counts[j];
    }
  }
  const out = new Float32Array(vocabularySize);
  const denominator = all + 0.5 * vocabularySize;
  for (let w = 0; w < vocabularySize; w++) out[w] = Math.log((totals[w] + (totals[w] > 0 ? 0 : 0.5)) / denominator);
  return out;
}

/**
 * Mean over the passages of their cross-entropy under the corpus's word frequencies (the
 * softmax of unigramLogits), nats per word: the loss of a decoder that ignores the code.
 */
export function unigramCrossEntropy(bags: readonly BagOfWords[], vocabularySize: number): number {
  const logits = unigramLogits(bags, vocabularySize);
  let max = -Infinity;
  for (const l of logits) max = Math.max(max, l);
  let z = 0;
  for (const l of logits) z += Math.exp(l - max);
  const logZ = max + Math.log(z);
  let sum = 0;
  let passages = 0;
  for (const bag of bags) {
    let total = 0;
    let weighted = 0;
    for (let j = 0; j < bag.indices.length; j++) {
      total += bag.counts[j];
      weighted += bag.counts[j] * (logits[bag.indices[j]] - logZ);
    }
    if (total > 0) sum -= weighted / total;
    passages++;
  }
  return passages > 0 ? sum / passages : Number.NaN;
}

/** Builds the text autoencoder: vocabularySize -> encoderLayers -> code -> mirror -> vocabularySize logits. */
export function createTextAutoencoder(
  config: TextModelConfig,
  seed: number,
  vocabularySize: number,
  outputBias?: Float32Array,
  gradients: DenseGradients = preferredGradients(),
): MlpAutoencoder {
  return createMlpAutoencoder(textMlpConfig(config), seed, vocabularySize, outputBias, gradients);
}

/**
 * The model's input and target from raw counts (inside the caller's tidy).
 * @param counts [batch, V] word counts
 * @returns x [batch, V] log(1 + count) rows of unit length; p [batch, V] proportions (rows sum
 *   to 1; a passage without vocabulary words is a row of zeros in both)
 */
export function textInputAndTarget(counts: tf.Tensor2D): { x: tf.Tensor2D; p: tf.Tensor2D } {
  const logCounts = tf.log1p(counts);
  const norms = tf.maximum(tf.sqrt(tf.sum(tf.square(logCounts), 1, true)), 1e-12);
  const totals = tf.maximum(tf.sum(counts, 1, true), 1);
  return { x: tf.div(logCounts, norms) as tf.Tensor2D, p: tf.div(counts, totals) as tf.Tensor2D };
}

/**
 * Cross-entropy of the target proportions under the softmax of the logits, nats per word.
 * @param logits [batch, V]  @param p [batch, V] rows summing to 1 (or 0)
 * @returns [batch] -Σ_w p_w log softmax(logits)_w
 */
export function wordCrossEntropy(logits: tf.Tensor2D, p: tf.Tensor2D): tf.Tensor1D {
  return tf.neg(tf.sum(tf.mul(p, tf.logSoftmax(logits)), 1)) as tf.Tensor1D;
}

/**
 * One optimizer step on a batch (call it inside a tidy). x and p are made by the caller
 * (textInputAndTarget), outside the loss function: the first layer's gradient reads x after
 * the forward pass (dense.ts), so x must outlive minimize's own tidy.
 * @param x [batch, V] inputs  @param p [batch, V] target proportions
 * @returns the batch's mean cross-entropy before the update, kept: the caller disposes it
 */
export function textStep(model: MlpAutoencoder, optimizer: tf.Optimizer, x: tf.Tensor2D, p: tf.Tensor2D): tf.Scalar {
  let loss: tf.Scalar | undefined;
  optimizer.minimize(
    () => {
      const mean = tf.mean(wordCrossEntropy(model.decodeLogits(model.encode(x)), p)) as tf.Scalar;
      loss = tf.keep(tf.clone(mean));
      return mean;
    },
    false,
    model.variables,
  );
  return loss!;
}
