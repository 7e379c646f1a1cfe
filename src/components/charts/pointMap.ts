/**
 * A small 2-D map of labelled points on a canvas (the visualization lesson's maps, the text
 * lesson's maps of passages): points scaled into a square, coloured by label, and an optional
 * marker (a typed query). Plain canvas: thousands of points, redrawn only when they change.
 */

/** 15 colours for the Brown genres (Okabe-Ito first, then Tol's muted palette). */
export const GENRE_COLOURS: readonly string[] = [
  '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000',
  '#999999', '#882255', '#44AA99', '#117733', '#AA4499', '#DDCC77', '#332288',
];

export interface MapBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Bounding box of [n, 2] points. */
export function boxOf(points: Float32Array): MapBox {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i + 1 < points.length; i += 2) {
    xMin = Math.min(xMin, points[i]);
    xMax = Math.max(xMax, points[i]);
    yMin = Math.min(yMin, points[i + 1]);
    yMax = Math.max(yMax, points[i + 1]);
  }
  return { xMin, xMax, yMin, yMax };
}

/**
 * Draws [n, 2] points into a side x side (CSS pixels) canvas at the device's pixel ratio.
 * @param labels [n] index into colours per point
 * @param marker a point drawn on top as a ringed cross (kept inside the box's scale)
 */
export function drawPointMap(
  canvas: HTMLCanvasElement,
  points: Float32Array,
  labels: ArrayLike<number>,
  colours: readonly string[],
  side: number,
  marker?: [number, number],
): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = side * ratio;
  canvas.height = side * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const n = points.length / 2;
  const box = boxOf(points);
  if (marker) {
    box.xMin = Math.min(box.xMin, marker[0]);
    box.xMax = Math.max(box.xMax, marker[0]);
    box.yMin = Math.min(box.yMin, marker[1]);
    box.yMax = Math.max(box.yMax, marker[1]);
  }
  const pad = 8 * ratio;
  const size = side * ratio - 2 * pad;
  const sx = size / Math.max(box.xMax - box.xMin, 1e-9);
  const sy = size / Math.max(box.yMax - box.yMin, 1e-9);
  const px = (x: number) => pad + (x - box.xMin) * sx;
  const py = (y: number) => pad + (box.yMax - y) * sy;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const dot = 2.5 * ratio;
  for (let i = 0; i < n; i++) {
    ctx.fillStyle = colours[labels[i]] ?? '#777';
    ctx.fillRect(px(points[2 * i]) - dot / 2, py(points[2 * i + 1]) - dot / 2, dot, dot);
  }
  if (marker) {
    const [x, y] = [px(marker[0]), py(marker[1])];
    const r = 7 * ratio;
    ctx.lineWidth = 2.5 * ratio;
    ctx.strokeStyle = '#fff';
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.lineWidth = 1.5 * ratio;
    ctx.strokeStyle = '#c00';
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.moveTo(x - r * 1.6, y);
    ctx.lineTo(x + r * 1.6, y);
    ctx.moveTo(x, y - r * 1.6);
    ctx.lineTo(x, y + r * 1.6);
    ctx.stroke();
  }
}
