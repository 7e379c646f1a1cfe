import { describe, expect, it } from 'vitest';
import { codeRanges, codesEvent, codesToPoints, fitCodeMap, paddedExtent, pointsToCodes } from './codeMap';

/** n codes of size d on the plane mean + a·u + b·v, u ⟂ v unit vectors; a spread wider than b. */
function planarCodes(n: number, d: number) {
  const u = new Float32Array(d);
  const v = new Float32Array(d);
  u[0] = 0.6;
  u[1] = 0.8;
  v[2] = 1;
  const mean = Float32Array.from({ length: d }, (_, i) => i - 2);
  const codes = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    const a = 5 * Math.sin(r * 1.7);
    const b = Math.cos(r * 0.9);
    for (let i = 0; i < d; i++) codes[r * d + i] = mean[i] + a * u[i] + b * v[i];
  }
  return codes;
}

describe('code map', () => {
  it('uses the code itself for a 2-D code', () => {
    const codes = new Float32Array([1, 2, -3, 4]);
    const map = fitCodeMap(codes, 2, 2);
    expect(map.projected).toBe(false);
    expect([...codesToPoints(map, codes, 2)]).toEqual([1, 2, -3, 4]);
    expect([...pointsToCodes(map, new Float32Array([5, 6]), 1)]).toEqual([5, 6]);
  });

  it('draws a 1-D code as a strip and decodes through x', () => {
    const map = fitCodeMap(new Float32Array([1, 2, 3]), 3, 1);
    expect([...codesToPoints(map, new Float32Array([1, 2]), 2)]).toEqual([1, 0, 2, 0]);
    expect([...pointsToCodes(map, new Float32Array([7, 9]), 1)]).toEqual([7]);
  });

  it('projects larger codes on their first two principal components and inverts exactly on that plane', () => {
    const n = 500;
    const d = 6;
    const codes = planarCodes(n, d);
    const { map, event } = codesEvent(codes, n, d);
    expect(event.projected).toBe(true);
    expect(event.points.length).toBe(2 * n);
    // The first axis carries the wide direction (spread 5) and the second the narrow one (1).
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sx = Math.max(sx, Math.abs(event.points[2 * i]));
      sy = Math.max(sy, Math.abs(event.points[2 * i + 1]));
    }
    expect(sx).toBeGreaterThan(4);
    expect(sy).toBeLessThan(1.5);
    // The codes lie on a plane, so map point -> code gives them back.
    const back = pointsToCodes(map, event.points, n);
    let worst = 0;
    for (let i = 0; i < n * d; i++) worst = Math.max(worst, Math.abs(back[i] - codes[i]));
    expect(worst).toBeLessThan(1e-4);
  });

  it('keeps the axes of the previous map (no flip between updates)', () => {
    const n = 300;
    const d = 4;
    const codes = planarCodes(n, d);
    const first = fitCodeMap(codes, n, d);
    const flipped = { ...first, pca: { ...first.pca!, components: first.pca!.components.map((c) => -c) } };
    const next = fitCodeMap(codes, n, d, flipped);
    for (let i = 0; i < next.pca!.components.length; i++) {
      expect(next.pca!.components[i]).toBeCloseTo(flipped.pca.components[i], 5);
    }
  });

  it('pads the extent by 5% and widens a flat axis', () => {
    expect(paddedExtent(new Float32Array([0, -2, 10, 2, 5, 0]), 3)).toEqual({ xMin: -0.5, xMax: 10.5, yMin: -2.2, yMax: 2.2 });
    const flat = paddedExtent(new Float32Array([1, 0, 3, 0]), 2);
    expect([flat.yMin, flat.yMax]).toEqual([-1, 1]);
  });

  it('gives each code dimension its range', () => {
    const r = codeRanges(new Float32Array([1, -5, 3, 2, -1, 0]), 3, 2);
    expect([...r.codeMin]).toEqual([-1, -5]);
    expect([...r.codeMax]).toEqual([3, 2]);
  });

  it('maps a 1000-number code by subspace iteration: the same plane, quickly, and round-trips on it', () => {
    const n = 2000;
    const d = 1000;
    const codes = planarCodes(n, d);
    const t0 = performance.now();
    const first = fitCodeMap(codes, n, d);
    const again = fitCodeMap(codes, n, d, first);
    expect(performance.now() - t0).toBeLessThan(4000);
    for (const map of [first, again]) {
      expect(map.projected).toBe(true);
      const points = codesToPoints(map, codes, 4);
      const back = pointsToCodes(map, points, 4);
      // The codes lie on a plane: projecting and lifting back returns them (to float32 rounding of values up to 1000).
      for (let i = 0; i < 4 * d; i++) expect(Math.abs(back[i] - codes[i])).toBeLessThan(2e-3 * (1 + Math.abs(codes[i])));
    }
  });
});
