import { describe, expect, it } from 'vitest';
import {
  MIXTURE_COMPONENTS,
  MIXTURE_RADIUS,
  MIXTURE_SPREAD_RADIAL,
  MIXTURE_SPREAD_TANGENT,
  priorProblem,
  RING_RADIUS,
  RING_WIDTH,
  samplePriorCodes,
} from './priors2d';

const N = 20000;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (v: number[]) => {
  const m = mean(v);
  return Math.sqrt(mean(v.map((x) => (x - m) ** 2)));
};
function points(codes: Float32Array): [number, number][] {
  return Array.from({ length: codes.length / 2 }, (_, i) => [codes[2 * i], codes[2 * i + 1]]);
}

describe('prior samplers', () => {
  it('are seeded: the same seed gives the same codes, another seed others', () => {
    for (const prior of ['gaussian', 'ring', 'mixture10'] as const) {
      const a = samplePriorCodes(prior, 100, 2, 3);
      expect(a.length).toBe(200);
      expect(samplePriorCodes(prior, 100, 2, 3)).toEqual(a);
      expect(samplePriorCodes(prior, 100, 2, 4)).not.toEqual(a);
    }
  });

  it('Gaussian: mean 0 and standard deviation 1 in every dimension, any code size', () => {
    const codes = samplePriorCodes('gaussian', N, 3, 5);
    expect(codes.length).toBe(3 * N);
    for (let d = 0; d < 3; d++) {
      const column = Array.from({ length: N }, (_, i) => codes[3 * i + d]);
      expect(Math.abs(mean(column))).toBeLessThan(0.03);
      expect(sd(column)).toBeCloseTo(1, 1);
    }
  });

  it('ring: radius RING_RADIUS ± RING_WIDTH, angles spread evenly around the circle', () => {
    const p = points(samplePriorCodes('ring', N, 2, 6));
    const radii = p.map(([x, y]) => Math.hypot(x, y));
    expect(mean(radii)).toBeCloseTo(RING_RADIUS, 2);
    expect(sd(radii)).toBeCloseTo(RING_WIDTH, 2);
    // Each quadrant holds a quarter of the samples.
    const upperRight = p.filter(([x, y]) => x > 0 && y > 0).length / N;
    expect(upperRight).toBeGreaterThan(0.23);
    expect(upperRight).toBeLessThan(0.27);
  });

  it('mixture of 10: ten equally used components at their centres, stretched along the circle', () => {
    const p = points(samplePriorCodes('mixture10', N, 2, 7));
    const counts = new Array(MIXTURE_COMPONENTS).fill(0);
    const along: number[] = [];
    const across: number[] = [];
    for (const [x, y] of p) {
      // The nearest centre by angle; radial and tangential offsets from it.
      const k = ((Math.round((Math.atan2(y, x) / (2 * Math.PI)) * MIXTURE_COMPONENTS) % MIXTURE_COMPONENTS) + MIXTURE_COMPONENTS) % MIXTURE_COMPONENTS;
      counts[k]++;
      const a = (2 * Math.PI * k) / MIXTURE_COMPONENTS;
      across.push(x * Math.cos(a) + y * Math.sin(a) - MIXTURE_RADIUS);
      along.push(-x * Math.sin(a) + y * Math.cos(a));
    }
    for (const c of counts) expect(c / N).toBeCloseTo(0.1, 1);
    expect(Math.abs(mean(across))).toBeLessThan(0.02);
    expect(sd(across)).toBeCloseTo(MIXTURE_SPREAD_RADIAL, 1);
    expect(sd(along)).toBeCloseTo(MIXTURE_SPREAD_TANGENT, 1);
  });

  it('refuses a 2-D prior for another code size, and a bad count', () => {
    expect(priorProblem('ring', 3)).toMatch(/2-D prior/);
    expect(priorProblem('mixture10', 2)).toBeNull();
    expect(priorProblem('gaussian', 8)).toBeNull();
    expect(() => samplePriorCodes('mixture10', 10, 4, 1)).toThrow(RangeError);
    expect(() => samplePriorCodes('gaussian', -1, 2, 1)).toThrow(RangeError);
    expect(samplePriorCodes('gaussian', 3, 3, 1).length).toBe(9);
  });
});
