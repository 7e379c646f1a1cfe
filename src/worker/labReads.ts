/**
 * The lab worker's calls that read the model without replacing or moving it: decodes and
 * encodes for the latent views, the model's export, and each lesson's own views (the search's
 * neighbours, the visualization's inputs, the conv feature maps, the VQ-VAE's indices, the VAE's
 * prior views, the conditional autoencoder's labels). Each waits for the configure, reset or
 * step in progress (ModelHost.readModel), so it meets a complete model and code map, but not
 * for a running training loop. Buffers of the answers are transferred.
 */
import * as Comlink from 'comlink';
import { IMAGE_SIZE } from '../core/config';
import { imagesToFloat } from '../core/data/dataset';
import type { FeatureMap } from '../core/kinds/conv/layout';
import type { ModelSnapshot } from '../core/train/snapshot';
import { snapshotBuffers } from '../core/train/snapshotTransfer';
import type { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { EncodeResult, PlainComparison, PriorSamples, SearchQuery, SearchResult, Traversal } from './api';
import type { DigitLoss, FirstLayerWeights, MathDigitQuery, UnitInspection } from './apiMath';
import { codesToPoints, pointsToCodes, type CodeMap } from './codeMap';
import type { EmbeddingInputs } from './embeddingMaps';
import type { LabApplications } from './labApplications';
import { own } from './labViews';
import { digitLoss, firstLayerWeights, inspectUnit } from './mathViews';
import type { LabVq } from './labVq';
import { comparePlain, decodePriorGrid, decodePriorSamples, traverse } from './vaeViews';

/** What the reads need of the lab worker. */
export interface ModelHost {
  /** Runs `fn` on the current model once the call that replaces or moves it is over. */
  readModel<T>(fn: (trainer: Trainer) => Promise<T>): Promise<T>;
  data(): MnistData;
  /** The map clicks and sliders decode through (labViews.ts currentMap). */
  codeMap(trainer: Trainer): CodeMap;
  apps(): LabApplications;
  vq(): LabVq;
  /** True while `trainer` is the lab's model (a long read gives way when it is replaced). */
  isCurrent(trainer: Trainer): boolean;
}

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export class LabReads {
  /** Conditional autoencoder: the digit the page chose for the grid and sliders (kept across runs). */
  decodeLabel = 0;

  /** Reads under way (memory() counts tensors once they are over: a read holds its answer's tensor until it is read back). */
  private readonly reading = new Set<Promise<unknown>>();

  constructor(private readonly host: ModelHost) {}

  /** Runs a read through the host's lock and keeps it in `reading` until it is over. */
  private read<T>(fn: (trainer: Trainer) => Promise<T>): Promise<T> {
    const p = this.host.readModel(fn);
    this.reading.add(p);
    const done = () => void this.reading.delete(p);
    p.then(done, done);
    return p;
  }

  /** Resolves when no read is under way (the page's views read the model on their own, several times a second). */
  async idle(): Promise<void> {
    while (this.reading.size) await Promise.allSettled([...this.reading]);
  }

  decodeCodes(codes: Float32Array, n: number): Promise<Float32Array> {
    return this.read(async (trainer) => transferred(own(await trainer.decode(codes, n))));
  }

  decodeMapPoints(points: Float32Array, n: number): Promise<Float32Array> {
    return this.read(async (trainer) => transferred(own(await trainer.decode(pointsToCodes(this.host.codeMap(trainer), points, n), n))));
  }

  mapPointsToCodes(points: Float32Array, n: number): Promise<Float32Array> {
    return this.read(async (trainer) => transferred(pointsToCodes(this.host.codeMap(trainer), points, n)));
  }

  encode(images: Float32Array, n: number): Promise<EncodeResult> {
    return this.read(async (trainer) => {
      const codes = own(await trainer.encode(images, n));
      const points = codesToPoints(this.host.codeMap(trainer), codes, n);
      // Through the model's own reconstruction (a max-unpooling decoder uses the input's switches).
      const reconstructions = own(await trainer.reconstruct(images, n));
      return Comlink.transfer({ codes, points, reconstructions }, [codes.buffer, points.buffer, reconstructions.buffer]);
    });
  }

  exportModel(): Promise<ModelSnapshot> {
    return this.read(async (trainer) => {
      const snapshot = await trainer.exportState();
      return Comlink.transfer(snapshot, snapshotBuffers(snapshot));
    });
  }

  searchNeighbours(query: SearchQuery, k: number): Promise<SearchResult> {
    return this.read((trainer) => this.host.apps().neighbours(trainer, query, k));
  }

  embeddingInputs(n: number): Promise<EmbeddingInputs> {
    return this.read(async (trainer) => {
      const data = this.host.data();
      if (!Number.isInteger(n) || n < 2 || n > data.testCount) throw new RangeError(`maps need 2 to ${data.testCount} digits, not ${n}`);
      const pixels = imagesToFloat(data.testImages.subarray(0, n * IMAGE_SIZE), null);
      const codes = own(await trainer.encode(pixels, n));
      const inputs = { n, codeSize: trainer.codeSize, codes, pixels, labels: data.testLabels.slice(0, n), step: trainer.step, epoch: trainer.epoch };
      return Comlink.transfer(inputs, [codes.buffer, pixels.buffer, inputs.labels.buffer]);
    });
  }

  featureMaps(testIndex: number): Promise<FeatureMap[]> {
    return this.read(async (trainer) => {
      const data = this.host.data();
      if (!Number.isInteger(testIndex) || testIndex < 0 || testIndex >= data.testCount) {
        throw new RangeError(`a test digit index runs from 0 to ${data.testCount - 1}, not ${testIndex}`);
      }
      const image = imagesToFloat(data.testImages.subarray(testIndex * IMAGE_SIZE, (testIndex + 1) * IMAGE_SIZE), null);
      const maps = await trainer.featureMaps(image);
      return Comlink.transfer(maps, maps.map((m) => m.data.buffer));
    });
  }

  // ---- the math with its numbers (mathViews.ts) ----

  inspectUnit(digit: MathDigitQuery, layer: number, unit: number): Promise<UnitInspection> {
    return this.read(async (trainer) => {
      const d = this.mathDigit(digit);
      const r = await inspectUnit(trainer, d.pixels, d.label, layer, unit);
      return Comlink.transfer(r, [r.weights.buffer]);
    });
  }

  digitLoss(digit: MathDigitQuery): Promise<DigitLoss> {
    return this.read(async (trainer) => {
      const d = this.mathDigit(digit);
      const r = await digitLoss(trainer, d.pixels, d.label);
      return Comlink.transfer(r, [r.pixels.buffer, r.reconstruction.buffer, r.terms.buffer]);
    });
  }

  firstLayerWeights(count: number): Promise<FirstLayerWeights> {
    return this.read(async (trainer) => {
      const r = await firstLayerWeights(trainer, count);
      return Comlink.transfer(r, [r.weights.buffer]);
    });
  }

  /** A test digit's pixels and label, or an image's pixels (no label: a drawing). */
  private mathDigit(digit: MathDigitQuery): { pixels: Float32Array; label?: number } {
    const data = this.host.data();
    if ('testIndex' in digit) {
      const i = digit.testIndex;
      if (!Number.isInteger(i) || i < 0 || i >= data.testCount) throw new RangeError(`a test digit index runs from 0 to ${data.testCount - 1}, not ${i}`);
      return { pixels: imagesToFloat(data.testImages.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), null), label: data.testLabels[i] };
    }
    if (digit.image.length !== IMAGE_SIZE || !digit.image.every(Number.isFinite)) throw new RangeError(`an image is ${IMAGE_SIZE} finite pixel values`);
    return { pixels: Float32Array.from(digit.image) };
  }

  // ---- the kinds' own views ----

  decodeIndices(indices: Int32Array, n: number): Promise<Float32Array> {
    return this.read(async (trainer) => transferred(await this.host.vq().decode(trainer, indices, n)));
  }

  decodeWithLabels(codes: Float32Array, labels: readonly number[], n: number): Promise<Float32Array> {
    return this.read(async (trainer) => transferred(own(await trainer.decodeWithLabels(codes, labels, n))));
  }

  styleSwap(image: Float32Array): Promise<Float32Array> {
    return this.read(async (trainer) => {
      const code = await trainer.encode(image, 1);
      const codes = new Float32Array(DIGITS.length * code.length);
      for (const d of DIGITS) codes.set(code, d * code.length);
      return transferred(own(await trainer.decodeWithLabels(codes, DIGITS, DIGITS.length)));
    });
  }

  setDecodeLabel(digit: number): Promise<void> {
    return this.read(async (trainer) => {
      trainer.setDecodeLabel(digit);
      this.decodeLabel = digit;
    });
  }

  decodePriorGrid(side: number): Promise<Float32Array> {
    return this.read(async (trainer) => transferred(own(await decodePriorGrid(trainer, side))));
  }

  samplePrior(count: number, seed: number): Promise<PriorSamples> {
    return this.read(async (trainer) => {
      const s = await decodePriorSamples(trainer, count, seed);
      const r = { ...s, codes: own(s.codes), images: own(s.images) };
      return Comlink.transfer(r, [r.codes.buffer, r.images.buffer]);
    });
  }

  traverse(digit: number, values: number[]): Promise<Traversal> {
    return this.read(async (trainer) => {
      const t = await traverse(trainer, this.host.data(), digit, values);
      const r = { ...t, images: own(t.images) };
      return Comlink.transfer(r, [r.images.buffer, r.code.buffer]);
    });
  }

  comparePlain(epochs: number, side: number): Promise<PlainComparison | undefined> {
    return this.read(async (trainer) => {
      const r = await comparePlain(this.host.data(), trainer.config, epochs, side, () => !this.host.isCurrent(trainer));
      if (!r) return undefined;
      const out = { ...r, boxGrid: own(r.boxGrid), quantileGrid: own(r.quantileGrid) };
      return Comlink.transfer(out, [out.boxGrid.buffer, out.quantileGrid.buffer]);
    });
  }
}

/** An array whose whole buffer moves to the page. */
function transferred<A extends Float32Array>(a: A): A {
  return Comlink.transfer(a, [a.buffer]);
}
