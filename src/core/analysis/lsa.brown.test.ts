import { describe, expect, it } from 'vitest';
import { loadBrownPassagesNode } from '../data/brownNode';
import { bagsToMatrix, encodeText } from '../data/textCorpus';
import { fitLsa, lsaProject } from './lsa';
import { chanceRetrievalFraction, retrievalCurve } from './retrieval';

/** CPU milliseconds spent in fn (user + system): steadier than wall time on a shared machine. */
function cpuMs<T>(fn: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

const format = (f: Float64Array) => Array.from(f, (v) => v.toFixed(3)).join(' / ');

describe('LSA on the Brown passages (real corpus)', () => {
  const corpus = loadBrownPassagesNode();
  const n = corpus.size;
  const d = corpus.vocabulary.length;
  const x = bagsToMatrix(corpus.bags, d);
  const { result: lsa, ms } = cpuMs(() => fitLsa(x, n, d, 10));
  console.log(`LSA-10 of ${n} x ${d}: ${lsa.method}, ${lsa.iterations} steps, residual ${lsa.residual.toExponential(1)}, ${ms.toFixed(0)} ms of CPU`);
  console.log(`σ: ${Array.from(lsa.singularValues, (s) => s.toFixed(3)).join(' ')}`);

  it('shapes, orthonormal topics, orthogonal codes with lengths σ, a small residual', () => {
    expect(lsa.method).toBe('lanczos');
    expect(lsa.codes).toHaveLength(n * 10);
    expect(lsa.terms).toHaveLength(10 * d);
    expect(lsa.residual).toBeLessThan(1e-9);
    for (let a = 0; a < 10; a++) {
      if (a > 0) expect(lsa.singularValues[a]).toBeLessThanOrEqual(lsa.singularValues[a - 1]);
      for (let b = a; b < 10; b++) {
        let topics = 0;
        for (let i = 0; i < d; i++) topics += lsa.terms[a * d + i] * lsa.terms[b * d + i];
        expect(Math.abs(topics - (a === b ? 1 : 0))).toBeLessThan(1e-5);
        // Codes = U Σ: columns orthogonal, column a of length σ_a.
        let codes = 0;
        for (let r = 0; r < n; r++) codes += lsa.codes[r * 10 + a] * lsa.codes[r * 10 + b];
        const expected = a === b ? lsa.singularValues[a] ** 2 : 0;
        expect(Math.abs(codes - expected) / lsa.singularValues[0] ** 2).toBeLessThan(1e-5);
      }
    }
    // Rows have unit length, so σ₁² <= n (the first topic carries at most all the mass) and Σσ² < n.
    expect(lsa.singularValues[0] ** 2).toBeLessThan(n);
  });

  it('LSA-10 retrieves same-genre passages well above chance (Hinton & Salakhutdinov Fig. 4)', () => {
    const counts = [1, 10, 100];
    const { result: curve, ms: retrievalMs } = cpuMs(() => retrievalCurve(lsa.codes, corpus.genre, 10, counts));
    const otherDocuments = retrievalCurve(lsa.codes, corpus.genre, 10, counts, { groups: corpus.document });
    const perGenre = new Array(corpus.genres.length).fill(0);
    for (const g of corpus.genre) perGenre[g]++;
    const commonest = Math.max(...perGenre) / n;
    const chance = chanceRetrievalFraction(corpus.genre);
    console.log(
      `LSA-10 same-genre fraction at 1 / 10 / 100 retrieved: ${format(curve.fraction)} ` +
        `(other documents only: ${format(otherDocuments.fraction)}); commonest genre ${commonest.toFixed(3)}, ` +
        `random retrieval ${chance.toFixed(3)}; ${retrievalMs.toFixed(0)} ms of CPU for ${curve.queries} queries`,
    );
    expect(curve.queries).toBe(n);
    expect(curve.fraction[1]).toBeGreaterThan(commonest);
    expect(otherDocuments.fraction[1]).toBeGreaterThan(commonest);
    // Retrieving more passages reaches further from the query: the fraction falls.
    expect(curve.fraction[2]).toBeLessThan(curve.fraction[0]);
    // Codes that know nothing (the passages' order) are at chance: the measure itself is not generous.
    const shuffled = new Uint8Array(n);
    for (let p = 0; p < n; p++) shuffled[p] = corpus.genre[(p * 2654435761) % n];
    const nonsense = retrievalCurve(lsa.codes, shuffled, 10, [10], { queries: Array.from({ length: 500 }, (_, i) => i * 9) });
    expect(Math.abs(nonsense.fraction[0] - chanceRetrievalFraction(shuffled))).toBeLessThan(0.03);
  });

  it('folds a typed query in: a query on religion lands among Religion passages', () => {
    const query = encodeText('God and the church: faith, Christ and the spirit of the Christian life', corpus.vocabulary);
    expect(query.unknown).toEqual([]);
    const code = lsaProject(lsa, query.row, 1);
    let best = -Infinity;
    let bestIndex = -1;
    for (let p = 0; p < n; p++) {
      let dot = 0;
      let norm = 0;
      for (let c = 0; c < 10; c++) {
        dot += code[c] * lsa.codes[p * 10 + c];
        norm += lsa.codes[p * 10 + c] ** 2;
      }
      const cosine = dot / Math.sqrt(norm);
      if (cosine > best) [best, bestIndex] = [cosine, p];
    }
    expect(corpus.genres[corpus.genre[bestIndex]].name).toBe('Religion');
  });
});
