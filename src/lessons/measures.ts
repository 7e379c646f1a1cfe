/**
 * The measures a lesson can name, as data: ids only. What each one is, how the page reads it
 * from the store, its unit and its baseline live in one entry of state/measures.ts (MEASURES),
 * which is typed by this list; the name a student reads is `classroom.claim.metric.<id>` in
 * src/i18n/locales.
 */
export const MEASURE_IDS = [
  'testSquaredError',
  'knnAccuracy',
  'codeRadius95',
  'psnrGain',
  'searchPrecision',
  'relativeSensitivity',
  'anomalyAuroc',
  'umapKnnAccuracy',
  'pretrainGain',
  'textRetrievalFraction',
  'activeFraction',
  'meanActivation',
  'vqPerplexity',
  'testElbo',
  'activeDimensions',
  'priorDistance',
  'swapReadAsLabel',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
