/**
 * The choices of the lab's enumerated settings (the options of each select in the editor, the
 * values a link may carry). Pure data; the settings table (table.ts) gives each its row.
 */

/** Pixels per MNIST image (28 x 28). */
export const IMAGE_SIZE = 784;
export const IMAGE_SIDE = 28;

export const HIDDEN_ACTIVATIONS = ['relu', 'elu', 'tanh', 'sigmoid'] as const;
export const OUTPUT_ACTIVATIONS = ['sigmoid', 'linear'] as const;
export const LOSSES = ['bce', 'mse'] as const;
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;
/**
 * Corruption of the training input for a denoising autoencoder (core/train/noise.ts):
 * 'gaussian' adds N(0, σ²) per pixel and clips to [0, 1]; 'saltPepper' sets a fraction of the
 * pixels to 0 or 1 (half each); 'mask' blanks a fraction of the pixels to 0 (BERT's masked input).
 */
export const NOISE_TYPES = ['none', 'gaussian', 'saltPepper', 'mask'] as const;
/** How the convolutional decoder undoes a pooling stage (core/kinds/conv/layout.ts). */
export const CONV_DECODER_KINDS = ['maxUnpool', 'repeatUnpool', 'deconvolution'] as const;
/** The adversarial autoencoder's prior over codes (a ring and a mixture of 10 are 2-D shapes). */
export const CODE_PRIORS = ['gaussian', 'ring', 'mixture10'] as const;
/**
 * The code (bottleneck) layer's activation: 'linear' (codes take any real value, as before),
 * 'relu' (codes >= 0: a unit can be exactly off) or 'sigmoid' (codes in (0, 1)).
 */
export const CODE_ACTIVATIONS = ['linear', 'relu', 'sigmoid'] as const;
/**
 * Sparse autoencoder (core/train/sparsity.ts): 'l1' adds weight x mean over the batch of
 * sum_j |h_j|; 'kl' adds weight x sum_j KL(ρ || ρ̂_j), ρ̂_j the batch mean of unit j.
 */
export const SPARSITY_PENALTIES = ['none', 'l1', 'kl'] as const;

export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export type OutputActivation = (typeof OUTPUT_ACTIVATIONS)[number];
export type LossName = (typeof LOSSES)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type NoiseType = (typeof NOISE_TYPES)[number];
export type ConvDecoderKind = (typeof CONV_DECODER_KINDS)[number];
export type CodePrior = (typeof CODE_PRIORS)[number];
export type CodeActivation = (typeof CODE_ACTIVATIONS)[number];
export type SparsityPenalty = (typeof SPARSITY_PENALTIES)[number];

/** Sparse autoencoder: a code unit is active on a digit when its activation exceeds this (code units). */
export const ACTIVE_THRESHOLD = 0.1;

/** Every digit: the training set as it is (the default of TrainConfig.normalDigits). */
export const ALL_DIGITS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** True when the list names all ten digits (training on everything). */
export function isAllDigits(digits: readonly number[]): boolean {
  return digits.length === 10 && ALL_DIGITS.every((d, i) => digits[i] === d);
}
