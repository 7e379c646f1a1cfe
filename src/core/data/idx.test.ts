import { describe, expect, it } from 'vitest';
import { IdxError, parseIdxImages, parseIdxLabels } from './idx';
import { MNIST_FILES, readMnistFile } from './mnistNode';

/** A header of big-endian 32-bit words followed by `body` bytes. */
function idxBytes(words: number[], body: number[] | Uint8Array): Uint8Array {
  const out = new Uint8Array(4 * words.length + body.length);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => view.setUint32(4 * i, w, false));
  out.set(body, 4 * words.length);
  return out;
}

function refusal(run: () => unknown): IdxError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(IdxError);
    return e as IdxError;
  }
  throw new Error('expected the reader to refuse the file');
}

describe('idx reader on the real MNIST files', () => {
  it('reads all 60,000 training and 10,000 test digits with their labels', () => {
    const train = parseIdxImages(readMnistFile('trainImages'), MNIST_FILES.trainImages, 60000);
    expect([train.count, train.rows, train.cols, train.pixels.length]).toEqual([60000, 28, 28, 60000 * 784]);
    const test = parseIdxImages(readMnistFile('testImages'), MNIST_FILES.testImages, 10000);
    expect(test.count).toBe(10000);
    const trainLabels = parseIdxLabels(readMnistFile('trainLabels'), MNIST_FILES.trainLabels, 60000);
    const testLabels = parseIdxLabels(readMnistFile('testLabels'), MNIST_FILES.testLabels, 10000);
    // Well-known first labels of MNIST: the training set starts 5 0 4 1 9, the test set 7 2 1 0 4.
    expect(Array.from(trainLabels.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
    expect(Array.from(testLabels.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    // Pixels are the bytes after the 16-byte header, and digits have ink (values up to 255).
    expect(train.pixels[0]).toBe(readMnistFile('trainImages')[16]);
    expect(Math.max(...train.pixels.subarray(0, 784))).toBe(255);
  });
});

describe('idx reader refuses bad files and names them', () => {
  const image = new Uint8Array(784).fill(7);
  const good = idxBytes([2051, 2, 28, 28], new Uint8Array(2 * 784).fill(1));
  const goodLabels = idxBytes([2049, 3], [0, 9, 4]);

  it('accepts a well-formed synthetic file', () => {
    expect(parseIdxImages(good, 'a.idx').count).toBe(2);
    expect(Array.from(parseIdxLabels(goodLabels, 'l.idx').labels)).toEqual([0, 9, 4]);
  });

  it('refuses a file too short to hold a header', () => {
    const e = refusal(() => parseIdxImages(new Uint8Array(10), 'train-images.idx.gz'));
    expect(e.file).toBe('train-images.idx.gz');
    expect(e.message).toContain('train-images.idx.gz');
    expect(e.message).toMatch(/too short/);
    expect(() => parseIdxLabels(new Uint8Array(0), 'x')).toThrow(IdxError);
  });

  it('refuses a truncated file', () => {
    const real = readMnistFile('testImages');
    const e = refusal(() => parseIdxImages(real.subarray(0, real.length - 1), 'test-images.idx.gz', 10000));
    expect(e.message).toMatch(/^test-images\.idx\.gz: truncated/);
    const labels = readMnistFile('testLabels');
    expect(refusal(() => parseIdxLabels(labels.subarray(0, 5000), 'test-labels.idx.gz')).message).toMatch(
      /test-labels\.idx\.gz: truncated/,
    );
  });

  it('refuses trailing bytes (size does not match the header)', () => {
    const longer = idxBytes([2051, 1, 28, 28], new Uint8Array(784 + 3));
    expect(refusal(() => parseIdxImages(longer, 'f.idx')).message).toMatch(/f\.idx: has trailing bytes/);
  });

  it('refuses the wrong magic number, e.g. labels read as images', () => {
    const manyLabels = idxBytes([2049, 20], new Uint8Array(20));
    const e = refusal(() => parseIdxImages(manyLabels, 'train-images.idx.gz'));
    expect(e.message).toMatch(/train-images\.idx\.gz: wrong magic number 2049/);
    expect(refusal(() => parseIdxLabels(good, 'lab.idx')).message).toMatch(/wrong magic number 2051/);
    const gzipped = idxBytes([0x1f8b0800, 1, 28, 28], image);
    expect(() => parseIdxImages(gzipped, 'g')).toThrow(/magic/);
  });

  it('refuses an unexpected count', () => {
    const e = refusal(() => parseIdxImages(good, 'test-images.idx.gz', 10000));
    expect(e.message).toMatch(/test-images\.idx\.gz: holds 2 items but 10000 were expected/);
    expect(() => parseIdxLabels(goodLabels, 'l', 4)).toThrow(/holds 3 items/);
  });

  it('refuses images that are not 28x28', () => {
    const small = idxBytes([2051, 1, 14, 14], new Uint8Array(196));
    expect(refusal(() => parseIdxImages(small, 's.idx')).message).toMatch(/14x14/);
  });

  it('refuses labels that are not digits', () => {
    const bad = idxBytes([2049, 3], [1, 10, 2]);
    expect(refusal(() => parseIdxLabels(bad, 'bad-labels.idx')).message).toMatch(
      /bad-labels\.idx: label 10 at index 1/,
    );
  });
});
