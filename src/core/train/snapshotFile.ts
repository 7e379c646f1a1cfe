/**
 * A model snapshot as one downloadable file:
 *
 *   bytes 0-7    "AELABMLP" (magic)
 *   bytes 8-11   header length H, uint32 little-endian
 *   bytes 12..   H bytes of UTF-8 JSON: the snapshot without its data, each tensor as {name, shape}
 *   zero padding to a multiple of 4 bytes
 *   the data     float32 little-endian, the weights then the optimizer slots, in header order
 *   last 4 bytes CRC-32 of everything before it, uint32 little-endian
 *
 * The file must end exactly after the checksum: a shorter one was cut off (an interrupted
 * download), a longer one is not a file this lab wrote, and a damaged byte anywhere fails the
 * checksum (refused, never loaded as slightly different weights). decodeSnapshot validates the header with the same
 * schema as checkSnapshot; whether the model fits the current architecture is checkSnapshot's
 * question, not the decoder's.
 */
import { analyseSnapshot, SnapshotError, type ModelSnapshot, type SnapshotTensor } from './snapshot';

const MAGIC = 'AELABMLP';
/** Bytes before the header: the magic and the header's length. */
export const FILE_PREFIX_BYTES = MAGIC.length + 4;
const PREFIX = FILE_PREFIX_BYTES;
/** A header of a few kilobytes is plenty; anything past this is not ours. */
const MAX_HEADER = 1 << 20;

