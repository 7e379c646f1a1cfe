/**
 * A user's drawing -> an MNIST-like 28 x 28 image, prepared the way LeCun et al. prepared
 * MNIST: the digit's bounding box is scaled, keeping its aspect ratio, so that the longer side
 * is 20 px (area averaging gives the grey, anti-aliased edges), then placed in the 28 x 28
 * field by a whole-pixel shift that puts its centre of mass at the centre.
 *
 * Coordinates: pixel (x, y) is the square [x, x+1) x [y, y+1); a centre of mass is given in
 * pixel-index units (pixel x counts as position x). Measured on the 60,000 MNIST training
 * digits in those units: the centre of mass lies in [13.5, 14.5] on both axes (mean 14.00,
 * 14.00) and the ink's bounding box has a longer side of 20 px in 59,987 of them. So the
 * target is (14, 14), and the bounding box counts every pixel with any ink at all.
 */

/** The side of an MNIST image, px. */
const FIELD = 28;
/** The side of the box the digit's bounding box is scaled into, px. */
const BOX = 20;
/** Where the centre of mass goes, in pixel-index units. */
const CENTRE = 14;

/**
 * @param alpha [height, width] row-major ink in [0, 1] (e.g. a 280 x 280 canvas's alpha / 255)
 * @returns [784] row-major 28 x 28 values in [0, 1], or null for a drawing without ink
 */
export function preprocessDrawing(alpha: Float32Array, width: number, height: number): Float32Array | null {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`drawing size ${width}x${height} must be positive integers`);
  }
  if (alpha.length < width * height) {
    throw new RangeError(`alpha holds ${alpha.length} values, fewer than ${width}x${height}`);
  }
  // Bounding box of the ink (inclusive pixel indices).
  let x0 = width;
  let x1 = -1;
  let y0 = height;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (alpha[y * width + x] > 0) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const boxWidth = x1 - x0 + 1;
  const boxHeight = y1 - y0 + 1;
  // One scale for both axes (px of the output per px of the drawing) keeps the aspect ratio.
  const scale = BOX / Math.max(boxWidth, boxHeight);
  const outWidth = outputSide(boxWidth, scale);
  const outHeight = outputSide(boxHeight, scale);
  const wx = areaWeights(boxWidth, outWidth, scale);
  const wy = areaWeights(boxHeight, outHeight, scale);

  // Horizontal pass: rows[y, u] = Σ_x wx[u, x] · ink[y0 + y, x0 + x]; [boxHeight, outWidth].
  const rows = new Float64Array(boxHeight * outWidth);
  for (let y = 0; y < boxHeight; y++) {
    const src = (y0 + y) * width + x0;
    for (let u = 0; u < outWidth; u++) {
      let acc = 0;
      for (let x = 0; x < boxWidth; x++) {
        const w = wx[u * boxWidth + x];
        if (w !== 0) acc += w * ink(alpha[src + x]);
      }
      rows[y * outWidth + u] = acc;
    }
  }
  // Vertical pass: box[v, u] = Σ_y wy[v, y] · rows[y, u]; [outHeight, outWidth].
  const box = new Float64Array(outHeight * outWidth);
  for (let v = 0; v < outHeight; v++) {
    for (let y = 0; y < boxHeight; y++) {
      const w = wy[v * boxHeight + y];
      if (w === 0) continue;
      for (let u = 0; u < outWidth; u++) box[v * outWidth + u] += w * rows[y * outWidth + u];
    }
  }

  // Whole-pixel shift putting the centre of mass nearest to (CENTRE, CENTRE), as MNIST did;
  // clamped so the box stays inside the field (only a very lopsided drawing needs that).
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let v = 0; v < outHeight; v++) {
    for (let u = 0; u < outWidth; u++) {
      const m = box[v * outWidth + u];
      mass += m;
      mx += m * u;
      my += m * v;
    }
  }
  const left = clamp(Math.round(CENTRE - mx / mass), 0, FIELD - outWidth);
  const top = clamp(Math.round(CENTRE - my / mass), 0, FIELD - outHeight);
  const out = new Float32Array(FIELD * FIELD);
  for (let v = 0; v < outHeight; v++) {
    for (let u = 0; u < outWidth; u++) out[(top + v) * FIELD + left + u] = clamp(box[v * outWidth + u], 0, 1);
  }
  return out;
}

/** Ink of one drawing pixel, read safely: NaN and negatives are no ink, above 1 is full ink. */
function ink(v: number): number {
  return v > 0 ? Math.min(v, 1) : 0;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Output pixels needed to cover `side` drawing px at `scale`; the longer side gives exactly BOX. */
function outputSide(side: number, scale: number): number {
  // The small slack keeps 20.000000000000004 from becoming 21.
  return Math.min(BOX, Math.max(1, Math.ceil(side * scale - 1e-9)));
}

/**
 * Area-averaging weights: output pixel u covers the drawing interval [u/scale, (u+1)/scale);
 * w[u, x] = (length of its overlap with drawing pixel [x, x+1)) · scale, so a fully covered
 * output pixel's weights sum to 1 and a partly covered edge pixel is partly blank.
 * @returns [outSide, side] row-major
 */
function areaWeights(side: number, outSide: number, scale: number): Float64Array {
  const w = new Float64Array(outSide * side);
  for (let u = 0; u < outSide; u++) {
    const from = u / scale;
    const to = (u + 1) / scale;
    const last = Math.min(side, Math.ceil(to));
    for (let x = Math.floor(from); x < last; x++) {
      const overlap = Math.min(x + 1, to) - Math.max(x, from);
      if (overlap > 0) w[u * side + x] = overlap * scale;
    }
  }
  return w;
}
