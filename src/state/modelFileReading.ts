/**
 * Reading a model file the reader picked, judged before its body is read: its size against
 * MAX_MODEL_FILE_BYTES at once, then its first bytes (the lab's magic, a sane header,
 * core/train/snapshotFile.ts judgeFileStart) and the size its header describes. Only then is the
 * whole file read into memory. Every failure, a failed read included, comes back as a message
 * the page words (codes 'file.*') or as the decoder's list of problems; nothing is thrown.
 */
import { estimateCost } from '../core/cost/costEstimate';
import { message, type Message } from '../core/messages';
import { SnapshotError } from '../core/train/snapshot';
import { FILE_PREFIX_BYTES, judgeFileStart } from '../core/train/snapshotFile';
import { DEFAULT_CONFIG } from '../core/config';
import { LIMITS } from '../core/settings/table';

const MB = 2 ** 20;

/**
 * The largest model file the lab reads: the snapshot of the largest model the settings allow
 * (four layers of the widest width, the widest code, Adam's two slots), rounded up to a MiB.
 */
export const MAX_MODEL_FILE_BYTES = Math.ceil(
  estimateCost({
    model: { ...DEFAULT_CONFIG.model, encoderLayers: Array(LIMITS.encoderLayers.max).fill(LIMITS.layerWidth.max), codeSize: LIMITS.codeSize.max },
    train: DEFAULT_CONFIG.train,
  }).snapshotBytes / MB + 1,
) * MB;

export type FileRead = { ok: true; bytes: Uint8Array } | { ok: false; message?: Message; problems: string[] };

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** The file's bytes, or why it is refused. */
export async function readModelFile(file: Blob): Promise<FileRead> {
  if (file.size > MAX_MODEL_FILE_BYTES) {
    return { ok: false, message: message('file.tooLarge', { megabytes: Math.ceil(file.size / MB), limit: MAX_MODEL_FILE_BYTES / MB }), problems: [] };
  }
  try {
    const prefix = await bytesOf(file.slice(0, FILE_PREFIX_BYTES));
    const { headerLength } = judgeFileStart(prefix);
    const { expectedSize } = judgeFileStart(await bytesOf(file.slice(0, FILE_PREFIX_BYTES + headerLength)));
    // A size other than the header's: cut short or not ours; the decoder says which after reading
    // it, as long as that stays cheap (a file of the size limit at most).
    if (expectedSize !== undefined && expectedSize > MAX_MODEL_FILE_BYTES) {
      return { ok: false, message: message('file.tooLarge', { megabytes: Math.ceil(expectedSize / MB), limit: MAX_MODEL_FILE_BYTES / MB }), problems: [] };
    }
    return { ok: true, bytes: await bytesOf(file) };
  } catch (e) {
    if (e instanceof SnapshotError) return { ok: false, message: message('file.notModel', {}), problems: e.problems };
    return { ok: false, message: message('file.unreadable', {}, e instanceof Error ? e.message : String(e)), problems: [] };
  }
}
