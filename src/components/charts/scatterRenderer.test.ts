import { describe, expect, it } from 'vitest';
import { drawingOrder, LABEL_COLOURS, ScatterRenderer } from './scatterRenderer';

/** A canvas without a 2-D context: the renderer's geometry (scales, zoom, picking) still runs. */
const noContextCanvas = () => ({ getContext: () => null, width: 0, height: 0 }) as unknown as HTMLCanvasElement;

describe('ScatterRenderer geometry', () => {
  const extent = { xMin: -2, xMax: 2, yMin: 0, yMax: 10 };
  // Three digits: bottom-left corner, centre, top-right corner of the extent.
  const points = new Float32Array([-2, 0, 0, 5, 2, 10]);
  const labels = new Uint8Array([3, 1, 4]);

  function renderer() {
    const r = new ScatterRenderer(noContextCanvas());
    r.resize(424, 224, 2); // 12 px padding: the extent spans 400 x 200 CSS px
    r.setPoints(points, labels, 3, extent);
    return r;
  }

  it('maps the extent onto the padded canvas, y up', () => {
    const r = renderer();
    expect(r.toScreen(-2, 0)).toEqual([12, 212]);
    expect(r.toScreen(2, 10)).toEqual([412, 12]);
    const [x, y] = r.toMap(212, 112);
    expect(x).toBeCloseTo(0, 6);
    expect(y).toBeCloseTo(5, 6);
  });

  it('inverts the zoom transform and picks the nearest digit within the radius', () => {
    const r = renderer();
    r.setTransform({ k: 2, x: -100, y: -50 });
    // The centre digit (base 212, 112) is now at 2 * 212 - 100, 2 * 112 - 50.
    const [cx, cy] = r.toScreen(0, 5);
    expect([cx, cy]).toEqual([324, 174]);
    expect(r.pick(cx + 3, cy - 3, 6)).toBe(1);
    expect(r.pick(cx + 9, cy, 6)).toBeUndefined();
    const [mx, my] = r.toMap(cx, cy);
    expect(mx).toBeCloseTo(0, 6);
    expect(my).toBeCloseTo(5, 6);
    expect(r.pointOf(2)).toEqual([2, 10]);
  });

  it('follows new codes: picking uses the latest points', () => {
    const r = renderer();
    r.setPoints(new Float32Array([2, 0, -2, 10, 0, 0]), labels, 3, extent);
    const [x, y] = r.toScreen(-2, 10);
    expect(r.pick(x, y, 2)).toBe(1);
  });

  it('has ten distinct label colours', () => {
    expect(new Set(LABEL_COLOURS.map((c) => c.toLowerCase())).size).toBe(10);
  });
});

describe('drawingOrder', () => {
  it('is a permutation that keeps slices of index order and sorts each slice by label', () => {
    const n = 5000;
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) labels[i] = (i * 7919) % 10;
    const order = drawingOrder(labels, n);
    expect(new Set(order).size).toBe(n);
    const size = Math.ceil(n / 8);
    for (let p = 0; p < n; p++) {
      expect(Math.floor(order[p] / size)).toBe(Math.floor(p / size)); // stays in its slice
      if (p % size !== 0) expect(labels[order[p]]).toBeGreaterThanOrEqual(labels[order[p - 1]]);
    }
  });

  it('handles fewer points than slices', () => {
    expect(Array.from(drawingOrder(new Uint8Array([3, 1, 2]), 3))).toEqual([0, 1, 2]);
    expect(Array.from(drawingOrder(new Uint8Array([3, 1, 2, 0]), 2))).toEqual([0, 1]);
  });
});
