/**
 * Loads the Brown passages that scripts/prepare-text.mjs writes to
 * public/data/brown-passages.json.gz (core/data/brownPassages.ts: PassageFile): fetch, inflate
 * with DecompressionStream, parse and check with parsePassageFile. Used by the lab worker (the
 * text autoencoder) and the plain text worker (LSA); in Node for tests.
 *
 * Every failure becomes a TextDataError whose message code names the file (codes 'data.*', as
 * for MNIST) and whose hint is the fix; the text panel words it. Only the text-retrieval panel
 * is affected: MNIST and the other lessons go on.
 */
import { type PassageCorpus, parsePassageFile } from '../core/data/brownPassages';
import { message, type Message } from '../core/messages';
import { DATA_FIX_HINT, gunzip, isGzip, looksLikeHtml } from './dataLoader';

export const PASSAGE_FILE = 'brown-passages.json.gz';

const file = PASSAGE_FILE;

export class TextDataError extends Error {
  readonly file = PASSAGE_FILE;
  readonly hint = DATA_FIX_HINT;
  /** @param problem a 'data.*' message naming the passages file (its detail: the browser's or the check's words) */
  constructor(readonly problem: Message) {
    super(`The Brown passages file ${PASSAGE_FILE} could not be loaded (${problem.code}${problem.detail ? `: ${problem.detail}` : ''}).`);
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
    throw new TextDataError(message('data.requestFailed', { file }, (e as Error).message));
  }
  if (!response.ok) throw new TextDataError(message('data.httpStatus', { file, status: response.status, url }));
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length === 0) throw new TextDataError(message('data.empty', { file }));
  let text: string;
  if (isGzip(body)) {
    try {
      text = new TextDecoder().decode(await gunzip(body));
    } catch (e) {
      throw new TextDataError(message('data.gzipCorrupt', { file }, (e as Error).message));
    }
  } else {
    // A host that sends Content-Encoding: gzip has the browser inflate it already: then it is JSON.
    text = new TextDecoder().decode(body);
    if (!text.trimStart().startsWith('{')) {
      if (looksLikeHtml(body, response.headers.get('content-type'))) throw new TextDataError(message('data.webPage', { file }));
      throw new TextDataError(message('data.notJson', { file }));
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TextDataError(message('data.notJson', { file }, (e as Error).message));
  }
  try {
    return parsePassageFile(json);
  } catch (e) {
    throw new TextDataError(message('data.badPassages', { file }, (e as Error).message));
  }
}
