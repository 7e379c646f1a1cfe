/**
 * Text as numbers for the text-retrieval lesson: a passage becomes a bag of words over a fixed
 * vocabulary (word order forgotten), and the bag becomes one input row of the autoencoder and
 * of LSA. The same functions turn the user's typed query into a row, so a query and the corpus
 * are always tokenised alike.
 *
 * The word-count transform (see WordTransform) defaults to 'log1p-unit': log(1 + count), then
 * each row scaled to unit length. Why, for a neural network: (1) a word used 8 times in a
 * passage is not 8 times the evidence of a word used once, and log damps such bursts; (2)
 * passages and, above all, typed queries differ in length (a 5-word query against 200-word
 * passages): with unit rows the input, and so the encoder's code, depends on which words occur,
 * not on how many were typed, where an unnormalised query would sit near the zero input;
 * (3) every entry lies in [0, 1], the range of a sigmoid decoder output.
 * For LSA the choice matters little. Measured once on the 4,842 Brown passages, LSA-10, share of
 * the 10 retrieved passages with the query's genre (all passages as queries): log1p 0.274,
 * log1p-unit 0.269, raw counts 0.260, proportions 0.253.
 */

/**
 * English function words: frequent everywhere, so they say nothing about a passage's topic.
 * Lower-case, as tokenise() returns them; contractions appear as their pieces ("don", "isn").
 * One-letter words ("a", "I") need no entry: tokenise() drops them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her ' +
    'hers herself it its itself they them their theirs themselves what which who whom whose this that ' +
    'these those am is are was were be been being have has had having do does did doing an the and ' +
    'but if or because as until while of at by for with about against between into through during ' +
    'before after above below to from up down in out on off over under again further then once here ' +
    'there when where why how all any both each few more most other some such no nor not only own same ' +
    'so than too very can will just should now would could might must shall may also upon us yet much ' +
    'many even ever every however though although among within without whether either neither onto ' +
    'toward towards thus hence therefore whatever whoever mr mrs ms don doesn didn isn aren wasn weren ' +
    'hasn haven hadn couldn wouldn shouldn mustn ll ve re'
  ).split(' '),
);

/**
 * The words of a text: lower-cased runs of letters (any script), at least two letters long.
 * Digits and punctuation separate words and are dropped; so is a lone letter (the "s" of "Atlanta's").
 */
export function tokenise(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((w) => w.length >= 2);
}

/** tokenise(text) without the stop words. */
export function contentWords(text: string): string[] {
  return tokenise(text).filter((w) => !STOP_WORDS.has(w));
}

/**
 * The `size` most frequent words over all documents, most frequent first; equal counts in
 * alphabetical order, so the vocabulary does not depend on the order of the documents.
 * @param documents each a list of (content) words
 */
export function buildVocabulary(documents: readonly (readonly string[])[], size: number): string[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`vocabulary size ${size} must be a positive integer`);
  const frequency = new Map<string, number>();
  for (const words of documents) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  return [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, size)
    .map(([w]) => w);
}

/** word -> its index in the vocabulary. */
export function vocabularyIndex(vocabulary: readonly string[]): Map<string, number> {
  return new Map(vocabulary.map((w, i) => [w, i]));
}

/** Word counts of one passage, sparse: only the vocabulary words it contains. */
export interface BagOfWords {
  /** Vocabulary indices, ascending, each once. */
  indices: Int32Array;
  /** [indices.length] how often each occurs (>= 1). */
  counts: Int32Array;
}

/** Counts the words that are in the vocabulary; the rest are ignored. */
export function bagOfWords(words: readonly string[], index: ReadonlyMap<string, number>): BagOfWords {
  const counts = new Map<number, number>();
  for (const w of words) {
    const i = index.get(w);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const indices = Int32Array.from(counts.keys()).sort();
  return { indices, counts: Int32Array.from(indices, (i) => counts.get(i) ?? 0) };
}

/**
 * How word counts become input numbers:
 * - 'counts': the counts themselves;
 * - 'proportion': counts / (vocabulary words in the passage): each row sums to 1;
 * - 'log1p': log(1 + count);
 * - 'log1p-unit': log(1 + count), then the row divided by its Euclidean length (the default).
 * A bag with no vocabulary words is a row of zeros under every transform.
 */
export type WordTransform = 'counts' | 'proportion' | 'log1p' | 'log1p-unit';
export const DEFAULT_WORD_TRANSFORM: WordTransform = 'log1p-unit';

/**
 * One bag as a dense input row.
 * @param out [vocabularySize] row to fill (zeroed here), or a new one
 */
export function bagToRow(
  bag: BagOfWords,
  vocabularySize: number,
  transform: WordTransform = DEFAULT_WORD_TRANSFORM,
  out: Float32Array = new Float32Array(vocabularySize),
): Float32Array {
  if (out.length !== vocabularySize) throw new RangeError(`row has ${out.length} entries, not ${vocabularySize}`);
  out.fill(0);
  const { indices, counts } = bag;
  const values = new Float64Array(indices.length);
  let total = 0;
  let squares = 0;
  for (let j = 0; j < indices.length; j++) {
    if (indices[j] < 0 || indices[j] >= vocabularySize) throw new RangeError(`word index ${indices[j]} is outside the vocabulary`);
    const v = transform === 'log1p' || transform === 'log1p-unit' ? Math.log1p(counts[j]) : counts[j];
    values[j] = v;
    total += counts[j];
    squares += v * v;
  }
  const scale = transform === 'proportion' ? 1 / total : transform === 'log1p-unit' ? 1 / Math.sqrt(squares) : 1;
  for (let j = 0; j < indices.length; j++) out[indices[j]] = values[j] * scale;
  return out;
}

/** All bags as one dense matrix: [bags.length, vocabularySize] row-major. */
export function bagsToMatrix(
  bags: readonly BagOfWords[],
  vocabularySize: number,
  transform: WordTransform = DEFAULT_WORD_TRANSFORM,
): Float32Array {
  const x = new Float32Array(bags.length * vocabularySize);
  bags.forEach((bag, r) => bagToRow(bag, vocabularySize, transform, x.subarray(r * vocabularySize, (r + 1) * vocabularySize)));
  return x;
}

/** A typed query, as the model sees it. */
export interface EncodedText {
  bag: BagOfWords;
  /** [vocabularySize] the input row. */
  row: Float32Array;
  /** Content words of the text found in the vocabulary, in the order typed (repeats once). */
  known: string[];
  /** Content words not in the vocabulary: they cannot move the code. */
  unknown: string[];
}

/** Free text -> bag of words -> input row, exactly as the corpus passages were made. */
export function encodeText(
  text: string,
  vocabulary: readonly string[],
  index: ReadonlyMap<string, number> = vocabularyIndex(vocabulary),
  transform: WordTransform = DEFAULT_WORD_TRANSFORM,
): EncodedText {
  const words = contentWords(text);
  const bag = bagOfWords(words, index);
  const distinct = [...new Set(words)];
  return {
    bag,
    row: bagToRow(bag, vocabulary.length, transform),
    known: distinct.filter((w) => index.has(w)),
    unknown: distinct.filter((w) => !index.has(w)),
  };
}
