/**
 * Why a config was refused, as a code with parameters (the page words it in the reader's
 * language) and an English sentence for developers, Node and the tests (problemMessage).
 */

/** What a problem says, by code. Params are plain numbers and names. */
export type ProblemCode =
  /** A value on its own: not a number, not one of the options, ... (the message is zod's). */
  | 'invalid'
  /** A number or list outside its limits: params min, max. */
  | 'range'
  /** A fractional number where a whole one is needed. */
  | 'wholeNumber'
  /** A list with more entries than allowed: params max. */
  | 'tooMany'
  /** A list with fewer entries than needed: params min. */
  | 'tooFew'
  /** Binary cross-entropy with an output outside (0, 1). */
  | 'loss.bceNeedsSigmoid'
  /** The contractive penalty with more than one hidden encoder layer (no closed form). */
  | 'contractive.depth'
  /** The contractive penalty with a non-linear code layer. */
  | 'contractive.linearCode'
  /** KL sparsity with a code activation outside (0, 1). */
  | 'sparsity.klNeedsSigmoid'
  /** The contractive penalty on a kind other than the dense one. */
  | 'kind.contractiveMlpOnly'
  /** Dense hidden layers given to the convolutional kind. */
  | 'kind.noDenseLayers'
  /** A Bernoulli pixel model (VAE, VQ-VAE) without a sigmoid output and BCE: params kind. */
  | 'kind.needsBernoulli'
  /** A VQ-VAE code size that is not a multiple of the code positions: params positions. */
  | 'vq.codeSizeMultiple'
  /** A 2-D prior with a code size other than 2: params prior. */
  | 'adversarial.priorNeeds2d'
  /** Input noise or a code penalty on the adversarial autoencoder. */
  | 'adversarial.cleanCode';

export type ProblemParams = Record<string, string | number>;

export interface ConfigProblem {
  /** Dotted path of the bad field, e.g. "model.codeSize", "model.encoderLayers.1". */
  path: string;
  code: ProblemCode;
  params?: ProblemParams;
  /** English, for developers and logs; the page words `code` itself. */
  message: string;
}

/** A kind's cross-field problem, before it gets its path and message. */
export interface KindProblem {
  /** The model field the problem is shown at. */
  field: string;
  code: ProblemCode;
  params?: ProblemParams;
}

const KIND_NAMES: Record<string, string> = { vae: 'VAE', vq: 'VQ-VAE' };
const PRIOR_NAMES: Record<string, string> = { ring: 'ring', mixture10: 'mixture of 10 Gaussians' };

/**
 * The English sentence of a cross-field problem (the schema's own problems keep zod's text).
 * @param fallback the text for a code this function does not word ('invalid')
 */
export function problemMessage(code: ProblemCode, params: ProblemParams = {}, fallback = 'Invalid value.'): string {
  switch (code) {
    case 'range':
      return `Must be from ${params.min} to ${params.max}.`;
    case 'wholeNumber':
      return 'Use a whole number.';
    case 'tooMany':
      return `At most ${params.max} entries.`;
    case 'tooFew':
      return `At least ${params.min} entries.`;
    case 'loss.bceNeedsSigmoid':
      return 'Binary cross-entropy needs a sigmoid output (values between 0 and 1).';
    case 'contractive.depth':
      return 'The contractive penalty needs an encoder with at most one hidden layer (784 → hidden → code): remove encoder layers or set the penalty to 0.';
    case 'contractive.linearCode':
      return 'The contractive penalty needs a linear code layer: set the code activation to linear or the penalty to 0.';
    case 'sparsity.klNeedsSigmoid':
      return 'The KL sparsity penalty needs code activations between 0 and 1: set the code activation to sigmoid, or use the L1 penalty.';
    case 'kind.contractiveMlpOnly':
      return 'The contractive penalty is for the dense (MLP) autoencoder only: set it to 0 or choose the MLP.';
    case 'kind.noDenseLayers':
      return 'A convolutional autoencoder has no dense hidden layers (its stages are convChannels): remove the encoder layers.';
    case 'kind.needsBernoulli':
      return `The ${KIND_NAMES[params.kind] ?? params.kind} models each pixel as a Bernoulli variable: it needs a sigmoid output and binary cross-entropy.`;
    case 'vq.codeSizeMultiple':
      return `The VQ-VAE's code is ${params.positions} codebook vectors of equal length: the code size must be a multiple of ${params.positions}.`;
    case 'adversarial.priorNeeds2d':
      return `The ${PRIOR_NAMES[params.prior] ?? params.prior} is a 2-D prior: it needs a code size of 2 (or choose the Gaussian prior).`;
    case 'adversarial.cleanCode':
      return 'The adversarial autoencoder trains on clean digits and lets the discriminator shape the code: set the input noise to none and the code L2 penalty to 0.';
    case 'invalid':
      return fallback;
  }
}
