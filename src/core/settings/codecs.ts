/**
 * The link's string forms of settings (state/link.ts reads them through the settings table):
 * strict text first (no "0x10", " 12", "1_000"), then the row's own schema with its limits.
 */
import { z } from 'zod';
import { ALL_DIGITS, isAllDigits } from './choices';

export const intString = z.string().regex(/^\d{1,12}$/, 'not a whole number').transform(Number);
export const decimalString = z
  .string()
  .regex(/^(\d{1,20}(\.\d{0,30})?|\.\d{1,30})(e[+-]?\d{1,3})?$/i, 'not a decimal number')
  .transform(Number);
export const boolString = z.enum(['1', '0', 'true', 'false']).transform((s) => s === '1' || s === 'true');
/** Encoder widths: `256,64`, or `none` (or empty) for no hidden layer. */
export const layersString = z.union([
  z.enum(['none', '']).transform((): number[] => []),
  z
    .string()
    .regex(/^\d{1,6}(,\d{1,6}){0,7}$/, 'not a comma-separated list of widths')
    .transform((s) => s.split(',').map(Number)),
]);
/** Conv channels per stage: `16,8`. */
export const channelsString = z
  .string()
  .regex(/^\d{1,3}(,\d{1,3}){0,3}$/, 'not a comma-separated list of channel counts')
  .transform((s) => s.split(',').map(Number));
/** Normal digits: `all`, `3`, `0,6`. */
export const normalDigitsString = z.union([
  z.literal('all').transform((): number[] => [...ALL_DIGITS]),
  z
    .string()
    .regex(/^\d(,\d){0,9}$/, 'not a comma-separated list of digits')
    .transform((s) => s.split(',').map(Number)),
]);

export const formatPlain = (v: unknown): string => String(v);
export const formatLayers = (v: readonly number[]): string => (v.length === 0 ? 'none' : v.join(','));
export const formatList = (v: readonly number[]): string => v.join(',');
export const formatDigits = (v: readonly number[]): string => (isAllDigits(v) ? 'all' : v.join(','));
