/**
 * The variational autoencoder's configuration (issue 4), validated by zod like the MLP's in
 * core/config.ts, whose limits and training schema it shares. Kept in its own module so the
 * MLP schema can grow without this one; config.ts can later join the two in a union on `kind`.
 *
 * The likelihood is fixed: each pixel is a Bernoulli variable whose probability is the
 * decoder's sigmoid output, so the reconstruction term is the binary cross-entropy summed over
 * the 784 pixels, in nats, and reconstruction + KL is the negative ELBO of the lecture.
 */
import { z } from 'zod';
import { DEFAULT_CONFIG, HIDDEN_ACTIVATIONS, IMAGE_SIZE, LIMITS, trainSchema } from '../config';

export const VAE_LIMITS = {
  /**
   * Weight of the KL term. 0 = a (noisy) plain autoencoder; 1 = the ELBO; above 1 a β-VAE,
   * whose code is pushed harder toward the prior (very large values collapse the posterior).
   */
  beta: { min: 0, max: 100 },
} as const;

const int = (l: { min: number; max: number }) => z.number().int().min(l.min).max(l.max);

/**
 * 784 -> encoderLayers... -> (mean, log-variance), each codeSize wide and linear ->
 * sample z = mean + exp(logVar / 2) ε -> reversed(encoderLayers)... -> 784 (sigmoid).
 * The decoder has the MLP autoencoder's shape for the same encoderLayers and codeSize.
 */
export const vaeModelSchema = z.object({
  kind: z.literal('vae'),
  encoderLayers: z.array(int(LIMITS.layerWidth)).max(LIMITS.encoderLayers.max),
  codeSize: int(LIMITS.codeSize),
  hiddenActivation: z.enum(HIDDEN_ACTIVATIONS),
  beta: z.number().min(VAE_LIMITS.beta.min).max(VAE_LIMITS.beta.max).default(1),
});

export const vaeLabConfigSchema = z.object({ model: vaeModelSchema, train: trainSchema });

export type VaeModelConfig = z.infer<typeof vaeModelSchema>;
export type VaeLabConfig = z.infer<typeof vaeLabConfigSchema>;

/**
 * The lab's default architecture (784-256-64-2) as a VAE. Adam at 0.001 on the summed
 * per-image objective (the MLP default of 0.002 is for a per-pixel mean; Adam is
 * scale-invariant, but the VAE's noisy code trains steadier a little slower).
 */
export const DEFAULT_VAE_CONFIG: VaeLabConfig = {
  model: {
    kind: 'vae',
    encoderLayers: [...DEFAULT_CONFIG.model.encoderLayers],
    codeSize: 2,
    hiddenActivation: 'relu',
    beta: 1,
  },
  train: { ...DEFAULT_CONFIG.train, learningRate: 0.001, batchSize: 100 },
};

export interface VaeConfigProblem {
  /** Dotted path of the bad field, e.g. "model.beta". */
  path: string;
  message: string;
}

/** Validates an untrusted VAE config; never throws. */
export function checkVaeConfig(
  value: unknown,
): { ok: true; config: VaeLabConfig } | { ok: false; problems: VaeConfigProblem[] } {
  const r = vaeLabConfigSchema.safeParse(value);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

/**
 * Names and shapes of the VAE's weights in the order of createVae's variables (what a snapshot
 * stores): encoder hidden layers from the input, the mean head, the log-variance head, then
 * the decoder layers from the code; kernel, bias each.
 */
export function vaeWeightLayout(model: Pick<VaeModelConfig, 'encoderLayers' | 'codeSize'>): { name: string; shape: number[] }[] {
  const layout: { name: string; shape: number[] }[] = [];
  const add = (name: string, from: number, to: number) => {
    layout.push({ name: `${name}/kernel`, shape: [from, to] });
    layout.push({ name: `${name}/bias`, shape: [to] });
  };
  const widths = [IMAGE_SIZE, ...model.encoderLayers];
  for (let i = 0; i + 1 < widths.length; i++) add(`encoder/${i}`, widths[i], widths[i + 1]);
  const last = widths[widths.length - 1];
  add('mean', last, model.codeSize);
  add('logVar', last, model.codeSize);
  const back = [model.codeSize, ...[...model.encoderLayers].reverse(), IMAGE_SIZE];
  for (let i = 0; i + 1 < back.length; i++) add(`decoder/${i}`, back[i], back[i + 1]);
  return layout;
}
