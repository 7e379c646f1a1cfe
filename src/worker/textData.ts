/**
 * Loads the Brown passages that scripts/prepare-text.mjs writes to
 * public/data/brown-passages.json.gz (core/data/brownPassages.ts: PassageFile): fetch, inflate
 * with DecompressionStream, parse and check with parsePassageFile. Used by the lab worker (the
 * text autoencoder) and the plain text worker (LSA); in Node for tests.
 *
 * Every failure becomes a TextDataError naming the file and the fix (the page shows it as a
 * data notice), and only the text-retrieval panel is affected: MNIST and the other lessons go on.
 */
import { type PassageCorpus, parsePassageFile } from '../core/data/brownPassages';
import { DATA_FIX_HINT, gunzip, isGzip, looksLikeHtml } from './dataLoader';

export const PASSAGE_FILE = 'brown-passages.json.gz';

export class TextDataError extends Error {
  readonly file = PASSAGE_FILE;
  readonly hint = DATA_FIX_HINT;
  constructor(problem: string) {
    super(`The Brown passages file ${PASSAGE_FILE} could not be loaded: ${problem}`);
    this.name = 'TextDataError';
  }
}

/** Fetches and checks the passages from `dataUrl` (a folder URL ending with '/'). */
export async function loadPassages(dataUrl: string, fetchImpl: typeof fetch = fetch): Promise<PassageCorpus> {
  const url = new URL(PASSAGE_FILE, dataUrl).href;
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (e) {
    throw new TextDataError(`the request failed (${(e as Error).message}).`);
  }
  if (!response.ok) throw new TextDataError(`the server answered HTTP ${response.status} (${url}).`);
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length === 0) throw new TextDataError('the file is empty.');
  let text: string;
  if (isGzip(body)) {
    try {
      text = new TextDecoder().decode(await gunzip(body));
    } catch (e) {
      throw new TextDataError(`the gzip data is corrupt (${(e as Error).message}).`);
    }
  } else {
    // A host that sends Content-Encoding: gzip has the browser inflate it already: then it is JSON.
    text = new TextDecoder().decode(body);
    if (!text.trimStart().startsWith('{')) {
      if (looksLikeHtml(body, response.headers.get('content-type'))) throw new TextDataError('the server sent a web page instead (the file is probably missing).');
      throw new TextDataError('it is neither gzip nor JSON.');
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TextDataError(`it is not valid JSON (${(e as Error).message}).`);
  }
  try {
    return parsePassageFile(json);
  } catch (e) {
    throw new TextDataError((e as Error).message);
  }
}
