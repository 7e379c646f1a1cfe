import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fitLsa, lsaProject, type LsaFit } from './lsa';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * X = 6·u1 v1ᵀ + 4·u2 v2ᵀ + 2·u3 v3ᵀ with
 *   u1 = ½(1, 1, 1, 1), u2 = ½(1, 1, -1, -1), u3 = ½(1, -1, 1, -1)   (orthonormal, 4 passages)
 *   v1 = (3/5, 4/5, 0), v2 = (4/5, -3/5, 0), v3 = (0, 0, 1)          (orthonormal, 3 words)
 * 6·½·v1 = (9/5, 12/5, 0), 4·½·v2 = (8/5, -6/5, 0), 2·½·v3 = (0, 0, 1), so row i is
 * ±(9/5, 12/5, 0) ± (8/5, -6/5, 0) ± (0, 0, 1) with the signs of u1, u2, u3:
 *   (+,+,+): (17/5, 6/5, 1)   (+,+,-): (17/5, 6/5, -1)   (+,-,+): (1/5, 18/5, 1)   (+,-,-): (1/5, 18/5, -1)
 */
const X = new Float32Array([3.4, 1.2, 1, 3.4, 1.2, -1, 0.2, 3.6, 1, 0.2, 3.6, -1]);

function expectClose(actual: ArrayLike<number>, expected: number[], digits: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, digits));
}

