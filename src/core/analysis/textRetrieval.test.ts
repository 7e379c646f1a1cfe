import { describe, expect, it } from 'vitest';
import { fractionAt, nearestPassages, passageRetrievalCurve, textQueryIndices } from './textRetrieval';

describe('text retrieval, worked by hand', () => {
  it('queries are spread evenly; all passages when there are few', () => {
    expect(Array.from(textQueryIndices(10, 4))).toEqual([0, 2, 5, 7]);
    expect(Array.from(textQueryIndices(3, 4))).toEqual([0, 1, 2]);
  });

  it('passages of the query’s own document are never retrieved', () => {
    // Four passages on a circle; 0 and 1 point the same way but share document 0.
    const codes = new Float32Array([1, 0, 1, 0.01, 0.9, 0.2, 0, 1]);
    const genre = [0, 1, 0, 1];
    const document = [0, 0, 1, 2];
    const curve = passageRetrievalCurve(codes, 2, genre, document, [1, 2]);
    // Angles: passage 0 at 0°, 1 at 0.6°, 2 at 12.5°, 3 at 90°.
    // Query 0 (genre 0, doc 0) sees 2, 3: 2 first (genre 0): 1 at one, 1/2 at two.
    // Query 1 (genre 1, doc 0) sees 2, 3: 2 first (genre 0): 0, then 1/2.
    // Query 2 (genre 0) sees 0, 1, 3: 1 (11.9° away) before 0 (12.5°): 0, then 1/2.
    // Query 3 (genre 1) sees 0, 1, 2: 2 (77.5° away) first: 0, then 1 (genre 1): 1/2.
    expect(curve.queries).toBe(4);
    expect(curve.fraction[0]).toBeCloseTo((1 + 0 + 0 + 0) / 4, 12);
    expect(curve.fraction[1]).toBeCloseTo((0.5 + 0.5 + 0.5 + 0.5) / 4, 12);
    expect(fractionAt(curve, 2)).toBe(curve.fraction[1]);
    expect(fractionAt(curve, 7)).toBeUndefined();
    // Counts beyond n - 1 are left out, not an error.
    expect(passageRetrievalCurve(codes, 2, genre, document, [1, 7]).counts).toEqual([1]);
  });

  it('nearest passages by angle, with the cosine; a zero query finds nothing', () => {
    const codes = new Float32Array([1, 0, 0, 2, 3, 3]);
    const hits = nearestPassages(codes, 2, [0, 1], 2);
    expect(Array.from(hits.indices)).toEqual([1, 2]);
    expect(hits.similarity[0]).toBeCloseTo(1, 12);
    expect(hits.similarity[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(nearestPassages(codes, 2, [0, 0], 2).indices).toHaveLength(0);
  });
});
