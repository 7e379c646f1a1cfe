/**
 * The VQ-VAE's configuration (issue 4), validated by zod like core/config.ts, whose limits
 * and training schema it shares. In its own module for the same reason as vaeConfig.ts.
 *
 * The code of an image is a short row of `positions` discrete indices, each naming one of the
 * `codebookSize` vectors of the codebook (each `codeDim` numbers). The MLP encoder emits
 * positions x codeDim numbers; a convolutional encoder later emits an h x w grid of them.
 */
import { z } from 'zod';
import { DEFAULT_CONFIG, HIDDEN_ACTIVATIONS, IMAGE_SIZE, LIMITS, trainSchema } from '../config';

export const VQ_LIMITS = {
  /** K, the number of codebook vectors (the issue: 8 to 512). */
  codebookSize: { min: 8, max: 512 },
  /** Numbers per codebook vector. */
  codeDim: { min: 1, max: 64 },
  /** Code indices per image. */
  positions: { min: 1, max: 64 },
  /** β of the commitment loss (the VQ-VAE paper uses 0.25). */
  commitment: { min: 0, max: 2 },
} as const;

const int = (l: { min: number; max: number }) => z.number().int().min(l.min).max(l.max);

/**
 * 784 -> encoderLayers... -> positions x codeDim (linear) -> nearest codebook vector at each
 * position (straight-through gradient) -> reversed(encoderLayers)... -> 784 (sigmoid).
 */
export const vqModelSchema = z.object({
  kind: z.literal('vq'),
  encoderLayers: z.array(int(LIMITS.layerWidth)).max(LIMITS.encoderLayers.max),
  hiddenActivation: z.enum(HIDDEN_ACTIVATIONS),
  positions: int(VQ_LIMITS.positions),
  codeDim: int(VQ_LIMITS.codeDim),
  codebookSize: int(VQ_LIMITS.codebookSize),
  commitment: z.number().min(VQ_LIMITS.commitment.min).max(VQ_LIMITS.commitment.max).default(0.25),
});

export const vqLabConfigSchema = z.object({ model: vqModelSchema, train: trainSchema });

export type VqModelConfig = z.infer<typeof vqModelSchema>;
export type VqLabConfig = z.infer<typeof vqLabConfigSchema>;

/** 784-256-64 then 8 indices into a codebook of 64 vectors of 4 numbers: 48 bits per image. */
export const DEFAULT_VQ_CONFIG: VqLabConfig = {
  model: {
    kind: 'vq',
    encoderLayers: [...DEFAULT_CONFIG.model.encoderLayers],
    hiddenActivation: 'relu',
    positions: 8,
    codeDim: 4,
    codebookSize: 64,
    commitment: 0.25,
  },
  train: { ...DEFAULT_CONFIG.train, learningRate: 0.001, batchSize: 100 },
};

/** Validates an untrusted VQ-VAE config; never throws. */
export function checkVqConfig(
  value: unknown,
): { ok: true; config: VqLabConfig } | { ok: false; problems: { path: string; message: string }[] } {
  const r = vqLabConfigSchema.safeParse(value);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

/** codeDim = codeSize / vqPositions; a config whose codeSize does not divide is refused. */
export function vqCodeDim(spec: { codeSize: number; vqPositions: number }): number {
  const d = spec.codeSize / spec.vqPositions;
  if (!Number.isInteger(d) || d < 1) {
    throw new RangeError(`The code size (${spec.codeSize}) must be a multiple of the code positions (${spec.vqPositions}).`);
  }
  return d;
}

/** The lab's VQ engine's weights (train/vqEngine.ts), in its variables' order: encoder, codebook, decoder. */
export function vqWeightLayout(spec: { encoderLayers: readonly number[]; codeSize: number; vqPositions: number; codebookSize: number }): { name: string; shape: number[] }[] {
  const widths = [IMAGE_SIZE, ...spec.encoderLayers, spec.codeSize];
  const back = [...widths].reverse();
  const dense = (half: string, w: number[]) =>
    w.slice(1).flatMap((out, i) => [
      { name: `${half}/${i}/kernel`, shape: [w[i], out] },
      { name: `${half}/${i}/bias`, shape: [out] },
    ]);
  return [...dense('encoder', widths), { name: 'codebook', shape: [spec.codebookSize, vqCodeDim(spec)] }, ...dense('decoder', back)];
}