/** max |V Vᵀ - I| over the topic rows. */
function orthonormalityError(fit: LsaFit): number {
  let worst = 0;
  for (let a = 0; a < fit.k; a++) {
    for (let b = 0; b < fit.k; b++) {
      let dot = 0;
      for (let i = 0; i < fit.d; i++) dot += fit.terms[a * fit.d + i] * fit.terms[b * fit.d + i];
      worst = Math.max(worst, Math.abs(dot - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

describe('LSA on a matrix with a known SVD', () => {
  for (const method of ['gram', 'lanczos'] as const) {
    it(`${method}: σ = 6, 4; topics v1, v2; codes U Σ`, () => {
      const fit = fitLsa(X, 4, 3, 2, { method });
      expect(fit.method).toBe(method);
      expectClose(fit.singularValues, [6, 4], 6);
      // Signs: each topic's largest entry positive (0.8 in v1, 0.8 in v2).
      expectClose(fit.terms, [0.6, 0.8, 0, 0.8, -0.6, 0], 6);
      // Codes = U Σ: 6·½ = 3 and 4·(±½) = ±2. Row 1 by hand: 3.4·0.6 + 1.2·0.8 = 3, 3.4·0.8 - 1.2·0.6 = 2.
      expectClose(fit.codes, [3, 2, 3, 2, 3, -2, 3, -2], 5);
      expect(fit.residual).toBeLessThan(1e-8);
      // Folding the same rows in gives the same codes.
      expectClose(lsaProject(fit, X, 4), Array.from(fit.codes), 5);
    });
  }

  it('more words than passages (the XXᵀ route): Xᵀ has the same σ, topics u1, u2', () => {
    const xt = new Float32Array(12);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) xt[c * 4 + r] = X[r * 3 + c];
    for (const method of ['gram', 'lanczos'] as const) {
      const fit = fitLsa(xt, 3, 4, 2, { method });
      expectClose(fit.singularValues, [6, 4], 6);
      // u1 = ½(1, 1, 1, 1); u2 = ½(1, 1, -1, -1): ties for the largest entry go to the first, made positive.
      expectClose(fit.terms, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5, -0.5], 6);
      // Codes = V Σ of X: (0.6·6, 0.8·4) = (3.6, 3.2), (0.8·6, -0.6·4) = (4.8, -2.4), (0, 0).
      expectClose(fit.codes, [3.6, 3.2, 4.8, -2.4, 0, 0], 5);
    }
  });

  it('agrees with the SVD of ml-matrix on the same matrix', () => {
    const svd = new SingularValueDecomposition(new Matrix([[3.4, 1.2, 1], [3.4, 1.2, -1], [0.2, 3.6, 1], [0.2, 3.6, -1]]));
    expectClose(svd.diagonal, [6, 4, 2], 10);
    const fit = fitLsa(X, 4, 3, 3, { method: 'gram' });
    expectClose(fit.singularValues, svd.diagonal, 6);
    for (let c = 0; c < 3; c++) {
      const v = svd.rightSingularVectors.getColumn(c);
      const dot = v.reduce((s, x, i) => s + x * fit.terms[c * 3 + i], 0);
      expect(Math.abs(dot)).toBeCloseTo(1, 6); // the same direction, up to sign
    }
  });
});

describe('LSA against ml-matrix on random sparse non-negative matrices', () => {
  /** Word counts: about 15% non-zero, small integers, so singular values are distinct but close. */
  function sparseCounts(n: number, d: number, seed: number): Float32Array {
    const rnd = lcg(seed);
    return Float32Array.from({ length: n * d }, () => (rnd() < 0.15 ? 1 + Math.floor(rnd() * 4) : 0));
  }

  for (const [n, d] of [[80, 60], [40, 90]] as const) {
    it(`${n} x ${d}, k = 6, both methods`, () => {
      const x = sparseCounts(n, d, n + d);
      const rows = Array.from({ length: n }, (_, r) => Array.from(x.subarray(r * d, (r + 1) * d)));
      const svd = new SingularValueDecomposition(new Matrix(rows), { autoTranspose: true });
      const reference = svd.diagonal.slice(0, 6);
      for (const method of ['gram', 'lanczos'] as const) {
        const fit = fitLsa(x, n, d, 6, { method });
        fit.singularValues.forEach((s, i) => expect(Math.abs(s - reference[i]) / reference[0]).toBeLessThan(1e-9));
        for (let c = 0; c < 6; c++) {
          const v = svd.rightSingularVectors.getColumn(c);
          const dot = v.reduce((s, val, i) => s + val * fit.terms[c * d + i], 0);
          // |cos| between the topic and ml-matrix's right singular vector; float32 terms.
          expect(Math.abs(dot)).toBeGreaterThan(1 - 1e-6);
        }
        expect(orthonormalityError(fit)).toBeLessThan(1e-6);
        expect(fit.residual).toBeLessThan(1e-9);
      }
    });
  }

  it('k past the rank of X: σ = 0 for the rest, topics still orthonormal', () => {
    // Rank 2: every row is a multiple of (1, 0, 1, 0, 0) or (0, 1, 0, 0, 2).
    const x = new Float32Array([1, 0, 1, 0, 0, 0, 1, 0, 0, 2, 2, 0, 2, 0, 0, 0, 3, 0, 0, 6]);
    for (const method of ['gram', 'lanczos'] as const) {
      for (const [n, d, m] of [[4, 5, x], [5, 4, transpose(x, 4, 5)]] as const) {
        const fit = fitLsa(m, n, d, 4, { method });
        // σ1² = |(0, 1, 0, 3)|²·|(0, 1, 0, 0, 2)|² = 10·5 = 50; σ2² = |(1, 0, 2, 0)|²·|(1, 0, 1, 0, 0)|² = 5·2 = 10.
        expectClose(fit.singularValues, [Math.sqrt(50), Math.sqrt(10), 0, 0], 5);
        expect(orthonormalityError(fit)).toBeLessThan(1e-6);
      }
    }
  });

  it('refuses bad sizes and non-finite numbers', () => {
    expect(() => fitLsa(X, 4, 3, 4)).toThrow(RangeError);
    expect(() => fitLsa(X, 4, 2, 1)).toThrow(RangeError);
    expect(() => fitLsa(new Float32Array([1, Number.NaN]), 1, 2, 1)).toThrow(RangeError);
  });
});

function transpose(x: Float32Array, n: number, d: number): Float32Array {
  const t = new Float32Array(n * d);
  for (let r = 0; r < n; r++) for (let c = 0; c < d; c++) t[c * n + r] = x[r * d + c];
  return t;
}
