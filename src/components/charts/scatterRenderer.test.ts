import { describe, expect, it } from 'vitest';
import { LABEL_COLOURS, ScatterRenderer } from './scatterRenderer';

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

  it('moves a point by screen pixels for the keyboard, inside the visible canvas', () => {
    const r = renderer();
    // No point yet: from the centre of the view, (212, 112) on screen = map (0, 5).
    const [x0, y0] = r.nudge(undefined, 0, 0);
    expect(x0).toBeCloseTo(0, 6);
    expect(y0).toBeCloseTo(5, 6);
    // 400 px span 4 map units across, 200 px span 10 up: 10 px right = +0.1, 10 px down = -0.5.
    const [x1, y1] = r.nudge([0, 5], 10, 10);
    expect(x1).toBeCloseTo(0.1, 6);
    expect(y1).toBeCloseTo(4.5, 6);
    // Zoomed 2x, the same 10 px are half the map distance.
    r.setTransform({ k: 2, x: -212, y: -112 });
    const [x2] = r.nudge([0, 5], 10, 0);
    expect(x2).toBeCloseTo(0.05, 6);
    // Far off to the right: stops at the canvas edge (inside the padding).
    r.setTransform({ k: 1, x: 0, y: 0 });
    const [x3, y3] = r.nudge([2, 10], 1000, -1000);
    expect(x3).toBeCloseTo(2, 6);
    expect(y3).toBeCloseTo(10, 6);
  });

  it('keeps its geometry under a new style and ignores a broken one', () => {
    const r = renderer();
    r.setStyle({ pointRadius: 4, fontSize: 16 });
    r.setStyle({ pointRadius: Number.NaN, fontSize: 0 });
    r.setNumerals(true);
    expect(r.toScreen(-2, 0)).toEqual([12, 212]);
    expect(r.pick(212, 112, 2)).toBe(1);
  });

  it('has ten distinct label colours', () => {
    expect(new Set(LABEL_COLOURS.map((c) => c.toLowerCase())).size).toBe(10);
  });
});
