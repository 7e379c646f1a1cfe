/**
 * The page's actions for the lessons' own panels: the applications' measurements (search,
 * anomalies), the visualization's maps, the conv feature maps, the pretraining run, the VQ-VAE's
 * indices, the VAE's prior views and the conditional autoencoder's style swap. What a panel
 * watches is kept here and asked again of a new or restarted worker (resume). An answer about
 * a model lands only while its run is still the one the page shows.
 */
import { IMAGE_SIZE } from '../core/config';
import { deriveSeed } from '../core/data/rng';
import { pretrainConfigFor } from '../core/train/pretrainConfig';
import type { FeatureMap } from '../core/kinds/conv/layout';
import type { PlainComparison, PriorSamples, SearchQuery, SearchResult, Traversal } from '../worker/api';
import type { LabClient } from '../worker/client';
import { makeMapsInWorker } from '../worker/embeddingClient';
import { act, errorText, started, stillRun } from './labConnection';
import { useLab, type EmbeddingState } from './store';

/** Neighbours shown per query in the search panel (precision@10's ten). */
export const SEARCH_NEIGHBOURS = 10;
/** Test digits on the visualization lesson's maps (UMAP of 2,000 digits' pixels takes seconds). */
export const EMBEDDING_DIGITS = 2000;

const store = () => useLab.getState();

/** What the panels shown ask of the worker (re-sent to a new or restarted worker). */
const watching = { search: false, anomaly: false, pretraining: false };

/** The pretraining run the store's settings and training subset ask for. */
function currentPretrainConfig() {
  const s = store();
  return pretrainConfigFor(s.pretrainSettings, s.config.train);
}

/** Asks a new or restarted worker for what the panels shown watch. */
export async function resumeWatches(c: LabClient): Promise<void> {
  if (watching.search) await c.call((api) => api.watchImageSearch(true));
  if (watching.anomaly) await c.call((api) => api.watchAnomaly(true));
  if (watching.pretraining) await c.call((api) => api.configurePretraining(currentPretrainConfig()));
}

