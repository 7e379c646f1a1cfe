/**
 * The cost guard (issue 11): before a model is built, what it will take. Memory on the backend:
 * its weights, their gradients and the optimizer's slots, the training subset resident as
 * float32, one training step's activations at the batch size, and an evaluation chunk (the live
 * test, the map's encode: both run in chunks of evaluationRows). Time: the floating-point
 * operations of one step, turned into seconds by a backend's measured speed.
 *
 * A config whose estimate passes the backend's budget is refused before anything is allocated,
 * naming the setting to change and the largest value that fits (costProblem). Pure; the
 * constants are where the bytes go, with the margins that the observed failures (a conv model
 * 64,64 at batch 1,024 on 60,000 digits aborted wasm: "table index is out of bounds") call for.
 */
import type { LabConfig } from '../config';
import type { ModelConfig } from '../kinds/registry';
import { IMAGE_SIZE } from '../settings/choices';
import { LIMITS } from '../settings/table';
import { forwardShape, type ForwardShape } from './kindShapes';

const FLOAT = 4;
/** A training step keeps each layer's values for the backward pass and makes a gradient of each, with temporaries: about 3x the forward values. */
const TRAINING_FACTOR = 3;
/** Floating-point operations per multiply-add: 2 forward, 4 backward (gradients of inputs and of weights). */
const FLOPS_PER_MAC_STEP = 6;
/** Rows an evaluation chunk holds at most (core/train/chunks.ts CHUNK_ROWS). */
export const MAX_EVALUATION_ROWS = 1000;
/** An evaluation chunk's forward values stay within this (the live test and the map's encode adapt their rows to it). */
export const EVALUATION_CHUNK_BYTES = 128 * 2 ** 20;
/** Live test digits resident on the backend (core/data/dataset.ts LIVE_TEST_SIZE). */
const LIVE_TEST_DIGITS = 1000;

/** The optimizer's slots per weight: Adam's two moments, RMSprop's mean square, SGD's momentum. */
const SLOTS: Record<LabConfig['train']['optimizer'], number> = { adam: 2, rmsprop: 1, sgd: 1 };

export interface CostEstimate extends ForwardShape {
  /** Bytes on the backend, by what holds them. */
  bytes: { weights: number; optimizer: number; data: number; activations: number; evaluation: number };
  totalBytes: number;
  /** The largest single tensor of a training step, bytes (a GPU buffer or a wasm allocation must hold it). */
  largestTensorBytes: number;
  /** Floating-point operations of one training step at the batch size. */
  flopsPerStep: number;
  /** Bytes of a saved model: the weights and the optimizer's slots (snapshot.ts). */
  snapshotBytes: number;
}

/** Rows of an evaluation chunk of this model: as many as fit EVALUATION_CHUNK_BYTES, at most MAX_EVALUATION_ROWS. */
export function evaluationRows(model: ModelConfig): number {
  const perDigit = forwardShape(model).valuesPerDigit * FLOAT;
  return Math.max(1, Math.min(MAX_EVALUATION_ROWS, Math.floor(EVALUATION_CHUNK_BYTES / perDigit)));
}

export function estimateCost(config: LabConfig): CostEstimate {
  const shape = forwardShape(config.model);
  const { batchSize, trainSize, optimizer } = config.train;
  const weights = shape.parameters * FLOAT;
  const rows = evaluationRows(config.model);
  const bytes = {
    // The weights and one gradient of each.
    weights: 2 * weights,
    optimizer: SLOTS[optimizer] * weights,
    data: (trainSize + LIVE_TEST_DIGITS) * IMAGE_SIZE * FLOAT,
    activations: TRAINING_FACTOR * batchSize * shape.valuesPerDigit * FLOAT,
    evaluation: rows * shape.valuesPerDigit * FLOAT,
  };
  return {
    ...shape,
    bytes,
    totalBytes: bytes.weights + bytes.optimizer + bytes.data + bytes.activations + bytes.evaluation,
    largestTensorBytes: Math.max(batchSize * shape.largestLayerPerDigit * FLOAT, trainSize * IMAGE_SIZE * FLOAT),
    flopsPerStep: FLOPS_PER_MAC_STEP * shape.macsPerDigit * batchSize,
    snapshotBytes: (1 + SLOTS[optimizer]) * weights,
  };
}

/** What a backend can hold: in all, and in one tensor. */
export interface MemoryBudget {
  totalBytes: number;
  tensorBytes: number;
}

/**
 * Budgets per backend. wasm addresses 4 GiB at most and grows its heap by copying, so half of
 * that is what a model may take; a GPU's memory is unknown to the page (an integrated GPU shares
 * the laptop's), and WebGPU's default buffer limit is 256 MiB; plain-JS cpu keeps typed arrays
 * in the JS heap.
 */
export const MEMORY_BUDGETS: Record<'webgpu' | 'webgl' | 'wasm' | 'cpu', MemoryBudget> = {
  wasm: { totalBytes: 1.5 * 2 ** 30, tensorBytes: 2 ** 30 },
  webgl: { totalBytes: 2 ** 30, tensorBytes: 512 * 2 ** 20 },
  webgpu: { totalBytes: 2 ** 30, tensorBytes: 256 * 2 ** 20 },
  cpu: { totalBytes: 1.5 * 2 ** 30, tensorBytes: 2 ** 30 },
};

