/**
 * The text autoencoder (lesson `text-retrieval`): the dense autoencoder over bags of words of
 * the Brown passages (public/data/brown-passages.json.gz), vocabulary -> encoderLayers -> code ->
 * mirror -> vocabulary softmax logits (model.ts says why the input and target differ).
 *
 * A kind of its own dataset: the MNIST lab's registry (registry.ts) does not list it, so the
 * editor, the links and LabConfig do not offer it; its settings are the dense kind's rows, its
 * run is run.ts (the lab worker's text lesson trains two of them).
 */
import { z } from 'zod';
import { MODEL_ROWS } from '../../settings/modelRows';
import { shapeOf } from '../../settings/row';
import { denseStackLayout } from '../denseLayout';
import type { CodeExport, WeightSpec } from '../kindModule';

const SETTINGS = ['encoderLayers', 'codeSize', 'hiddenActivation'] as const;

/** Hidden widths from the vocabulary towards the code (e.g. [250]), the code size, the hidden activation. */
export const textSchema = z.object(shapeOf(MODEL_ROWS, SETTINGS));
export type TextModelConfig = z.infer<typeof textSchema>;

/** Weights in the order of the model's variables: encoder layers from the words, then the decoder's. */
export function textWeightLayout(config: TextModelConfig, vocabularySize: number): WeightSpec[] {
  const widths = [vocabularySize, ...config.encoderLayers, config.codeSize];
  return [...denseStackLayout('encoder', widths), ...denseStackLayout('decoder', [...widths].reverse())];
}

export const TEXT_KIND = {
  kind: 'text',
  /** The passages' file, prepared by scripts/prepare-text.mjs (core/data/brownPassages.ts). */
  dataset: 'brownPassages',
  settings: SETTINGS,
  schema: textSchema,
  weightLayout: textWeightLayout,
  /** Its live figures are the retrieval curves, measured by the lab worker (analysis/textRetrieval.ts). */
  measureNames: () => [] as readonly string[],
  codeExport: { ok: false, reason: 'kinds.exportNotYet' } satisfies CodeExport as CodeExport,
} as const;
