import { describe, expect, it } from 'vitest';
import {
  STOP_WORDS,
  bagOfWords,
  bagToRow,
  bagsToMatrix,
  buildVocabulary,
  contentWords,
  encodeText,
  tokenise,
  vocabularyIndex,
} from './textCorpus';

const TEXT = "The cat sat on the mat. The cat's hat! A dog, the DOG and 2 cats.";

describe('tokenise and stop words, by hand', () => {
  it('lower-cases runs of letters, drops digits, punctuation and lone letters', () => {
    // "cat's" -> "cat" + "s" (dropped); "A" and "2" dropped.
    expect(tokenise(TEXT)).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat', 'the', 'cat', 'hat', 'dog', 'the', 'dog', 'and', 'cats']);
    expect(tokenise('Café naïve 東京, well-known')).toEqual(['café', 'naïve', '東京', 'well', 'known']);
    expect(tokenise('  1961 -- ?! ')).toEqual([]);
  });

  it('content words leave out the stop words', () => {
    // Out: the (4x), on, and.
    expect(contentWords(TEXT)).toEqual(['cat', 'sat', 'mat', 'cat', 'hat', 'dog', 'dog', 'cats']);
    for (const w of ['the', 'and', 'of', 'would', 'don', 'isn']) expect(STOP_WORDS.has(w)).toBe(true);
    for (const w of ['cat', 'jury', 'said', 'church', 'love']) expect(STOP_WORDS.has(w)).toBe(false);
    // Every stop word is something tokenise can produce (lower-case letters, >= 2 of them).
    for (const w of STOP_WORDS) expect(tokenise(w)).toEqual([w]);
  });
});

describe('vocabulary and bags of words, by hand', () => {
  const doc1 = contentWords(TEXT); // cat sat mat cat hat dog dog cats
  const doc2 = contentWords('Dogs chase cats; cats chase mice.'); // dogs chase cats cats chase mice
  // Totals: cats 1 + 2 = 3; cat 2, chase 2, dog 2; dogs, hat, mat, mice, sat 1 each.
  const vocabulary = buildVocabulary([doc1, doc2], 5);

  it('most frequent first, ties alphabetical, cut at the size', () => {
    expect(vocabulary).toEqual(['cats', 'cat', 'chase', 'dog', 'dogs']);
    expect(buildVocabulary([doc2, doc1], 5)).toEqual(vocabulary); // document order does not matter
    expect(buildVocabulary([doc1, doc2], 100)).toHaveLength(9); // all distinct words
    expect(() => buildVocabulary([doc1], 0)).toThrow(RangeError);
  });

  it('counts only vocabulary words, indices ascending', () => {
    // doc1: cats (0) x1, cat (1) x2, dog (3) x2; sat, mat, hat are not in the vocabulary.
    const bag = bagOfWords(doc1, vocabularyIndex(vocabulary));
    expect(Array.from(bag.indices)).toEqual([0, 1, 3]);
    expect(Array.from(bag.counts)).toEqual([1, 2, 2]);
    const empty = bagOfWords(['zebra'], vocabularyIndex(vocabulary));
    expect(empty.indices.length).toBe(0);
  });

  it('transforms the counts (1, 2, 0, 2, 0)', () => {
    const bag = bagOfWords(doc1, vocabularyIndex(vocabulary));
    const close = (row: Float32Array, expected: number[]) => expected.forEach((v, i) => expect(row[i]).toBeCloseTo(v, 6));
    close(bagToRow(bag, 5, 'counts'), [1, 2, 0, 2, 0]);
    // 5 vocabulary words in doc1: 1/5, 2/5, 2/5.
    close(bagToRow(bag, 5, 'proportion'), [0.2, 0.4, 0, 0.4, 0]);
    close(bagToRow(bag, 5, 'log1p'), [Math.log(2), Math.log(3), 0, Math.log(3), 0]);
    // Length sqrt(ln²2 + 2 ln²3) = sqrt(0.480453 + 2·1.206949) = 1.701279;
    // 0.693147 / 1.701279 = 0.407427 and 1.098612 / 1.701279 = 0.645757.
    close(bagToRow(bag, 5), [0.407427, 0.645757, 0, 0.645757, 0]);
    // No vocabulary word: zeros, not NaN.
    expect(Array.from(bagToRow({ indices: new Int32Array(0), counts: new Int32Array(0) }, 3))).toEqual([0, 0, 0]);
    expect(() => bagToRow(bag, 3)).toThrow(RangeError); // index 3 is outside a 3-word vocabulary
  });

  it('stacks rows into a [passages, words] matrix', () => {
    const index = vocabularyIndex(vocabulary);
    // doc2: cats x2, chase x2, dogs x1 -> counts (2, 0, 2, 0, 1).
    const x = bagsToMatrix([bagOfWords(doc1, index), bagOfWords(doc2, index)], 5, 'counts');
    expect(Array.from(x)).toEqual([1, 2, 0, 2, 0, 2, 0, 2, 0, 1]);
  });

  it('encodes a typed query like a passage and says which words it knew', () => {
    // Content words: cats, dogs, chase, zebras, zebras. Known: cats (0), dogs (4), chase (2), once each.
    const q = encodeText('Cats and DOGS chase zebras, zebras!', vocabulary);
    expect(Array.from(q.bag.indices)).toEqual([0, 2, 4]);
    expect(Array.from(q.bag.counts)).toEqual([1, 1, 1]);
    expect(q.known).toEqual(['cats', 'dogs', 'chase']);
    expect(q.unknown).toEqual(['zebras']);
    // Three equal entries log 2, scaled to unit length: each 1/√3.
    [1, 0, 1, 0, 1].forEach((on, i) => expect(q.row[i]).toBeCloseTo(on / Math.sqrt(3), 6));
    // A longer text with the same words in the same proportions gives the same unit row.
    const twice = encodeText('cats dogs chase. Cats, dogs and chase.', vocabulary, vocabularyIndex(vocabulary), 'log1p-unit');
    Array.from(twice.row).forEach((v, i) => expect(v).toBeCloseTo(q.row[i], 6));
  });
});
