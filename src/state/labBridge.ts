/**
 * The page's actions on the lab, callable outside React (components, tests, a teacher's
 * console): `lab.boot()`, `lab.toggle()`, `lab.decodeMapPoint(x, y)` ...
 *
 * It owns the LabClient (worker/client.ts) and routes the worker's events into the zustand
 * store. No tfjs here: only types cross from the worker side.
 */
import { checkConfig, IMAGE_SIZE, type LabConfig } from '../core/config';
import { checkSnapshot, SnapshotError, type ModelSnapshot } from '../core/train/snapshot';
import type { FeatureMap } from '../core/models/convConfig';
import { decodeSnapshot, encodeSnapshot } from '../core/train/snapshotFile';
import type { CodesEvent, EncodeResult, ErrorEvent, LabEvent } from '../worker/api';
import type { SearchQuery, SearchResult } from '../worker/api';
import type { PlainComparison, PriorSamples, Traversal } from '../worker/api';
import { deriveSeed } from '../core/data/rng';
import { backendFromSearch, LabClient, WorkerRestartedError } from '../worker/client';
import { speedOptionsOfPage } from './speedOptions';
import { forgetRun } from './modelPersistence';
import { importIntoWorker, progressAt, restoreSaved, saveModel, watchRunForSaving, type ModelFileResult } from './modelSaving';
import { makeMapsInWorker } from '../worker/embeddingClient';
import { useLab, type EmbeddingState } from './store';
import { pretrainConfigFor } from '../core/train/pretrainConfig';

/** Test digits drawn on the latent scatter (the first N of the test set). */
export const SCATTER_SIZE = 5000;
/** Neighbours shown per query in the search panel (precision@10's ten). */
export const SEARCH_NEIGHBOURS = 10;
/** Test digits on the visualization lesson's maps (UMAP of 2,000 digits' pixels takes seconds). */
export const EMBEDDING_DIGITS = 2000;

type Extent = CodesEvent['extent'];

const store = () => useLab.getState();
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function route(e: LabEvent): void {
  const s = store();
  switch (e.type) {
    case 'progress':
      s.addProgress(e);
      break;
    case 'status':
      // 'idle' follows configure() and reset(): a new run, so its history starts empty. It
      // travels on the same channel as the events, so no late point of the old run follows it.
      if (e.state === 'idle') {
        s.clearHistory();
        useLab.setState({ pcaBaseline: undefined, pcaMap: undefined });
        useLab.setState({ imageSearch: {}, searchResult: undefined, anomaly: undefined });
        useLab.setState({ engineMeasures: undefined, engineHistory: [], priorSamples: undefined, traversal: undefined, plainComparison: undefined });
      }
      s.setRunState(e.state, e.message);
      break;
    case 'pcaBaseline':
      if (e.codeSize === s.config.model.codeSize) s.setPcaBaseline(e);
      break;
    case 'measurements':
      s.setMeasurements(e);
      break;
    case 'pcaMap':
      s.setPcaMap(e);
      break;
    case 'fullTest':
      s.setFullTest(e);
      break;
    case 'reconstructions':
      s.setReconstructions(e.pixels);
      break;
    case 'codes':
      s.setCodes(e);
      break;
    case 'testSample':
      s.setTestSample(e);
      break;
    case 'error':
      // A lost device is told once, by the client's restart notice (onRestart).
      if (!e.lostBackend) s.addError(e);
      break;
    case 'backend':
      s.setBackend(e.report);
      break;
    case 'denoising':
      s.setDenoising(e);
      break;
    case 'imageSearch':
      if (e.codeSize === s.config.model.codeSize) s.setImageSearch(e);
      break;
    case 'sensitivity':
      s.setSensitivity(e);
      break;
    case 'engineMeasures':
      s.setEngineMeasures(e);
      s.addEngineHistory(e);
      break;
    case 'anomaly':
      s.setAnomaly(e);
      break;
    case 'pretraining':
      s.setPretraining(e.summary);
      break;
    case 'textProgress':
      s.setText({ progress: e, running: e.running });
      break;
    case 'textMeasure':
      s.setText({ measure: e });
      break;
    case 'sparsity':
      s.setSparsity(e);
      break;
    case 'vq':
      if (s.config.model.kind === 'vq' && e.codebookSize === s.config.model.codebookSize) s.setVq(e);
      break;
  }
}

