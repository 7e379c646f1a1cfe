/**
 * Configuration of the convolutional autoencoder (issue 4), kept apart from config.ts so the
 * two can grow on their own; the lab config will take it as a second `model` kind.
 *
 * Encoder: 28x28x1 -> per stage [conv 3x3 'same' + activation -> max pool 2x2]
 *   (one stage: 14x14xC1, two stages: 7x7xC2) -> flatten -> dense (linear) -> code.
 * Decoder: code -> dense + activation -> the last stage's map -> per stage, in reverse,
 *   an upsampling by 2 (the `decoder` choice) -> ... -> 28x28x1 logits -> [784].
 */
import { z } from 'zod';
import { HIDDEN_ACTIVATIONS, IMAGE_SIDE, LOSSES, OUTPUT_ACTIVATIONS } from '../config';

/**
 * How the decoder undoes a pooling stage (the lecture's two unpooling methods and
 * deconvolution):
 * - 'maxUnpool': each value goes back to the position its max came from in the encoder (the
 *   encoder remembers the "switches"), zeros elsewhere, then a 3x3 convolution;
 * - 'repeatUnpool': each value is repeated over its 2x2 window (Keras UpSampling2D), then a
 *   3x3 convolution;
 * - 'deconvolution': a 3x3 transposed convolution with stride 2, which upsamples and filters
 *   in one step (a convolution over the spread-out input, see deconvolution.ts).
 */
export const CONV_DECODERS = ['maxUnpool', 'repeatUnpool', 'deconvolution'] as const;
export type ConvDecoder = (typeof CONV_DECODERS)[number];

export const CONV_LIMITS = {
  /** Pooling halves 28 -> 14 -> 7; a third stage would need padding of the odd 7. */
  stages: { min: 1, max: 2 },
  channels: { min: 1, max: 64 },
  codeSize: { min: 1, max: 256 },
} as const;

/** Filter side of every convolution (3x3, as in the Keras blog's convolutional autoencoder). */
export const CONV_KERNEL = 3;
/** Pooling window and stride: 2x2, so each stage halves the side. */
export const POOL = 2;

const int = (l: { min: number; max: number }) => z.number().int().min(l.min).max(l.max);

export const convModelSchema = z
  .object({
    kind: z.literal('conv'),
    /** Channels of each encoder stage's convolution, input side first, e.g. [16, 8]. */
    stageChannels: z.array(int(CONV_LIMITS.channels)).min(CONV_LIMITS.stages.min).max(CONV_LIMITS.stages.max),
    codeSize: int(CONV_LIMITS.codeSize),
    hiddenActivation: z.enum(HIDDEN_ACTIVATIONS),
    outputActivation: z.enum(OUTPUT_ACTIVATIONS),
    loss: z.enum(LOSSES),
    decoder: z.enum(CONV_DECODERS),
    /** Weight of the L2 penalty on the code, as in the MLP config (Trainer.steps); 0 = none. */
    codeL2: z.number().min(0).max(1).default(0),
  })
  .superRefine((m, ctx) => {
    if (m.loss === 'bce' && m.outputActivation !== 'sigmoid') {
      ctx.addIssue({
        code: 'custom',
        path: ['loss'],
        message: 'Binary cross-entropy needs a sigmoid output (values between 0 and 1).',
      });
    }
  });

export type ConvModelConfig = z.infer<typeof convModelSchema>;

/** One layer's activations for one digit, for the feature-map view. */
export interface FeatureMap {
  /** In the lecture's words: 'input', 'convolution 1', 'pooling 1', 'code', 'unpooling 2', ... */
  name: string;
  part: 'encoder' | 'code' | 'decoder';
  /** [height, width, channels]; the code is [1, 1, codeSize]. */
  shape: [number, number, number];
  /** Row-major HWC values. */
  data: Float32Array;
}


/**
 * The lesson's default: conv 16 -> pool -> conv 8 -> pool (7x7x8 = 392 numbers) -> a
 * 128-number code, the code size of the Keras blog's convolutional autoencoder.
 */
export const DEFAULT_CONV_MODEL: ConvModelConfig = {
  kind: 'conv',
  stageChannels: [16, 8],
  codeSize: 128,
  hiddenActivation: 'relu',
  outputActivation: 'sigmoid',
  loss: 'bce',
  decoder: 'maxUnpool',
  codeL2: 0,
};

/** Validates an untrusted conv model config; never throws. */
export function checkConvModel(
  value: unknown,
): { ok: true; config: ConvModelConfig } | { ok: false; problems: { path: string; message: string }[] } {
  const r = convModelSchema.safeParse(value);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

/** Side of the feature maps after each encoder stage: [28, 14] -> [14, 7]. */
export function stageSides(stages: number): number[] {
  const sides: number[] = [];
  let side = IMAGE_SIDE;
  for (let s = 0; s < stages; s++) {
    side /= POOL;
    sides.push(side);
  }
  return sides;
}

/** Numbers in the last encoder stage's map, the input of the dense layer to the code. */
export function flatSize(m: Pick<ConvModelConfig, 'stageChannels'>): number {
  const side = stageSides(m.stageChannels.length).at(-1)!;
  return side * side * m.stageChannels.at(-1)!;
}

/**
 * Names and shapes of the model's weights in the order of ConvAutoencoder.variables, for
 * snapshots (train/snapshot.ts's weightLayout does the same for the MLP).
 */
export function convWeightLayout(m: Pick<ConvModelConfig, 'stageChannels' | 'codeSize' | 'decoder'>): { name: string; shape: number[] }[] {
  const k = CONV_KERNEL;
  const c = m.stageChannels;
  const layout: { name: string; shape: number[] }[] = [];
  c.forEach((out, s) => {
    layout.push({ name: `encoder/conv${s}/filter`, shape: [k, k, s === 0 ? 1 : c[s - 1], out] });
    layout.push({ name: `encoder/conv${s}/bias`, shape: [out] });
  });
  const flat = flatSize(m);
  layout.push({ name: 'encoder/code/kernel', shape: [flat, m.codeSize] }, { name: 'encoder/code/bias', shape: [m.codeSize] });
  layout.push({ name: 'decoder/code/kernel', shape: [m.codeSize, flat] }, { name: 'decoder/code/bias', shape: [flat] });
  for (let s = c.length - 1; s >= 0; s--) {
    const cin = c[s];
    const cout = s === 0 ? 1 : c[s - 1];
    const what = m.decoder === 'deconvolution' ? 'deconv' : 'conv';
    layout.push({ name: `decoder/${what}${s}/filter`, shape: m.decoder === 'deconvolution' ? [k, k, cout, cin] : [k, k, cin, cout] });
    layout.push({ name: `decoder/${what}${s}/bias`, shape: [cout] });
  }
  layout.push({ name: 'decoder/outputBias', shape: [IMAGE_SIDE * IMAGE_SIDE] });
  return layout;
}