export const lessonActions = {
  /** Starts or stops the similar-image search measurements (the search panel, while shown). */
  watchImageSearch: (on: boolean) => {
    watching.search = on;
    // Before boot() the wish is only kept: boot() asks the new worker once it is configured.
    if (!started()) return Promise.resolve(undefined);
    return act('watchSearch', (c) => c.call((api) => api.watchImageSearch(on)));
  },

  /** Starts or stops the anomaly scores of every test digit (the anomaly panel, while shown). */
  watchAnomaly: (on: boolean) => {
    watching.anomaly = on;
    if (!started()) return Promise.resolve(undefined);
    return act('watchAnomaly', (c) => c.call((api) => api.watchAnomaly(on)));
  },

  /**
   * The visualization lesson's maps of the first `n` test digits by the current model: UMAP of
   * the codes, PCA-2 and UMAP of the pixels, made in a plain worker (embeddingClient.ts) while
   * training goes on; each lands in store.embedding when done.
   */
  async makeMaps(n = EMBEDDING_DIGITS): Promise<void> {
    const runId = store().run.id;
    const inputs = await act('prepareMaps', (c) => c.call((api) => api.embeddingInputs(n)));
    if (!inputs || !stillRun(runId)) return;
    const base = { n: inputs.n, step: inputs.step, epoch: inputs.epoch, labels: inputs.labels.slice(), maps: {}, running: true };
    store().setEmbedding(base);
    const update = (patch: Partial<EmbeddingState>) => {
      const s = store().embedding;
      // A new run (or newer maps) replaced these: leave them alone.
      if (s && stillRun(runId) && s.step === base.step && s.n === base.n) store().setEmbedding({ ...s, ...patch });
    };
    try {
      await makeMapsInWorker(inputs, store().config.train.seed, (m) => update({ maps: { ...store().embedding?.maps, [m.method]: m } }));
      update({ running: false });
    } catch (e) {
      if (errorText(e) !== 'cancelled') update({ running: false, error: errorText(e) });
    }
  },

  /** Convolutional models: every layer's activations for test digit `testIndex` (undefined if refused). */
  featureMaps: (testIndex: number): Promise<FeatureMap[] | undefined> => act('featureMaps', (c) => c.call((api) => api.featureMaps(testIndex))),

  /** The 10 nearest training digits of a test digit or an image, in pixels and in codes; kept in the store. */
  async searchNeighbours(query: SearchQuery): Promise<SearchResult | undefined> {
    const runId = store().run.id;
    const q = 'image' in query ? { image: Float32Array.from(query.image) } : { testIndex: query.testIndex };
    const r = await act('search', (c) => c.call((api) => api.searchNeighbours(q, SEARCH_NEIGHBOURS)));
    if (r && stillRun(runId)) store().setSearchResult(r);
    return r;
  },

  /**
   * A fresh pretraining run for the store's settings and training subset (the pretraining panel,
   * when shown or when its settings change); the old run stops. Before boot() only the wish is kept.
   */
  configurePretraining: () => {
    watching.pretraining = true;
    if (!started()) return Promise.resolve(undefined);
    return act('configurePretraining', (c) => c.call((api) => api.configurePretraining(currentPretrainConfig())));
  },
  startPretraining: () => act('pretrain', (c) => c.call((api) => api.startPretraining())),
  /** Pauses the pretraining run (the panel going away); nothing to pause before boot(). */
  pausePretraining: () => (started() ? act('pausePretraining', (c) => c.call((api) => api.pausePretraining())) : Promise.resolve(undefined)),
  resetPretraining: () => act('resetPretraining', (c) => c.call((api) => api.resetPretraining())),

  /**
   * VQ-VAE: [n, positions] code indices -> [n, 784] decoded images (the codes panel's edits).
   * Undefined when the lab is not ready or the call failed (the failure is reported).
   */
  decodeIndices: (indices: Int32Array, n: number) => act('decodeIndices', (c) => c.call((api) => api.decodeIndices(Int32Array.from(indices), n))),

  /** "Sample": `count` codes drawn from N(0, I), a new seed each press (the run's seed and the press number). */
  async samplePrior(count: number): Promise<PriorSamples | undefined> {
    const runId = store().run.id;
    const seed = deriveSeed(store().config.train.seed, 1000 + store().samplePresses);
    const r = await act('samplePrior', (c) => c.call((api) => api.samplePrior(count, seed)));
    if (r && stillRun(runId)) store().setPriorSamples(r);
    return r;
  },

  /** Test digit `digit` swept along each code number over `values`; kept in the store. */
  async traverse(digit: number, values: number[]): Promise<Traversal | undefined> {
    const runId = store().run.id;
    const r = await act('traverse', (c) => c.call((api) => api.traverse(digit, [...values])));
    if (r && stillRun(runId)) store().setTraversal(r);
    return r;
  },

  /** Trains a plain autoencoder of the same shape for `epochs` epochs beside the VAE; its grids land in the store. */
  async comparePlain(epochs: number, side: number): Promise<PlainComparison | undefined> {
    store().setPlainComparison('training');
    const r = await act('comparePlain', (c) => c.call((api) => api.comparePlain(epochs, side)));
    // A new run emptied 'training': the comparison was of the model before.
    if (store().plainComparison === 'training') store().setPlainComparison(r);
    return r;
  },

  /**
   * Conditional autoencoder, the style swap: the code of one image ([784] in [0, 1]: a test
   * digit or the drawing) drawn as each digit 0-9. Resolves [10, 784], digit d in row d.
   */
  async styleSwap(image: Float32Array): Promise<Float32Array | undefined> {
    if (image.length !== IMAGE_SIZE) throw new RangeError(`an image has ${IMAGE_SIZE} pixels, got ${image.length}`);
    return act('styleSwap', (c) => c.call((api) => api.styleSwap(Float32Array.from(image))));
  },
};