function report(kind: ErrorEvent['kind'], message: string, hint?: string): void {
  store().addError({ type: 'error', kind, message, hint });
}

let client: LabClient | undefined;
/** The page's search panel asked for the search measurements (re-sent to a restarted worker). */
let watchingSearch = false;
/** The anomaly panel asked for the anomaly scores. */
let watchingAnomaly = false;
let booting: Promise<void> | undefined;
/** The pretraining panel is shown: its run is (re)configured by boot and by a restarted worker. */
let pretrainingShown = false;

/** The pretraining run the store's settings and training subset ask for. */
function currentPretrainConfig() {
  const s = store();
  return pretrainConfigFor(s.pretrainSettings, s.config.train);
}

function createClient(): LabClient {
  return new LabClient({
    onEvent: route,
    onRestart: ({ reason, excluded }) => {
      store().setBooting(true);
      store().setRunState('idle');
      report('backend', `${reason} The lab restarts without ${excluded.join(', ')}.`, 'Your settings are kept; press Train to go on.');
    },
    onRestarted: () => {
      store().setBooting(false);
      // A new worker measures nothing until asked again.
      if (watchingSearch) void lab.watchImageSearch(true);
      if (watchingAnomaly) void lab.watchAnomaly(true);
      if (pretrainingShown) void lab.configurePretraining();
      // The text models lived in the old worker: the panel loads them again when shown.
      store().setText({ status: 'idle', running: false, measure: undefined, progress: undefined });
    },
    onRestartFailed: (message) => {
      store().setBooting(false);
      report('backend', message, 'Reload the page.');
    },
  });
}

/** The running client; throws before boot(). */
export async function ready(): Promise<LabClient> {
  if (!booting) throw new Error('The lab has not been started: call lab.boot() first.');
  await booting;
  if (!client) throw new Error('The lab failed to start.');
  return client;
}

/** Failures the page already hears about otherwise: a restart in progress, a lost GPU device. */
function expected(e: unknown): boolean {
  return e instanceof WorkerRestartedError || (e instanceof Error && e.name === 'DeviceLostError');
}

/**
 * Runs an action; failures land in the store's errors (the worker already reported its own
 * refusals as events), and a call cut short by a worker restart is not an error.
 */
export async function act<T>(what: string, fn: (c: LabClient) => Promise<T>): Promise<T | undefined> {
  try {
    return await fn(await ready());
  } catch (e) {
    if (!expected(e)) report('internal', `${what} failed: ${errorText(e)}`);
    return undefined;
  }
}

/** A 2-D map point for the code the sliders hold, when the map is the code itself. */
/**
 * The latent grid is a 2-D VAE's: at the prior's quantiles rather than over the codes' range.
 * (A longer code's map is a PCA of the codes, whose points are not prior quantiles.)
 */
export function priorGrid(config: LabConfig): boolean {
  return config.model.kind === 'vae' && config.model.codeSize === 2;
}

function pointOfCode(code: Float32Array): [number, number] | undefined {
  if (code.length === 2) return [code[0], code[1]];
  if (code.length === 1) return [code[0], 0];
  return undefined;
}

