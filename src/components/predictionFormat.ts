/**
 * How the question card writes the numbers it judges by: a measure's value through the measures
 * registry, a part of a measurement with parts (AUROC, shares), a range question's x (the value,
 * its ratio to the baseline, its difference from it).
 */
import { plainNumber } from '../i18n/format';
import type { MeasureId } from '../lessons/catalog';
import type { PredictionItemsId } from '../lessons/prediction';
import { formatMeasure, MEASURES } from '../state/measures';

const percent = (x: number) => `${plainNumber(100 * x, 3)}%`;

/** A part of a measurement with parts: an AUROC with 3 decimals, a share as a percentage. */
export function formatItem(items: PredictionItemsId, x: number): string {
  return items === 'anomalyDigits' ? plainNumber(x, 3) : percent(x);
}

/** A setting question's measure for one of its runs. */
export function formatTrial(measure: MeasureId, x: number): string {
  return formatMeasure(measure, x);
}

/** A range question's difference from the baseline: percentage points for shares, else a signed number. */
export function formatDifference(measure: MeasureId, d: number): string {
  const sign = d > 0 ? '+' : '';
  return MEASURES[measure].unit === 'share' ? `${sign}${plainNumber(100 * d, 3)} pp` : `${sign}${plainNumber(d, 4)}`;
}

/** A range question's ratio to the baseline: "0.93×". */
export function formatRatio(r: number): string {
  return `${plainNumber(r, 3)}×`;
}