/** True on every platform tfjs runs on; checked so that a big-endian one would still be correct. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

interface TensorHead {
  name: string;
  shape: number[];
}

/** The snapshot as the bytes of one file (see the layout above). */
export function encodeSnapshot(s: ModelSnapshot): Uint8Array {
  const tensors = [...s.weights, ...(s.optimizer?.slots ?? [])];
  const head = (t: SnapshotTensor): TensorHead => ({ name: t.name, shape: t.shape });
  const header = {
    format: s.format,
    version: s.version,
    config: s.config,
    step: s.step,
    samplesSeen: s.samplesSeen,
    weights: s.weights.map(head),
    ...(s.optimizer
      ? { optimizer: { name: s.optimizer.name, iterations: s.optimizer.iterations, slots: s.optimizer.slots.map(head) } }
      : {}),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align4(PREFIX + json.length);
  const values = tensors.reduce((n, t) => n + t.data.length, 0);
  const crcAt = dataStart + 4 * values;
  const bytes = new Uint8Array(crcAt + 4);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  view.setUint32(MAGIC.length, json.length, true);
  bytes.set(json, PREFIX);
  let offset = dataStart;
  for (const t of tensors) {
    writeFloats(bytes, offset, t.data);
    offset += 4 * t.data.length;
  }
  view.setUint32(crcAt, crc32(bytes.subarray(0, crcAt)), true);
  return bytes;
}

/**
 * Reads a file written by encodeSnapshot. Anything else (another file, a truncated download,
 * damaged bytes) is refused with a SnapshotError whose message says what is wrong; no other
 * error escapes.
 */
export function decodeSnapshot(bytes: Uint8Array): ModelSnapshot {
  try {
    return decode(bytes);
  } catch (e) {
    if (e instanceof SnapshotError) throw e;
    // Not expected (every check above is explicit), but a page must never see a raw TypeError.
    throw new SnapshotError(`The model file could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/**
 * Judges a file by its first bytes, before its body is read (a model file is read whole into
 * memory; a wrong or huge one must be refused first). `start`: the file's first
 * FILE_PREFIX_BYTES, or more. Returns the header's length when the magic is the lab's, and,
 * once `start` holds the whole header, the file size the header describes.
 * @throws SnapshotError when the file is not the lab's
 */
export function judgeFileStart(start: Uint8Array): { headerLength: number; expectedSize?: number } {
  const notOurs = 'This is not an Autoencoder Lab model file.';
  if (start.length < PREFIX) throw new SnapshotError(start.length === 0 ? 'The file is empty.' : `${notOurs} It has only ${start.length} bytes.`);
  for (let i = 0; i < MAGIC.length; i++) {
    if (start[i] !== MAGIC.charCodeAt(i)) throw new SnapshotError(notOurs);
  }
  const headerLength = new DataView(start.buffer, start.byteOffset, start.byteLength).getUint32(MAGIC.length, true);
  if (headerLength === 0 || headerLength > MAX_HEADER) throw new SnapshotError(`${notOurs} Its header is damaged.`);
  if (start.length < PREFIX + headerLength) return { headerLength };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(PREFIX, PREFIX + headerLength)));
  } catch {
    throw new SnapshotError(`${notOurs} Its header is not readable.`);
  }
  const values = tensorHeads(header).reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
  return { headerLength, expectedSize: align4(PREFIX + headerLength) + 4 * values + 4 };
}

function decode(bytes: Uint8Array): ModelSnapshot {
  if (!(bytes instanceof Uint8Array)) throw new SnapshotError('No file content was given.');
  const notOurs = 'This is not an Autoencoder Lab model file.';
  if (bytes.length < PREFIX) {
    throw new SnapshotError(bytes.length === 0 ? 'The file is empty.' : `${notOurs} It has only ${bytes.length} bytes.`);
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC.charCodeAt(i)) throw new SnapshotError(notOurs);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  if (headerLength === 0 || headerLength > MAX_HEADER) throw new SnapshotError(`${notOurs} Its header is damaged.`);
  if (PREFIX + headerLength > bytes.length) {
    throw new SnapshotError(
      `The file is cut short: its header needs ${PREFIX + headerLength} bytes, the file has ${bytes.length}. Was the download interrupted?`,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + headerLength)));
  } catch {
    throw new SnapshotError(`${notOurs} Its header is not readable.`);
  }
  const heads = tensorHeads(header);
  const values = heads.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
  const dataStart = align4(PREFIX + headerLength);
  const crcAt = dataStart + 4 * values;
  const expected = crcAt + 4;
  if (bytes.length < expected) {
    throw new SnapshotError(
      `The file is cut short: it should have ${expected} bytes, it has ${bytes.length}. Was the download interrupted?`,
    );
  }
  if (bytes.length > expected) {
    throw new SnapshotError(`${notOurs} It has ${bytes.length - expected} bytes more than its header describes.`);
  }
  if (crc32(bytes.subarray(0, crcAt)) !== view.getUint32(crcAt, true)) {
    throw new SnapshotError('The model file is damaged: its content does not match its checksum.');
  }
  let offset = dataStart;
  const tensors: SnapshotTensor[] = heads.map((h) => {
    const n = h.shape.reduce((a, b) => a * b, 1);
    const data = readFloats(bytes, offset, n);
    offset += 4 * n;
    return { name: h.name, shape: [...h.shape], data };
  });
  const record = header as Record<string, unknown>;
  const weightCount = (record.weights as unknown[]).length;
  const optimizer = record.optimizer as { name: unknown; iterations: unknown } | undefined;
  const snapshot = {
    ...record,
    weights: tensors.slice(0, weightCount),
    ...(optimizer ? { optimizer: { name: optimizer.name, iterations: optimizer.iterations, slots: tensors.slice(weightCount) } } : {}),
  };
  // The same schema as checkSnapshot; compared against the file's own configuration, so only the
  // format, the fields and the weights' shapes and values are judged here.
  const own = analyseSnapshot(snapshot, (record.config ?? {}) as ModelSnapshot['config']);
  if (!own.ok) {
    const problems = own.issues.filter((i) => i.severity === 'refuse').map((i) => i.message);
    throw new SnapshotError(problems[0] ?? notOurs, problems);
  }
  return own.snapshot;
}

/**
 * The tensor list of a header, checked enough to size the data: names and whole-number shapes
 * whose total fits in memory. The rest of the header is judged by the snapshot schema.
 */
function tensorHeads(header: unknown): TensorHead[] {
  const damaged = new SnapshotError('This is not an Autoencoder Lab model file. Its header is damaged.');
  if (typeof header !== 'object' || header === null) throw damaged;
  const record = header as Record<string, unknown>;
  const optimizer = record.optimizer;
  const slots = optimizer === undefined ? [] : typeof optimizer === 'object' && optimizer !== null ? (optimizer as Record<string, unknown>).slots : undefined;
  if (!Array.isArray(record.weights) || !Array.isArray(slots)) throw damaged;
  let total = 0;
  return [...(record.weights as unknown[]), ...(slots as unknown[])].map((t) => {
    const h = t as Partial<TensorHead> | null;
    if (!h || typeof h.name !== 'string' || !Array.isArray(h.shape) || h.shape.length > 4) throw damaged;
    if (!h.shape.every((d) => Number.isInteger(d) && d >= 0 && d <= 1e7)) throw damaged;
    total += h.shape.reduce((a, b) => a * b, 1);
    // 2^28 floats = 1 GiB: far beyond any model the lab can build.
    if (total > 2 ** 28) throw damaged;
    return { name: h.name, shape: h.shape };
  });
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, the one of zip and PNG) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

function writeFloats(bytes: Uint8Array, offset: number, data: Float32Array): void {
  if (LITTLE_ENDIAN) {
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < data.length; i++) view.setFloat32(offset + 4 * i, data[i], true);
}

/** A fresh Float32Array (never a view of the file's buffer, which the caller may reuse). */
function readFloats(bytes: Uint8Array, offset: number, n: number): Float32Array {
  const out = new Float32Array(n);
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(bytes.subarray(offset, offset + 4 * n));
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(offset + 4 * i, true);
  return out;
}
