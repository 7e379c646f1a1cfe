/**
 * Loads the four MNIST idx files that scripts/prepare-data.mjs writes to public/data/:
 * fetch, inflate with DecompressionStream('gzip'), then check the idx headers.
 *
 * Runs in the lab worker (and in Node for tests: fetch, Blob and DecompressionStream are
 * globals there too). Every failure becomes a DataLoadError whose message code names the file
 * (codes 'data.*', core/messages.ts) and whose hint is the fix, so the page shows a message in
 * the reader's language instead of a blank page.
 */
import { IdxError, parseIdxImages, parseIdxLabels } from '../core/data/idx';
import { message, type Message } from '../core/messages';
import type { MnistData } from '../core/train/types';

export const TRAIN_COUNT = 60000;
export const TEST_COUNT = 10000;

/** File names as prepare-data.mjs writes them. */
export const DATA_FILES = {
  trainImages: 'train-images.idx.gz',
  trainLabels: 'train-labels.idx.gz',
  testImages: 'test-images.idx.gz',
  testLabels: 'test-labels.idx.gz',
} as const;

/** What to do about a missing or broken data file: run the prepare step and reload. */
export const DATA_FIX_HINT: Message = message('hint.prepareData', {});

/** A data file is missing, not gzip, or not a valid idx file. */
export class DataLoadError extends Error {
  readonly hint = DATA_FIX_HINT;
  /** @param problem a 'data.*' message that names the file (its detail: the browser's or the idx check's words) */
  constructor(
    readonly file: string,
    readonly problem: Message,
  ) {
    super(`The MNIST file ${file} could not be loaded (${problem.code}${problem.detail ? `: ${problem.detail}` : ''}).`);
    this.name = 'DataLoadError';
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** An idx file starts with two zero bytes and the type code 0x08 (unsigned byte). */
function isRawIdx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x08;
}

/** True when the body looks like a page, e.g. a dev server's index.html fallback (served with status 200). */
export function looksLikeHtml(bytes: Uint8Array, contentType: string | null): boolean {
  if (contentType?.includes('text/html')) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
  return head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<');
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  // Blob copies the bytes, so the caller's buffer may be reused or transferred.
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Fetches one data file and returns the inflated idx bytes.
 * A host that serves .gz with `Content-Encoding: gzip` makes the browser inflate it already:
 * then the body starts with the idx header instead of the gzip magic 1f 8b, and is used as is.
 */
export async function fetchIdxFile(url: string, file: string, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (e) {
    throw new DataLoadError(file, message('data.requestFailed', { file }, (e as Error).message));
  }
  if (!response.ok) throw new DataLoadError(file, message('data.httpStatus', { file, status: response.status, url }));
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length === 0) throw new DataLoadError(file, message('data.empty', { file }));
  if (isGzip(body)) {
    try {
      return await gunzip(body);
    } catch (e) {
      throw new DataLoadError(file, message('data.gzipCorrupt', { file }, (e as Error).message));
    }
  }
  if (isRawIdx(body)) return body;
  if (looksLikeHtml(body, response.headers.get('content-type'))) {
    throw new DataLoadError(file, message('data.webPage', { file }));
  }
  throw new DataLoadError(file, message('data.notIdx', { file }));
}

/**
 * Loads all of MNIST from `dataUrl` (a folder URL ending with '/').
 * @returns raw uint8 pixels [60000, 784] and [10000, 784] with their labels.
 */
export async function loadMnist(dataUrl: string, fetchImpl: typeof fetch = fetch): Promise<MnistData> {
  const get = (file: string) => fetchIdxFile(new URL(file, dataUrl).href, file, fetchImpl);
  const [trainImageBytes, trainLabelBytes, testImageBytes, testLabelBytes] = await Promise.all([
    get(DATA_FILES.trainImages),
    get(DATA_FILES.trainLabels),
    get(DATA_FILES.testImages),
    get(DATA_FILES.testLabels),
  ]);
  try {
    const trainImages = parseIdxImages(trainImageBytes, DATA_FILES.trainImages, TRAIN_COUNT);
    const trainLabels = parseIdxLabels(trainLabelBytes, DATA_FILES.trainLabels, TRAIN_COUNT);
    const testImages = parseIdxImages(testImageBytes, DATA_FILES.testImages, TEST_COUNT);
    const testLabels = parseIdxLabels(testLabelBytes, DATA_FILES.testLabels, TEST_COUNT);
    return {
      trainImages: trainImages.pixels,
      trainLabels: trainLabels.labels,
      testImages: testImages.pixels,
      testLabels: testLabels.labels,
      trainCount: trainImages.count,
      testCount: testImages.count,
    };
  } catch (e) {
    if (e instanceof IdxError) throw new DataLoadError(e.file, message('data.badIdx', { file: e.file }, e.message.replace(`${e.file}: `, '')));
    throw e;
  }
}
