/**
 * The lab's configuration: the plain objects that flow view -> store -> worker -> core.
 * One zod schema per part gives the limits in one place; the architecture editor, the
 * worker and the lesson links (issue 3) all validate against it.
 */
import { z } from 'zod';

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
/**
 * Which autoencoder the lab trains (core/train/engines.ts builds one Engine per kind):
 * 'mlp' the dense autoencoder (and its denoising, sparse and contractive variants), 'conv' the
 * convolutional one, 'vae' the variational one, 'vq' VQ-VAE (discrete codes), 'adversarial'
 * an autoencoder whose code a discriminator pushes toward a prior, 'conditional' one whose
 * decoder also receives the digit's label.
 */
export const MODEL_KINDS = ['mlp', 'conv', 'vae', 'vq', 'adversarial', 'conditional'] as const;
/** How the convolutional decoder undoes a pooling stage (core/models/convConfig.ts CONV_DECODERS). */
export const CONV_DECODER_KINDS = ['maxUnpool', 'repeatUnpool', 'deconvolution'] as const;
/** The adversarial autoencoder's prior over codes (a ring and a mixture of 10 are 2-D shapes). */
export const CODE_PRIORS = ['gaussian', 'ring', 'mixture10'] as const;

export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export type OutputActivation = (typeof OUTPUT_ACTIVATIONS)[number];
export type LossName = (typeof LOSSES)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type NoiseType = (typeof NOISE_TYPES)[number];
export type ModelKind = (typeof MODEL_KINDS)[number];
export type ConvDecoderKind = (typeof CONV_DECODER_KINDS)[number];
export type CodePrior = (typeof CODE_PRIORS)[number];

