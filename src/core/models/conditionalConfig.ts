/**
 * The conditional autoencoder's constants and config type, without tfjs (weightLayouts.ts and
 * the page read them).
 */
import type { MlpModelConfig } from '../config';

/** Digits 0-9: the width of the one-hot label the decoder receives. */
export const LABEL_CLASSES = 10;

/** The MLP fields the conditional autoencoder uses. */
export type ConditionalModelConfig = Pick<
  MlpModelConfig,
  'encoderLayers' | 'codeSize' | 'hiddenActivation' | 'outputActivation' | 'loss'
>;
