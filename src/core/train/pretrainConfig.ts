/**
 * The pretraining experiment's settings (lesson pretraining, issue 5): greedy layer-wise
 * pretraining of a stack of autoencoders on unlabelled digits, then fine-tuning of the stack
 * plus a softmax layer on only N labelled digits, beside the same network from random weights.
 * Plain data validated by zod; it crosses the worker boundary as it is.
 */
import { z } from 'zod';
import '../zodSetup';
import { HIDDEN_ACTIVATIONS, LIMITS, OPTIMIZERS } from '../config';

/**
 * The hidden widths the page offers, input side first (784 -> widths... -> 10).
 * 'lecture' is the lecture's drawing, 784-1000-1000-500(-10). 'small' is the lesson's default:
 * its first accuracies appear within 30 s on wasm with 2 cores (docs/quality/pretraining.md
 * measures what each costs).
 */
export const PRETRAIN_WIDTHS = {
  small: [256, 256, 128],
  lecture: [1000, 1000, 500],
} as const satisfies Record<string, readonly number[]>;
export type PretrainWidthsName = keyof typeof PRETRAIN_WIDTHS;
export const PRETRAIN_WIDTH_NAMES = ['small', 'lecture'] as const satisfies readonly PretrainWidthsName[];

/** Labelled training digits the fine-tuning may use: 100, 1,000, or all of the training subset. */
export const LABEL_CHOICES = ['100', '1000', 'all'] as const;
export type LabelChoice = (typeof LABEL_CHOICES)[number];

/** How many labelled digits a choice means for a training subset of `trainSize` digits. */
export function labelCount(choice: LabelChoice, trainSize: number): number {
  return choice === 'all' ? trainSize : Math.min(trainSize, Number(choice));
}

export const pretrainConfigSchema = z.object({
  /** Hidden widths, input side first; each is pretrained as one autoencoder. */
  widths: z.array(z.number().int().min(LIMITS.layerWidth.min).max(LIMITS.layerWidth.max)).min(1).max(4),
  hiddenActivation: z.enum(HIDDEN_ACTIVATIONS),
  /** Unlabelled digits for pretraining: the seeded training subset (core/data/normalSubset.ts). */
  trainSize: z.number().int().min(LIMITS.trainSize.min).max(LIMITS.trainSize.max),
  /** Labelled digits for fine-tuning: the first `labels` of a seeded permutation of the subset. */
  labels: z.number().int().min(10).max(LIMITS.trainSize.max),
  /** Passes over the unlabelled subset per pretrained layer. */
  pretrainEpochs: z.number().min(0.01).max(50),
  /** Fine-tuning optimizer steps, the same for both networks (the budget). */
  fineTuneSteps: z.number().int().min(1).max(100_000),
  /** Test accuracy of both networks every this many fine-tuning steps (and at the end). */
  evalEvery: z.number().int().min(1).max(10_000),
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number().min(LIMITS.learningRate.min).max(LIMITS.learningRate.max),
  momentum: z.number().min(LIMITS.momentum.min).max(LIMITS.momentum.max),
  batchSize: z.number().int().min(1).max(LIMITS.batchSize.max),
  seed: z.number().int().min(LIMITS.seed.min).max(LIMITS.seed.max),
}).refine((c) => c.labels <= c.trainSize, { message: 'The labelled digits come from the training subset: labels must be at most trainSize.', path: ['labels'] });

export type PretrainConfig = z.infer<typeof pretrainConfigSchema>;

/** The lesson's experiment with `small` widths, 100 labels and the budget the lesson states. */
export const DEFAULT_PRETRAIN_CONFIG: PretrainConfig = {
  widths: [...PRETRAIN_WIDTHS.small],
  hiddenActivation: 'relu',
  trainSize: 10000,
  labels: 100,
  pretrainEpochs: 1,
  fineTuneSteps: 300,
  evalEvery: 25,
  optimizer: 'adam',
  learningRate: 0.001,
  momentum: 0.9,
  batchSize: 64,
  seed: 1,
};

/** Validates an untrusted config; never throws. */
export function checkPretrainConfig(value: unknown): { ok: true; config: PretrainConfig } | { ok: false; problems: string[] } {
  const r = pretrainConfigSchema.safeParse(value);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** What the page (and the lesson link) chooses: the labels slider and the widths. */
export interface PretrainSettings {
  labels: LabelChoice;
  widths: PretrainWidthsName;
}

export const DEFAULT_PRETRAIN_SETTINGS: PretrainSettings = { labels: '100', widths: 'small' };

/**
 * The experiment the page runs: the settings, and the lab's training-subset size and seed (so
 * the pretraining uses the lab's own unlabelled subset); the rest is the lesson's budget.
 */
export function pretrainConfigFor(settings: PretrainSettings, train: { trainSize: number; seed: number }): PretrainConfig {
  return {
    ...DEFAULT_PRETRAIN_CONFIG,
    widths: [...PRETRAIN_WIDTHS[settings.widths]],
    trainSize: train.trainSize,
    labels: labelCount(settings.labels, train.trainSize),
    seed: train.seed,
  };
}