export const LIMITS = {
  layerWidth: { min: 1, max: 2000 },
  encoderLayers: { min: 0, max: 4 },
  codeSize: { min: 1, max: 64 },
  learningRate: { min: 1e-5, max: 1 },
  momentum: { min: 0, max: 0.999 },
  batchSize: { min: 1, max: 1024 },
  trainSize: { min: 1000, max: 60000 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  codeL2: { min: 0, max: 1 },
  /** σ of Gaussian noise (pixels in [0, 1]), or the fraction of pixels salted or masked. */
  noiseLevel: { min: 0, max: 1 },
  /** Weight of the contractive penalty (squared Frobenius norm of the encoder's Jacobian). */
  contractive: { min: 0, max: 10 },
  /** Channels of each convolution stage (conv kind); pooling halves 28 -> 14 -> 7, so at most 2 stages. */
  convChannels: { min: 1, max: 64 },
  convStages: { min: 1, max: 2 },
  /** Weight of the VAE's KL term: 0 a noisy plain autoencoder, 1 the ELBO, above 1 a β-VAE. */
  beta: { min: 0, max: 100 },
  /** VQ-VAE: code indices per image, codebook vectors K, β of the commitment loss. */
  vqPositions: { min: 1, max: 64 },
  codebookSize: { min: 8, max: 512 },
  commitment: { min: 0, max: 2 },
} as const;

const int = (l: { min: number; max: number }) => z.number().int().min(l.min).max(l.max);

/**
 * The autoencoder. For kind 'mlp' the decoder mirrors the encoder:
 * 784 -> encoderLayers... -> codeSize -> reversed(encoderLayers)... -> 784, and the code
 * (bottleneck) layer is linear, so codes can take any real value. The other kinds share the
 * fields that apply to them (codeSize, activations, loss; encoderLayers for the dense ones)
 * and add their own below, each with a default so configs and links written before stay valid.
 */
export const mlpModelSchema = z.object({
  kind: z.enum(MODEL_KINDS),
  /** Hidden widths from the input towards the code, e.g. [256, 64]. */
  encoderLayers: z.array(int(LIMITS.layerWidth)).max(LIMITS.encoderLayers.max),
  codeSize: int(LIMITS.codeSize),
  hiddenActivation: z.enum(HIDDEN_ACTIVATIONS),
  outputActivation: z.enum(OUTPUT_ACTIVATIONS),
  /** bce needs outputs in (0, 1): it is only allowed with a sigmoid output. */
  loss: z.enum(LOSSES),
  /**
   * Weight of an L2 penalty on the code: the trainer adds codeL2 x (mean over the batch of
   * sum_j z_j²) to the per-pixel reconstruction loss (see Trainer.steps). It pulls codes toward
   * zero, so a grid sampled around zero decodes to digits. 0 = no penalty. Optional in input
   * (configs and links written before it existed read as 0).
   */
  codeL2: z.number().min(LIMITS.codeL2.min).max(LIMITS.codeL2.max).default(0),
  /**
   * Denoising: the trainer corrupts each training batch (fresh, seeded noise every step) and
   * asks for the clean digit back. 'none' = a plain autoencoder. Optional in input ('none').
   */
  noise: z.enum(NOISE_TYPES).default('none'),
  /** σ for 'gaussian', fraction of pixels for 'saltPepper' and 'mask'; unused for 'none'. */
  noiseLevel: z.number().min(LIMITS.noiseLevel.min).max(LIMITS.noiseLevel.max).default(0.5),
  /**
   * Contractive autoencoder: the trainer adds contractive x (mean over the batch of ||dz/dx||²_F,
   * the squared Frobenius norm of the encoder's Jacobian, code by pixels) to the per-pixel loss,
   * in closed form (core/train/contractive.ts), so the encoder may have at most one hidden layer.
   * 0 = no penalty. Optional in input (0).
   */
  contractive: z.number().min(LIMITS.contractive.min).max(LIMITS.contractive.max).default(0),
  /** conv: channels of each encoder stage, input side first (the decoder mirrors them). */
  convChannels: z
    .array(int(LIMITS.convChannels))
    .min(LIMITS.convStages.min)
    .max(LIMITS.convStages.max)
    .default(() => [16, 8]),
  /** conv: how the decoder undoes each pooling stage. */
  convDecoder: z.enum(CONV_DECODER_KINDS).default('maxUnpool'),
  /** vae: weight of the KL term (β). */
  beta: z.number().min(LIMITS.beta.min).max(LIMITS.beta.max).default(1),
  /** vq: code indices per image; codeSize = vqPositions x the numbers per codebook vector. */
  vqPositions: int(LIMITS.vqPositions).default(8),
  /** vq: K, the number of codebook vectors. */
  codebookSize: int(LIMITS.codebookSize).default(64),
  /** vq: β of the commitment loss (the VQ-VAE paper uses 0.25). */
  commitment: z.number().min(LIMITS.commitment.min).max(LIMITS.commitment.max).default(0.25),
  /** adversarial: the prior the discriminator compares the codes with. */
  prior: z.enum(CODE_PRIORS).default('gaussian'),
});

export const trainSchema = z.object({
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number().min(LIMITS.learningRate.min).max(LIMITS.learningRate.max),
  /** Momentum for SGD (ignored by Adam and RMSprop). */
  momentum: z.number().min(LIMITS.momentum.min).max(LIMITS.momentum.max),
  batchSize: int(LIMITS.batchSize),
  /** Images drawn (seeded) from the 60,000 training digits. */
  trainSize: int(LIMITS.trainSize),
  /** Seeds the weight initialisation, the training subset and the batch order. */
  seed: int(LIMITS.seed),
  /**
   * The digits the training subset is drawn from, ascending, each once: anomaly detection
   * trains on the "normal" digits only (core/data/normalSubset.ts; then the subset holds
   * min(trainSize, how many there are) images). Optional in input (configs and links written
   * before it existed read as all ten digits).
   */
  normalDigits: z
    .array(z.number().int().min(0).max(9))
    .min(1, 'Choose at least one normal digit.')
    .max(10)
    .refine((d) => d.every((v, i) => i === 0 || v > d[i - 1]), 'List each digit once, in increasing order.')
    .default(() => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
});

export const labConfigSchema = z
  .object({ model: mlpModelSchema, train: trainSchema })
  .superRefine((c, ctx) => {
    if (c.model.loss === 'bce' && c.model.outputActivation !== 'sigmoid') {
      ctx.addIssue({
        code: 'custom',
        path: ['model', 'loss'],
        message: 'Binary cross-entropy needs a sigmoid output (values between 0 and 1).',
      });
    }
    if (c.model.contractive > 0 && c.model.encoderLayers.length > 1) {
      // tfjs has no second-order gradients through the lab's dense layers, and the closed form
      // (contractive.ts) covers one hidden layer: a deeper encoder is refused, not approximated.
      ctx.addIssue({
        code: 'custom',
        path: ['model', 'contractive'],
        message: 'The contractive penalty needs an encoder with at most one hidden layer (784 → hidden → code): remove encoder layers or set the penalty to 0.',
      });
    }
    kindProblems(c.model).forEach((p) => ctx.addIssue({ code: 'custom', path: ['model', p.field], message: p.message }));
  });

/**
 * What a model kind refuses of the shared fields (for the schema and the editor), e.g. a
 * convolutional autoencoder has no dense hidden layers and the contractive closed form is the
 * dense encoder's.
 */
function kindProblems(m: z.infer<typeof mlpModelSchema>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (m.kind !== 'mlp' && m.contractive > 0) {
    problems.push({ field: 'contractive', message: 'The contractive penalty is for the dense (MLP) autoencoder only: set it to 0 or choose the MLP.' });
  }
  if (m.kind === 'conv' && m.encoderLayers.length > 0) {
    problems.push({
      field: 'encoderLayers',
      message: 'A convolutional autoencoder has no dense hidden layers (its stages are convChannels): remove the encoder layers.',
    });
  }
  if ((m.kind === 'vae' || m.kind === 'vq') && (m.loss !== 'bce' || m.outputActivation !== 'sigmoid')) {
    problems.push({
      field: 'loss',
      message: `The ${m.kind === 'vae' ? 'VAE' : 'VQ-VAE'} models each pixel as a Bernoulli variable: it needs a sigmoid output and binary cross-entropy.`,
    });
  }
  if (m.kind === 'vq' && m.codeSize % m.vqPositions !== 0) {
    problems.push({
      field: 'codeSize',
      message: `The VQ-VAE's code is ${m.vqPositions} codebook vectors of equal length: the code size must be a multiple of ${m.vqPositions}.`,
    });
  }
  return problems;
}

export type MlpModelConfig = z.infer<typeof mlpModelSchema>;
export type TrainConfig = z.infer<typeof trainSchema>;
export type LabConfig = z.infer<typeof labConfigSchema>;

/**
 * The variant settings of a plain autoencoder (no input noise, ...): the schema's defaults,
 * for code that writes a model config out in full.
 */
export const PLAIN_VARIANT = {
  noise: 'none',
  noiseLevel: 0.5,
  contractive: 0,
} as const satisfies Partial<MlpModelConfig>;

/** The other kinds' fields at their defaults, for code that writes an MLP config out in full. */
export const KIND_DEFAULTS: Pick<
  MlpModelConfig,
  'convChannels' | 'convDecoder' | 'beta' | 'vqPositions' | 'codebookSize' | 'commitment' | 'prior'
> = {
  convChannels: [16, 8],
  convDecoder: 'maxUnpool',
  beta: 1,
  vqPositions: 8,
  codebookSize: 64,
  commitment: 0.25,
  prior: 'gaussian',
};

/**
 * Defaults chosen so that a laptop without a GPU beats the PCA-2 baseline within seconds
 * (measured by `npm run bench`, secondsToBeatPca2).
 */
export const DEFAULT_CONFIG: LabConfig = {
  model: {
    kind: 'mlp',
    encoderLayers: [256, 64],
    codeSize: 2,
    hiddenActivation: 'relu',
    outputActivation: 'sigmoid',
    loss: 'bce',
    codeL2: 0,
    ...PLAIN_VARIANT,
    ...KIND_DEFAULTS,
  },
  train: {
    optimizer: 'adam',
    learningRate: 0.002,
    momentum: 0.9,
    batchSize: 64,
    trainSize: 10000,
    seed: 1,
    normalDigits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  },
};

export interface ConfigProblem {
  /** Dotted path of the bad field, e.g. "model.codeSize". */
  path: string;
  message: string;
}

/** Validates an untrusted config; never throws. */
export function checkConfig(
  value: unknown,
): { ok: true; config: LabConfig } | { ok: false; problems: ConfigProblem[] } {
  const r = labConfigSchema.safeParse(value);
  if (r.success) return { ok: true, config: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/**
 * Numbers per layer of the whole autoencoder, input to output, e.g. [784, 256, 64, 2, 64, 256, 784];
 * for the convolutional kind each stage's pooled map (14² x 16 = 3136, 7² x 8 = 392).
 */
export function layerWidths(m: MlpModelConfig): number[] {
  if (m.kind === 'conv') {
    let side = IMAGE_SIDE;
    const stages = m.convChannels.map((c) => {
      side /= 2;
      return side * side * c;
    });
    return [IMAGE_SIZE, ...stages, m.codeSize, ...[...stages].reverse(), IMAGE_SIZE];
  }
  return [IMAGE_SIZE, ...m.encoderLayers, m.codeSize, ...[...m.encoderLayers].reverse(), IMAGE_SIZE];
}
