/**
 * The math with its numbers (issue 14 item 4), the typed surface: what one unit of the dense
 * path computes for the digit in view, that digit's reconstruction loss pixel by pixel, and the
 * first layer's weights for the weights panel. Plain data and typed arrays only; api.ts
 * re-exports it, worker/mathViews.ts computes it.
 */
import type { LayerActivation } from '../core/models/dense';

/** The digit the math views compute with: a test digit by index, or an image [784] in [0, 1] (the reader's drawing). */
export type MathDigitQuery = { testIndex: number } | { image: Float32Array };

/** One unit of the architecture diagram, for one digit. */
export interface UnitInspection {
  /** Diagram layer: 1 = the first hidden layer, ..., the last = the output. */
  layer: number;
  unit: number;
  /** [fanIn] the unit's incoming weights (a conditional decoder's 10 label weights last). */
  weights: Float32Array;
  bias: number;
  /** z = Σ_i w_i a_i + b, with a_i the previous layer's outputs for this digit. */
  inputSum: number;
  /** f(z), the unit's output. */
  activation: number;
  activationName: LayerActivation;
  /** The label a conditional decoder read (the test digit's, or the one that redraws a drawing best); -1 for the other kinds. */
  label: number;
  step: number;
}

/** One digit's reconstruction loss, as the training curve's loss counts it. */
export interface DigitLoss {
  loss: 'bce' | 'mse';
  /** Mean over the 784 pixels of `terms`. */
  value: number;
  /** [784] the digit x in [0, 1]. */
  pixels: Float32Array;
  /** [784] its reconstruction x̂ (the output activation applied). */
  reconstruction: Float32Array;
  /** [784] each pixel's loss: -(x log x̂ + (1 - x) log(1 - x̂)) for bce, (x - x̂)² for mse. */
  terms: Float32Array;
  step: number;
}

/** The first dense layer's incoming weights, as 28 x 28 images. */
export interface FirstLayerWeights {
  /** Units sent (the first `count` of the layer). */
  units: number;
  /** Units the layer has. */
  total: number;
  /** [units, 784] row u: the weights from the 784 pixels into unit u. */
  weights: Float32Array;
  step: number;
  epoch: number;
}
