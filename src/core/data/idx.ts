/**
 * Reader for the idx files MNIST ships in (LeCun's format): a big-endian header, then raw
 * unsigned bytes. Images: magic 2051, count, rows, cols, then [count, rows * cols] pixels.
 * Labels: magic 2049, count, then [count] labels.
 *
 * Every check names the file, so the page can say which file to regenerate.
 */
import { IMAGE_SIDE } from '../config';

export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;
const IMAGES_HEADER_BYTES = 16;
const LABELS_HEADER_BYTES = 8;

/** A missing, truncated or otherwise corrupt idx file. */
export class IdxError extends Error {
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'IdxError';
    this.file = file;
  }
}

function header(bytes: Uint8Array, words: number, file: string): number[] {
  const need = 4 * words;
  if (bytes.byteLength < need) {
    throw new IdxError(file, `too short (${bytes.byteLength} bytes; the header alone needs ${need}).`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, need);
  const out: number[] = [];
  for (let i = 0; i < words; i++) out.push(view.getUint32(4 * i, false));
  return out;
}

function checkMagic(magic: number, expected: number, kind: string, file: string): void {
  if (magic !== expected) {
    throw new IdxError(file, `wrong magic number ${magic}; an idx ${kind} file starts with ${expected}.`);
  }
}

function checkCount(count: number, expectCount: number | undefined, file: string): void {
  if (expectCount !== undefined && count !== expectCount) {
    throw new IdxError(file, `holds ${count} items but ${expectCount} were expected.`);
  }
}

function checkLength(actual: number, expected: number, what: string, file: string): void {
  if (actual !== expected) {
    const how = actual < expected ? 'truncated' : 'has trailing bytes';
    throw new IdxError(file, `${how}: ${actual} bytes, but the header (${what}) needs exactly ${expected}.`);
  }
}

/**
 * Parses an idx images file of 28 x 28 digits.
 * @returns pixels: [count, rows * cols] uint8, a view into `bytes` (no copy).
 */
export function parseIdxImages(
  bytes: Uint8Array,
  file: string,
  expectCount?: number,
): { count: number; rows: number; cols: number; pixels: Uint8Array } {
  const [magic, count, rows, cols] = header(bytes, 4, file);
  checkMagic(magic, IDX_IMAGES_MAGIC, 'images', file);
  if (rows !== IMAGE_SIDE || cols !== IMAGE_SIDE) {
    throw new IdxError(file, `images are ${rows}x${cols}; MNIST digits are ${IMAGE_SIDE}x${IMAGE_SIDE}.`);
  }
  checkCount(count, expectCount, file);
  const size = count * rows * cols;
  checkLength(bytes.byteLength, IMAGES_HEADER_BYTES + size, `${count} images of ${rows}x${cols}`, file);
  return { count, rows, cols, pixels: bytes.subarray(IMAGES_HEADER_BYTES, IMAGES_HEADER_BYTES + size) };
}

/**
 * Parses an idx labels file of digits 0-9.
 * @returns labels: [count] uint8, a view into `bytes` (no copy).
 */
export function parseIdxLabels(
  bytes: Uint8Array,
  file: string,
  expectCount?: number,
): { count: number; labels: Uint8Array } {
  const [magic, count] = header(bytes, 2, file);
  checkMagic(magic, IDX_LABELS_MAGIC, 'labels', file);
  checkCount(count, expectCount, file);
  checkLength(bytes.byteLength, LABELS_HEADER_BYTES + count, `${count} labels`, file);
  const labels = bytes.subarray(LABELS_HEADER_BYTES, LABELS_HEADER_BYTES + count);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) throw new IdxError(file, `label ${labels[i]} at index ${i} is not a digit 0-9.`);
  }
  return { count, labels };
}