const fits = (config: LabConfig, budget: MemoryBudget) => {
  const e = estimateCost(config);
  return e.totalBytes <= budget.totalBytes && e.largestTensorBytes <= budget.tensorBytes;
};

/** A config past the budget: the setting to change and the largest value of it that fits (or the smallest for none). */
export interface CostProblem {
  field: 'batchSize' | 'trainSize' | 'encoderLayers' | 'convChannels' | 'codeSize';
  /** The value that fits, as the editor writes it (a number, or widths "2000,500"). */
  limit: string;
  /** The estimate of the refused config and the budget, MB. */
  megabytes: number;
  budgetMegabytes: number;
}

/** The largest n in [lo, hi] for which ok(n) holds (ok monotone: true then false), or undefined. */
function largest(lo: number, hi: number, ok: (n: number) => boolean): number | undefined {
  if (!ok(lo)) return undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const MB = 2 ** 20;

/**
 * Undefined when `config` fits `budget`; else which setting to lower and to what. The batch size
 * first (it scales the step's activations); then, when not even one digit a step fits, the
 * training-set size or the architecture, whichever holds more.
 */
export function costProblem(config: LabConfig, budget: MemoryBudget): CostProblem | undefined {
  if (fits(config, budget)) return undefined;
  const estimate = estimateCost(config);
  const report = (field: CostProblem['field'], limit: string): CostProblem => ({
    field,
    limit,
    megabytes: Math.ceil(estimate.totalBytes / MB),
    budgetMegabytes: Math.floor(budget.totalBytes / MB),
  });
  const withTrain = (patch: Partial<LabConfig['train']>): LabConfig => ({ ...config, train: { ...config.train, ...patch } });
  const batch = largest(LIMITS.batchSize.min, config.train.batchSize, (b) => fits(withTrain({ batchSize: b }), budget));
  if (batch !== undefined) return report('batchSize', String(batch));
  const one = withTrain({ batchSize: 1 });
  const { data } = estimateCost(one).bytes;
  const minTrain = LIMITS.trainSize.min;
  if (data > estimateCost(one).bytes.weights) {
    const n = largest(minTrain, config.train.trainSize, (t) => fits(withTrain({ batchSize: 1, trainSize: t }), budget));
    if (n !== undefined) return report('trainSize', String(n));
  }
  return architectureProblem(one, budget, report);
}

/** The widest layers (or channels, or code) that fit, every wider one narrowed to it. */
function architectureProblem(config: LabConfig, budget: MemoryBudget, report: (f: CostProblem['field'], limit: string) => CostProblem): CostProblem {
  const model = config.model;
  const withModel = (m: ModelConfig): LabConfig => ({ ...config, model: m });
  if (model.kind === 'conv') {
    const c = largest(1, Math.max(...model.convChannels), (w) => fits(withModel({ ...model, convChannels: model.convChannels.map((x) => Math.min(x, w)) }), budget));
    if (c !== undefined) return report('convChannels', model.convChannels.map((x) => Math.min(x, c)).join(','));
  } else if (model.encoderLayers.length > 0) {
    const narrowed = (w: number) => ({ ...model, encoderLayers: model.encoderLayers.map((x) => Math.min(x, w)) });
    const w = largest(1, Math.max(...model.encoderLayers), (x) => fits(withModel(narrowed(x) as ModelConfig), budget));
    if (w !== undefined) return report('encoderLayers', narrowed(w).encoderLayers.join(','));
  }
  const code = largest(1, model.codeSize, (n) => fits(withModel({ ...model, codeSize: n } as ModelConfig), budget));
  return report('codeSize', String(code ?? 1));
}

/**
 * Floating-point operations per second of a backend where it was not measured (a forced backend
 * is checked, not timed): docs/ENVIRONMENT's figures for the default-sized MLP on the 2-core
 * machine (wasm ~880 samples/s, cpu ~275, webgl ~760, webgpu on SwiftShader ~80) times its
 * 2.6 MFLOP per sample: the floor of a machine without a GPU.
 */
export const UNMEASURED_FLOPS: Record<'webgpu' | 'webgl' | 'wasm' | 'cpu', number> = {
  wasm: 2.3e9,
  webgl: 2e9,
  webgpu: 0.2e9,
  cpu: 0.7e9,
};

/** A backend's speed from its measured training samples per second on `probed` (the default model). */
export function flopsPerSecond(probed: LabConfig, samplesPerSec: number): number {
  return (estimateCost({ ...probed, train: { ...probed.train, batchSize: 1 } }).flopsPerStep) * samplesPerSec;
}

/** Seconds of one training step at `flops` operations per second. */
export function stepSeconds(estimate: Pick<CostEstimate, 'flopsPerStep'>, flops: number): number {
  return estimate.flopsPerStep / flops;
}
