/**
 * Number formats for the page. The `plain*` forms go into elements that tests and teachers'
 * scripts parse (no grouping separators, `parseFloat` reads them back); they stay readable.
 */

/** A count such as a step: "1234". Non-finite values give "NaN" or "∞". */
export function plainInteger(x: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  return String(Math.round(x));
}

/**
 * A measured value with `digits` significant digits and no trailing zeros: 0.1234, 43.21,
 * 1234 (values at or above 10^digits are rounded to whole numbers, never "1.234e+4").
 */
export function plainNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (Math.abs(x) >= 10 ** digits) return String(Math.round(x));
  return String(Number(x.toPrecision(digits)));
}

/** Fractional epochs: "0.35", "12.00". */
export function plainEpoch(x: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  return x.toFixed(2);
}

/** How many times smaller b is than a, for "1.3× lower error": "1.3", "12". */
export function ratio(a: number, b: number): string {
  return plainNumber(a / b, 2);
}

function nonFinite(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? '∞' : '-∞';
}
