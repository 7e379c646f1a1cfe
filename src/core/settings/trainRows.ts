/**
 * The training settings, one row each (row.ts): LabConfig.train, shared by every kind.
 */
import { z } from 'zod';
import { ALL_DIGITS, OPTIMIZERS, type OptimizerName } from './choices';
import { decimalString, formatDigits, formatPlain, intString, normalDigitsString } from './codecs';
import { decimalSchema, intSchema, row, shapeOf, type Range, type SettingRow } from './row';

const numberRow = (
  id: string,
  limits: Range,
  def: number,
  more: { key: string; label: string; integer: boolean; live?: boolean },
): SettingRow<number> => {
  const schema = more.integer ? intSchema(limits) : decimalSchema(limits);
  return row<number>({
    id,
    part: 'train',
    schema,
    limits,
    default: def,
    optional: false,
    link: { key: more.key, codec: (more.integer ? intString : decimalString).pipe(schema), format: formatPlain },
    input: { kind: more.integer ? 'int' : 'decimal' },
    label: more.label,
    live: more.live ?? false,
  });
};

const digits = { item: { min: 0, max: 9 }, count: { min: 1, max: 10 } };
const digitsSchema = z
  .array(intSchema(digits.item))
  .min(1, 'Choose at least one normal digit.')
  .max(10)
  .refine((d) => d.every((v, i) => i === 0 || v > d[i - 1]), 'List each digit once, in increasing order.');

export const TRAIN_ROWS = {
  optimizer: row<OptimizerName>({
    id: 'optimizer',
    part: 'train',
    schema: z.enum(OPTIMIZERS),
    default: 'adam',
    optional: false,
    link: { key: 'opt', codec: z.enum(OPTIMIZERS), format: formatPlain },
    input: { kind: 'enum', options: OPTIMIZERS },
    label: 'architecture.optimizer',
    live: false,
  }),
  /** Defaults chosen so that a laptop without a GPU beats the PCA-2 baseline within seconds (`npm run bench`). */
  learningRate: numberRow('learningRate', { min: 1e-5, max: 1 }, 0.002, { key: 'lr', label: 'architecture.learningRate', integer: false, live: true }),
  /** Momentum for SGD (ignored by Adam and RMSprop). */
  momentum: numberRow('momentum', { min: 0, max: 0.999 }, 0.9, { key: 'mom', label: 'architecture.momentum', integer: false, live: true }),
  batchSize: numberRow('batchSize', { min: 1, max: 1024 }, 64, { key: 'batch', label: 'architecture.batchSize', integer: true, live: true }),
  /** Images drawn (seeded) from the 60,000 training digits. */
  trainSize: numberRow('trainSize', { min: 1000, max: 60000 }, 10000, { key: 'n', label: 'architecture.trainSize', integer: true }),
  /** Seeds the weight initialisation, the training subset and the batch order. */
  seed: numberRow('seed', { min: 0, max: 2 ** 31 - 1 }, 1, { key: 'seed', label: 'architecture.seed', integer: true }),
  /**
   * The digits the training subset is drawn from, ascending, each once: anomaly detection
   * trains on the "normal" digits only (core/data/normalSubset.ts). Optional in input (all ten).
   */
  normalDigits: row<number[]>({
    id: 'normalDigits',
    part: 'train',
    schema: digitsSchema,
    limits: digits,
    default: [...ALL_DIGITS],
    optional: true,
    link: { key: 'normal', codec: normalDigitsString.pipe(digitsSchema), format: formatDigits },
    input: { kind: 'digitList' },
    label: 'applications.anomaly.normalLegend',
    live: false,
  }),
};

export type TrainRows = typeof TRAIN_ROWS;
export type TrainSettingId = keyof TrainRows;

/** LabConfig.train's fields, in the order the link and the editor list them. */
export const TRAIN_SETTINGS = ['optimizer', 'learningRate', 'momentum', 'batchSize', 'trainSize', 'seed', 'normalDigits'] as const satisfies readonly TrainSettingId[];

/** LabConfig.train: every training row, with the defaults of the optional ones. */
export const trainSchema = z.object(shapeOf(TRAIN_ROWS, TRAIN_SETTINGS));

export type TrainConfig = z.infer<typeof trainSchema>;

/** Every training setting at its row's default. */
export const TRAIN_DEFAULTS: TrainConfig = Object.fromEntries(
  TRAIN_SETTINGS.map((id) => [id, structuredClone(TRAIN_ROWS[id].default)]),
) as TrainConfig;
