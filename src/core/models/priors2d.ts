/**
 * The priors an adversarial autoencoder pushes its codes toward (Makhzani et al. 2015, section
 * 2 and figure 2): codes are drawn from them to train the discriminator, to draw the prior's
 * shape beneath the code map, and to decode "samples from the prior" into digits.
 *
 * - 'gaussian': N(0, I) in every code dimension (any code size).
 * - 'ring': 2-D, the angle uniform on [0, 2π), the radius N(RING_RADIUS, RING_WIDTH²).
 * - 'mixture10': 2-D, ten equally likely Gaussians, component k centred at MIXTURE_RADIUS ·
 *   (cos 2πk/10, sin 2πk/10), each stretched along its circle (σ MIXTURE_SPREAD_TANGENT) and
 *   narrow across it (σ MIXTURE_SPREAD_RADIAL), the paper's mixture of 10 2-D Gaussians.
 *
 * The radii are chosen so the three shapes cover about the same area as N(0, I) (codes of a
 * Gaussian fall within radius ~2.5): the same decoder and grid fit each. Samples are seeded
 * (mulberry32 via createRng) and plain Float32Arrays [count, codeSize], the same on every
 * backend and on both sides of the worker boundary. Pure (no tfjs): the page draws the prior's
 * shape beneath the map from the same sampler the worker trains with.
 */
import type { CodePrior } from '../config';
import { createRng } from '../data/rng';

export const RING_RADIUS = 2;
export const RING_WIDTH = 0.15;
export const MIXTURE_COMPONENTS = 10;
export const MIXTURE_RADIUS = 2;
export const MIXTURE_SPREAD_TANGENT = 0.35;
export const MIXTURE_SPREAD_RADIAL = 0.1;

/** Priors defined only on a 2-D code. */
export const TWO_D_PRIORS: ReadonlySet<CodePrior> = new Set<CodePrior>(['ring', 'mixture10']);

/** Why a prior cannot serve a code size, or null when it can. */
export function priorProblem(prior: CodePrior, codeSize: number): string | null {
  if (TWO_D_PRIORS.has(prior) && codeSize !== 2) {
    return `The ${prior === 'ring' ? 'ring' : 'mixture of 10 Gaussians'} is a 2-D prior: it needs a code size of 2 (or choose the Gaussian prior).`;
  }
  return null;
}

/** A standard normal pair by Box-Muller from two uniforms in [0, 1). */
function normalPair(rng: () => number): [number, number] {
  // 1 - u lies in (0, 1], so the log is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - rng()));
  const angle = 2 * Math.PI * rng();
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/**
 * `count` codes drawn from the prior, the same for the same seed.
 * @returns [count, codeSize] row-major
 * @throws RangeError for a 2-D prior with another code size, or a bad count
 */
export function samplePriorCodes(prior: CodePrior, count: number, codeSize: number, seed: number): Float32Array {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`sample count ${count} must be a whole number`);
  const problem = priorProblem(prior, codeSize);
  if (problem) throw new RangeError(problem);
  const rng = createRng(seed);
  if (prior === 'gaussian') {
    const out = new Float32Array(count * codeSize);
    for (let i = 0; i < out.length; i += 2) {
      const [u, v] = normalPair(rng);
      out[i] = u;
      if (i + 1 < out.length) out[i + 1] = v;
    }
    return out;
  }
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const [u, v] = normalPair(rng);
    let x: number;
    let y: number;
    if (prior === 'ring') {
      const angle = 2 * Math.PI * rng();
      const r = RING_RADIUS + RING_WIDTH * u;
      [x, y] = [r * Math.cos(angle), r * Math.sin(angle)];
    } else {
      const k = Math.min(MIXTURE_COMPONENTS - 1, Math.floor(rng() * MIXTURE_COMPONENTS));
      const angle = (2 * Math.PI * k) / MIXTURE_COMPONENTS;
      const [c, s] = [Math.cos(angle), Math.sin(angle)];
      // Radial offset along (c, s), tangential along (-s, c).
      const radial = MIXTURE_RADIUS + MIXTURE_SPREAD_RADIAL * u;
      const tangent = MIXTURE_SPREAD_TANGENT * v;
      [x, y] = [radial * c - tangent * s, radial * s + tangent * c];
    }
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}
