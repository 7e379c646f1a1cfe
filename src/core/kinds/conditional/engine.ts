/**
 * The conditional autoencoder (models/conditional.ts) as an Engine. The code the lab sees
 * (scatter, grid, sliders, snapshots' code size) is the style code; the label reaches the
 * decoder by three roads:
 * - training: the batch's labels (StepContext.labels);
 * - test evaluation: the test digits' own labels (reconstructLogits' second argument);
 * - decode(code) alone (the grid, the sliders): the digit `decodeLabel`, which the page chooses
 *   (LabApi.setDecodeLabel); decodeWithLabels takes one label per code (the style swap).
 * An image without a label (a drawing) is reconstructed with the label that draws it best.
 */
import * as tf from '@tensorflow/tfjs';
import type { ConditionalModelConfig } from './kind';
import { createConditionalAutoencoder, type ConditionalAutoencoder } from './model';
import {
  bestLabelReconstructionLogits,
  CONDITIONAL_MEASURES,
  conditionalMeasures,
  conditionalStep,
} from './objective';
import type { Engine, StepContext } from '../../train/engine';

export interface ConditionalEngine extends Engine<ConditionalModelConfig> {
  readonly conditional: ConditionalAutoencoder;
  /** The digit 0-9 that decode(code) draws. */
  decodeLabel: number;
  /** code [n, codeSize], labels [n] int32 -> [n, 784] in the output activation. */
  decodeWithLabels(code: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor2D;
  /** labels [n] int32 when known (the test digits'); without them the best-drawing label. */
  reconstructLogits(x: tf.Tensor2D, labels?: tf.Tensor1D): tf.Tensor2D;
}

export function createConditionalEngine(spec: ConditionalModelConfig, seed: number, inputSize: number, outputBias: Float32Array): ConditionalEngine {
  const model = createConditionalAutoencoder(spec, seed, inputSize, outputBias);
  const constantLabels = (n: number) => tf.fill([n], engine.decodeLabel, 'int32') as tf.Tensor1D;
  const engine: ConditionalEngine = {
    conditional: model,
    decodeLabel: 0,
    codeSize: spec.codeSize,
    variables: model.variables,
    encode: model.encode,
    decodeLogits: (code) => model.decodeLogits(code, constantLabels(code.shape[0])),
    decode: (code) => model.decode(code, constantLabels(code.shape[0])),
    decodeWithLabels: (code, labels) => model.decode(code, labels),
    reconstructLogits: (x, labels) =>
      labels ? model.decodeLogits(model.encode(x), labels) : bestLabelReconstructionLogits(model, x),
    // The code penalty is live: read at each step.
    trainStep: (x: tf.Tensor2D, ctx: StepContext<ConditionalModelConfig>) => conditionalStep(model, ctx.optimizer, x, ctx.labels, ctx.model.codeL2),
    measureNames: CONDITIONAL_MEASURES,
    measure: (x, labels) => conditionalMeasures(model, x, labels),
    dispose: () => model.dispose(),
  };
  return engine;
}

/** The engine as a conditional one, or undefined for another kind. */
export function asConditional(engine: Engine): ConditionalEngine | undefined {
  return 'conditional' in engine ? (engine as ConditionalEngine) : undefined;
}
