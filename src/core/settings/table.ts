/**
 * The lab's settings table: every row (row.ts) of LabConfig, model and training, in one list,
 * and what is derived from it that is not a schema: LIMITS, the row at a config path.
 */
import { KIND_ROW } from '../kinds/registry';
import { MODEL_ROWS } from './modelRows';
import type { AnySettingRow, Range } from './row';
import { TRAIN_ROWS } from './trainRows';

/** Every setting: the kind, the model's rows, the training rows. */
export const SETTINGS: readonly AnySettingRow[] = [KIND_ROW, ...Object.values(MODEL_ROWS), ...Object.values(TRAIN_ROWS)];

const numberLimits = (r: AnySettingRow): Range => r.limits as Range;
const listLimits = (r: AnySettingRow) => r.limits as { item: Range; count: Range };

/** The limits of the numeric settings, by name (the rows' `limits`). */
export const LIMITS = {
  layerWidth: listLimits(MODEL_ROWS.encoderLayers).item,
  /** At most this many hidden encoder layers. */
  encoderLayers: listLimits(MODEL_ROWS.encoderLayers).count,
  codeSize: numberLimits(MODEL_ROWS.codeSize),
  learningRate: numberLimits(TRAIN_ROWS.learningRate),
  momentum: numberLimits(TRAIN_ROWS.momentum),
  batchSize: numberLimits(TRAIN_ROWS.batchSize),
  trainSize: numberLimits(TRAIN_ROWS.trainSize),
  seed: numberLimits(TRAIN_ROWS.seed),
  codeL2: numberLimits(MODEL_ROWS.codeL2),
  noiseLevel: numberLimits(MODEL_ROWS.noiseLevel),
  contractive: numberLimits(MODEL_ROWS.contractive),
  convChannels: listLimits(MODEL_ROWS.convChannels).item,
  convStages: listLimits(MODEL_ROWS.convChannels).count,
  beta: numberLimits(MODEL_ROWS.beta),
  vqPositions: numberLimits(MODEL_ROWS.vqPositions),
  codebookSize: numberLimits(MODEL_ROWS.codebookSize),
  commitment: numberLimits(MODEL_ROWS.commitment),
  sparsityWeight: numberLimits(MODEL_ROWS.sparsityWeight),
  sparsityTarget: numberLimits(MODEL_ROWS.sparsityTarget),
  vqResetEvery: numberLimits(MODEL_ROWS.vqResetEvery),
} as const;

/** The row of a dotted config path ('model.encoderLayers.1' -> encoderLayers), if any. */
export function rowAtPath(path: string): AnySettingRow | undefined {
  const [part, id] = path.split('.');
  return SETTINGS.find((r) => r.part === part && r.id === id);
}

/** The rows that take effect at the next step without a rebuild. */
export const LIVE_SETTINGS: readonly AnySettingRow[] = SETTINGS.filter((r) => r.live);
