import { describe, expect, it } from 'vitest';
import { chanceRetrievalFraction } from '../core/analysis/retrieval';
import { CLAIM_RETRIEVED, fractionAt, TEXT_RETRIEVAL_COUNTS } from '../core/analysis/textRetrieval';
import { loadBrownPassagesNode } from '../core/data/brownNode';
import { TextLsa } from './textLsa';

describe('the text worker’s LSA baselines on the real Brown passages', () => {
  const corpus = loadBrownPassagesNode();
  const lsa = TextLsa.fit(corpus);

  it('LSA-10 retrieves the query’s genre well above random retrieval; LSA-2 less well', () => {
    const { retrieval, map, mapPoints } = lsa.baselines;
    expect(mapPoints).toHaveLength(corpus.size * 2);
    const counts = TEXT_RETRIEVAL_COUNTS.filter((c) => c < corpus.size);
    const at = (f: Float64Array) => fractionAt({ counts, fraction: f }, CLAIM_RETRIEVED)!;
    const chance = chanceRetrievalFraction(corpus.genre);
    console.log(`LSA-10 ${at(retrieval.fraction).toFixed(3)}, LSA-2 ${at(map.fraction).toFixed(3)} at ${CLAIM_RETRIEVED} retrieved; random ${chance.toFixed(3)}; ${lsa.baselines.seconds.toFixed(1)} s`);
    expect(at(retrieval.fraction)).toBeGreaterThan(2 * chance);
    expect(at(map.fraction)).toBeGreaterThan(chance);
    expect(at(map.fraction)).toBeLessThan(at(retrieval.fraction));
  });

  it('folds a typed query in: a religious query finds Religion passages, unknown words are listed', () => {
    const r = lsa.query('God and the church: faith, Christ and the spirit of the Christian life, xylograph', 5);
    expect(r.unknown).toEqual(['xylograph']);
    expect(r.point).toHaveLength(2);
    expect(r.hits).toHaveLength(5);
    expect(corpus.genres[r.hits[0].genre].name).toBe('Religion');
    expect(r.hits[0].similarity).toBeGreaterThan(r.hits[4].similarity - 1e-12);
    const nothing = lsa.query('xylograph', 5);
    expect(nothing.hits).toEqual([]);
    expect(nothing.known).toEqual([]);
    expect(nothing.point).toBeUndefined();
  });
});
