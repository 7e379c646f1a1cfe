import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../config';
import { KINDS } from '../kinds/registry';
import { DEFAULT_CONV_MODEL } from '../kinds/conv/kind';
import { costProblem, estimateCost, evaluationRows, flopsPerSecond, MAX_EVALUATION_ROWS, MEMORY_BUDGETS, stepSeconds } from './costEstimate';

const MB = 2 ** 20;
const conv = (channels: number[], batchSize: number, trainSize: number): LabConfig => ({
  model: { ...DEFAULT_CONV_MODEL, convChannels: channels },
  train: { ...DEFAULT_CONFIG.train, batchSize, trainSize },
});
/** The slow one: four dense layers of 2,000 and a code of 1,000. */
const wide: LabConfig = { model: { ...KINDS.mlp.defaults, encoderLayers: [2000, 2000, 2000, 2000], codeSize: 1000 }, train: DEFAULT_CONFIG.train };

describe('estimateCost', () => {
  it('counts the parameters of the kind\'s own weight layout', () => {
    const layout = KINDS.mlp.weightLayout(DEFAULT_CONFIG.model);
    const expected = layout.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    const e = estimateCost(DEFAULT_CONFIG);
    expect(e.parameters).toBe(expected);
    // Weights, one gradient each, Adam's two moments: 4 floats per parameter.
    expect(e.bytes.weights + e.bytes.optimizer).toBe(4 * 4 * expected);
    expect(e.snapshotBytes).toBe(3 * 4 * expected);
  });

  it('grows with the batch size only in the step\'s activations and time', () => {
    const small = estimateCost({ ...DEFAULT_CONFIG, train: { ...DEFAULT_CONFIG.train, batchSize: 32 } });
    const large = estimateCost({ ...DEFAULT_CONFIG, train: { ...DEFAULT_CONFIG.train, batchSize: 64 } });
    expect(large.bytes.activations).toBe(2 * small.bytes.activations);
    expect(large.flopsPerStep).toBe(2 * small.flopsPerStep);
    expect(large.bytes.weights).toBe(small.bytes.weights);
  });

  it('counts a convolution at the side it runs at', () => {
    const e16 = estimateCost(conv([16], 64, 10000));
    const e32 = estimateCost(conv([32], 64, 10000));
    // One stage: the two 3x3 convolutions at 28x28 dominate and scale with the channels.
    expect(e32.macsPerDigit / e16.macsPerDigit).toBeGreaterThan(1.8);
    expect(e16.macsPerDigit).toBeGreaterThan(2 * 28 * 28 * 9 * 16);
  });

  it('shrinks the evaluation chunk of a model whose digits hold many numbers', () => {
    expect(evaluationRows(DEFAULT_CONFIG.model)).toBe(MAX_EVALUATION_ROWS);
    const rows = evaluationRows(conv([64, 64], 64, 10000).model);
    expect(rows).toBeLessThan(MAX_EVALUATION_ROWS);
    expect(estimateCost(conv([64, 64], 64, 10000)).bytes.evaluation).toBeLessThanOrEqual(128 * MB);
  });
});

describe('costProblem', () => {
  it('lets every kind\'s defaults through on every backend', () => {
    for (const kind of Object.values(KINDS)) {
      for (const budget of Object.values(MEMORY_BUDGETS)) expect(costProblem({ model: kind.defaults, train: DEFAULT_CONFIG.train } as LabConfig, budget)).toBeUndefined();
    }
  });

  it('refuses the issue\'s conv 64,64 at batch 1,024 on 60,000 digits, naming the batch size that fits', () => {
    const config = conv([64, 64], 1024, 60000);
    const problem = costProblem(config, MEMORY_BUDGETS.wasm);
    expect(problem).toMatchObject({ field: 'batchSize', budgetMegabytes: 1536 });
    const limit = Number(problem!.limit);
    expect(limit).toBeGreaterThan(0);
    expect(limit).toBeLessThan(1024);
    expect(problem!.megabytes).toBeGreaterThan(1536);
    expect(costProblem(conv([64, 64], limit, 60000), MEMORY_BUDGETS.wasm)).toBeUndefined();
    expect(costProblem(conv([64, 64], limit + 1, 60000), MEMORY_BUDGETS.wasm)).toBeDefined();
  });

  it('names the layers when not even one digit a step fits', () => {
    const budget = { totalBytes: 300 * MB, tensorBytes: 256 * MB };
    const problem = costProblem({ ...wide, train: { ...wide.train, batchSize: 1 } }, budget);
    expect(problem?.field).toBe('encoderLayers');
    const widths = problem!.limit.split(',').map(Number);
    expect(widths).toHaveLength(4);
    expect(Math.max(...widths)).toBeLessThan(2000);
    expect(costProblem({ model: { ...wide.model, encoderLayers: widths }, train: { ...wide.train, batchSize: 1 } } as LabConfig, budget)).toBeUndefined();
  });

  it('keeps the four 2,000-wide layers (they fit) but their snapshot is hundreds of MB and a step is slow', () => {
    expect(costProblem(wide, MEMORY_BUDGETS.wasm)).toBeUndefined();
    const e = estimateCost(wide);
    expect(e.snapshotBytes / MB).toBeGreaterThan(300);
    // On wasm's measured floor (~880 samples/s of the default model) a step takes seconds.
    const flops = flopsPerSecond(DEFAULT_CONFIG, 880);
    expect(stepSeconds(e, flops)).toBeGreaterThan(2);
    expect(stepSeconds(estimateCost(DEFAULT_CONFIG), flops)).toBeLessThan(0.2);
  });
});