export const lab = {
  /** Starts the worker: loads MNIST, chooses a backend, builds the model from the store's config. */
  boot(): Promise<void> {
    if (booting) return booting;
    const s = store();
    s.setBooting(true);
    client = createClient();
    const c = client;
    booting = (async () => {
      try {
        await c.start({
          dataUrl: new URL('data/', document.baseURI).href,
          forcedBackend: backendFromSearch(location.search),
          ...speedOptionsOfPage(location.search),
          scatterSize: SCATTER_SIZE,
        });
        await c.configure(store().config);
        if (watchingSearch) await c.call((api) => api.watchImageSearch(true));
        if (watchingAnomaly) await c.call((api) => api.watchAnomaly(true));
        if (pretrainingShown) await c.call((api) => api.configurePretraining(currentPretrainConfig()));
        await restoreSaved(c, store().config);
        watchRunForSaving(() => client);
      } catch (e) {
        // Data and backend failures arrived as error events with the file and the fix.
        if (!store().errors.length) report('internal', `The lab could not start: ${errorText(e)}`);
        client = undefined;
      } finally {
        store().setBooting(false);
      }
    })();
    return booting;
  },

  train: () => act('Train', (c) => c.call((api) => api.train())),
  pause: () => act('Pause', (c) => c.call((api) => api.pause())),
  /** Train when paused or idle, pause when running. */
  toggle: () => (store().runState === 'running' ? lab.pause() : lab.train()),
  /** Exactly `n` training steps (default 1). */
  step: async (n = 1) => {
    await act('Step', (c) => c.call((api) => api.step(n)));
    await saveModel(client);
  },
  /** Re-initialises the model from its seed; the saved model of this configuration is dropped. */
  reset: async () => {
    await forgetRun(store().config).catch(() => undefined);
    return act('Reset', (c) => c.call((api) => api.reset()));
  },

  /**
   * Rebuilds the model with `config` (validated here and in the worker). Before boot it only
   * sets the store's config, which boot() applies. Resolves false when refused.
   */
  async applyConfig(config: LabConfig): Promise<boolean> {
    const checked = checkConfig(config);
    if (!checked.ok) {
      report('config', `This configuration was refused: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      return false;
    }
    if (!booting) {
      store().setConfig(checked.config);
      return true;
    }
    const done = await act('Applying the configuration', async (c) => {
      await c.configure(checked.config);
      await restoreSaved(c, checked.config);
      return true;
    });
    if (done) store().setConfig(checked.config);
    return done === true;
  },

  /** Decodes map point (x, y) into the big decoded image and loads its code into the sliders. */
  async decodeMapPoint(x: number, y: number): Promise<Float32Array | undefined> {
    const point = new Float32Array([x, y]);
    return act('Decoding', async (c) => {
      const [pixels, code] = await Promise.all([
        c.call((api) => api.decodeMapPoints(point.slice(), 1)),
        c.call((api) => api.mapPointsToCodes(point.slice(), 1)),
      ]);
      store().setDecoded(pixels, [x, y]);
      store().setSliderCode(code);
      return pixels;
    });
  },

  /** Decodes the code the sliders hold, [codeSize]. */
  async decodeSliderCode(code: Float32Array): Promise<Float32Array | undefined> {
    const copy = Float32Array.from(code);
    store().setSliderCode(copy);
    return act('Decoding', async (c) => {
      const pixels = await c.call((api) => api.decodeCodes(copy.slice(), 1));
      store().setDecoded(pixels, pointOfCode(copy));
      return pixels;
    });
  },

  /**
   * Decodes an n x n grid over `extent` in one batched call: cell (row, col) is the centre of
   * its square, row 0 at the top (yMax), col 0 at the left (xMin).
   * @returns [n * n, 784] row-major from the top-left cell
   */
  async decodeGrid(n: number, extent: Extent): Promise<Float32Array> {
    const points = new Float32Array(2 * n * n);
    const dx = (extent.xMax - extent.xMin) / n;
    const dy = (extent.yMax - extent.yMin) / n;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const i = row * n + col;
        points[2 * i] = extent.xMin + (col + 0.5) * dx;
        points[2 * i + 1] = extent.yMax - (row + 0.5) * dy;
      }
    }
    try {
      const c = await ready();
      // A VAE's grid covers its prior: cells at the quantiles Φ⁻¹((i + 0.5) / n) (core/models/priorCodes.ts).
      if (priorGrid(store().config)) return await c.call((api) => api.decodePriorGrid(n));
      return await c.call((api) => api.decodeMapPoints(points, n * n));
    } catch (e) {
      if (!expected(e)) report('internal', `Decoding the grid failed: ${errorText(e)}`);
      throw e;
    }
  },

  /** Encodes a drawn digit ([784] in [0, 1], preprocessed like MNIST) and marks it on the map. */
  async encodeDrawing(pixels: Float32Array): Promise<EncodeResult | undefined> {
    if (pixels.length !== IMAGE_SIZE) throw new RangeError(`a drawing has ${IMAGE_SIZE} pixels, got ${pixels.length}`);
    return act('Encoding the drawing', async (c) => {
      const r = await c.call((api) => api.encode(Float32Array.from(pixels), 1));
      store().setDrawingPoint([r.points[0], r.points[1]]);
      return r;
    });
  },

  /** The model as the bytes of a .aelab file (encodeSnapshot), or undefined when there is none. */
  async exportModelFile(): Promise<{ bytes: Uint8Array; step: number } | undefined> {
    return act('Exporting the model', async (c) => {
      const snapshot = await c.call((api) => api.exportModel());
      return { bytes: encodeSnapshot(snapshot), step: snapshot.step };
    });
  },

  /**
   * Loads a .aelab file into the current architecture. A file that is not a lab model, or whose
   * shapes do not fit, is refused with the list of what differs; nothing changes then.
   */
  async importModelFile(bytes: Uint8Array): Promise<ModelFileResult> {
    let snapshot: ModelSnapshot;
    try {
      snapshot = decodeSnapshot(bytes);
    } catch (e) {
      return { ok: false, problems: e instanceof SnapshotError ? e.problems : [errorText(e)] };
    }
    const config = store().config;
    const check = checkSnapshot(snapshot, config);
    if (!check.ok) return { ok: false, problems: check.problems };
    const result = await act('Importing the model', (c) => importIntoWorker(c, snapshot));
    if (!result) return { ok: false, problems: ['The lab is not ready.'] };
    if (!result.ok) return result;
    useLab.setState({
      history: [],
      progress: progressAt(result),
      restoredModel: { step: result.step, from: 'file' },
    });
    await saveModel(client);
    return { ok: true, step: result.step, warnings: result.warnings };
  },

  /** Starts or stops the similar-image search measurements (the search panel, while shown). */
  watchImageSearch: (on: boolean) => {
    watchingSearch = on;
    // Before boot() the wish is only kept: boot() asks the new worker once it is configured.
    if (!booting) return Promise.resolve(undefined);
    return act('Measuring the image search', (c) => c.call((api) => api.watchImageSearch(on)));
  },

  /** Starts or stops the anomaly scores of every test digit (the anomaly panel, while shown). */
  watchAnomaly: (on: boolean) => {
    watchingAnomaly = on;
    if (!booting) return Promise.resolve(undefined);
    return act('Scoring anomalies', (c) => c.call((api) => api.watchAnomaly(on)));
  },

  /**
   * The visualization lesson's maps of the first `n` test digits by the current model: UMAP of
   * the codes, PCA-2 and UMAP of the pixels, made in a plain worker (embeddingClient.ts) while
   * training goes on; each lands in store.embedding when done.
   */
  async makeMaps(n = EMBEDDING_DIGITS): Promise<void> {
    const inputs = await act('Preparing the maps', (c) => c.call((api) => api.embeddingInputs(n)));
    if (!inputs) return;
    const base = { n: inputs.n, step: inputs.step, epoch: inputs.epoch, labels: inputs.labels.slice(), maps: {}, running: true };
    store().setEmbedding(base);
    const update = (patch: Partial<EmbeddingState>) => {
      const s = store().embedding;
      // A new run (or newer maps) replaced these: leave them alone.
      if (s && s.step === base.step && s.n === base.n) store().setEmbedding({ ...s, ...patch });
    };
    try {
      await makeMapsInWorker(inputs, store().config.train.seed, (m) => update({ maps: { ...store().embedding?.maps, [m.method]: m } }));
      update({ running: false });
    } catch (e) {
      if (errorText(e) !== 'cancelled') update({ running: false, error: errorText(e) });
    }
  },

  /** Convolutional models: every layer's activations for test digit `testIndex` (undefined if refused). */
  featureMaps: (testIndex: number): Promise<FeatureMap[] | undefined> =>
    act('Drawing the feature maps', (c) => c.call((api) => api.featureMaps(testIndex))),

  /** The 10 nearest training digits of a test digit or an image, in pixels and in codes; kept in the store. */
  async searchNeighbours(query: SearchQuery): Promise<SearchResult | undefined> {
    const q = 'image' in query ? { image: Float32Array.from(query.image) } : { testIndex: query.testIndex };
    const r = await act('Searching similar images', (c) => c.call((api) => api.searchNeighbours(q, SEARCH_NEIGHBOURS)));
    if (r) store().setSearchResult(r);
    return r;
  },

  /**
   * A fresh pretraining run for the store's settings and training subset (the pretraining panel,
   * when shown or when its settings change); the old run stops. Before boot() only the wish is kept.
   */
  configurePretraining: () => {
    pretrainingShown = true;
    if (!booting) return Promise.resolve(undefined);
    return act('Preparing the pretraining run', (c) => c.call((api) => api.configurePretraining(currentPretrainConfig())));
  },
  startPretraining: () => act('Pretraining', (c) => c.call((api) => api.startPretraining())),
  /** Pauses the pretraining run (the panel going away); nothing to pause before boot(). */
  pausePretraining: () => (booting ? act('Pausing the pretraining', (c) => c.call((api) => api.pausePretraining())) : Promise.resolve(undefined)),
  resetPretraining: () => act('Resetting the pretraining', (c) => c.call((api) => api.resetPretraining())),
  /**
   * VQ-VAE: [n, positions] code indices -> [n, 784] decoded images (the codes panel's edits).
   * Undefined when the lab is not ready or the call failed (the failure is reported).
   */
  decodeIndices: (indices: Int32Array, n: number) =>
    act('Decoding code indices', (c) => c.call((api) => api.decodeIndices(Int32Array.from(indices), n))),
  /** "Sample": `count` codes drawn from N(0, I), a new seed each press (the run's seed and the press number). */
  async samplePrior(count: number): Promise<PriorSamples | undefined> {
    const seed = deriveSeed(store().config.train.seed, 1000 + store().samplePresses);
    const r = await act('Sampling from the prior', (c) => c.call((api) => api.samplePrior(count, seed)));
    if (r) store().setPriorSamples(r);
    return r;
  },

  /** Test digit `digit` swept along each code number over `values`; kept in the store. */
  async traverse(digit: number, values: number[]): Promise<Traversal | undefined> {
    const r = await act('Traversing the code', (c) => c.call((api) => api.traverse(digit, [...values])));
    if (r) store().setTraversal(r);
    return r;
  },

  /** Trains a plain autoencoder of the same shape for `epochs` epochs beside the VAE; its grids land in the store. */
  async comparePlain(epochs: number, side: number): Promise<PlainComparison | undefined> {
    store().setPlainComparison('training');
    const r = await act('Training the plain autoencoder', (c) => c.call((api) => api.comparePlain(epochs, side)));
    if (store().plainComparison === 'training') store().setPlainComparison(r);
    return r;
  },

  /**
   * Decodes n codes [n, codeSize] in one batched call (the adversarial panel's samples of the
   * prior). @returns [n, 784] in [0, 1], or undefined when the worker is busy being replaced
   */
  async decodeCodes(codes: Float32Array, n: number): Promise<Float32Array | undefined> {
    const copy = Float32Array.from(codes);
    return act('Decoding samples of the prior', (c) => c.call((api) => api.decodeCodes(copy, n)));
  },

  /**
   * Conditional autoencoder, the style swap: the code of one image ([784] in [0, 1]: a test
   * digit or the drawing) drawn as each digit 0-9. Resolves [10, 784], digit d in row d.
   */
  async styleSwap(image: Float32Array): Promise<Float32Array | undefined> {
    if (image.length !== IMAGE_SIZE) throw new RangeError(`an image has ${IMAGE_SIZE} pixels, got ${image.length}`);
    return act('The style swap', (c) => c.call((api) => api.styleSwap(Float32Array.from(image))));
  },

  /** Conditional autoencoder: the digit the latent grid and the sliders draw; they redraw with it. */
  async setDecodeLabel(digit: number): Promise<void> {
    store().setDecodeLabel(digit);
    if (!booting) return;
    await act('Choosing the digit to draw', (c) => c.call((api) => api.setDecodeLabel(digit)));
    // The grid redraws on a new codes object; the sliders' image on a new decode.
    const codes = store().codes;
    if (codes) store().setCodes({ ...codes });
    const code = store().sliderCode;
    if (code) await lab.decodeSliderCode(code);
  },

  /** The store the events land in (tests read `__lab.store.getState()`). */
  store: useLab,
  /** Live tensor count and bytes in the worker (leak checks in e2e). */
  memory: async () => (await ready()).call((api) => api.memory()),
  backendReport: async () => (await ready()).call((api) => api.backendReport()),
  /** Tests of the restart path: see LabApi.simulateFailure. */
  simulateFailure: async (kind: 'crash' | 'deviceLost') => (await ready()).call((api) => api.simulateFailure(kind)),
};

// Tests and teachers' scripts drive the lab from the console.
(globalThis as { __lab?: typeof lab }).__lab = lab;
