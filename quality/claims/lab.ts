/**
 * The page's measurement pipeline in Node: the same Trainer, the same worker modules (LabViews
 * for the map's 5-NN accuracy and the code radius, scorePcaBaseline for the PCA baseline and
 * the PCA-2 map, the engines' own measures), fed with real MNIST on the tfjs wasm backend.
 * Nothing here computes a claim metric itself: it calls the module the lab worker calls.
 */
import * as tf from '@tensorflow/tfjs';
import { energyDistance } from '../../src/core/analysis/energyDistance';
import { IMAGE_SIZE, type CodePrior, type LabConfig } from '../../src/core/config';
import { deriveSeed } from '../../src/core/data/rng';
import { samplePriorCodes } from '../../src/core/models/priors2d';
import { imagesToFloat, LIVE_TEST_SIZE, showcaseIndices } from '../../src/core/data/dataset';
import { loadMnistNode } from '../../src/core/data/mnistNode';
import { useWasmInNode } from '../../src/core/train/nodeBackend';
import type { ConvEngine } from '../../src/core/kinds/conv/engine';
import { Trainer } from '../../src/core/train/trainer';
import type { MnistData } from '../../src/core/train/types';
import { readVqCodes } from '../../src/core/kinds/vq/views';
import type { AnomalyEvent, ImageSearchEvent, LabEvent, MeasurementsEvent } from '../../src/worker/api';
import { RunChannel } from '../../src/worker/runChannel';
import { AnomalyMeter } from '../../src/worker/anomalyMeter';
import { ImageSearchMeter, SEARCH_K } from '../../src/worker/imageSearchMeter';
import { makeMaps, type EmbeddingMap, type EmbeddingMethod } from '../../src/worker/embeddingMaps';
import { measureSearchBaselines } from '../../src/worker/searchBaselines';
import { LabViews } from '../../src/worker/labViews';
import { scorePcaBaseline, type PcaBaselineScores } from '../../src/worker/pcaBaseline';

/** Test digits on the page's scatter (state/labBridge.ts SCATTER_SIZE; the map's 5-NN and the code radius use them). */
export const SCATTER_SIZE = 5000;

let mnist: MnistData | undefined;

export async function labData(): Promise<MnistData> {
  await useWasmInNode();
  mnist ??= loadMnistNode();
  return mnist;
}

export async function newTrainer(config: LabConfig): Promise<Trainer> {
  return new Trainer(await labData(), config);
}

/** Optimizer steps until `epoch` passes over the training subset are done (the first step boundary at or after it). */
export function stepsFor(trainer: Trainer, epoch: number): number {
  const { batchSize } = trainer.config.train;
  return Math.ceil((epoch * trainer.trainIndices.length) / batchSize - 1e-9);
}

/** Trains on to `epoch` (never back); reads the loss so the on-device sum is consumed. */
export async function trainTo(trainer: Trainer, epoch: number): Promise<void> {
  const target = stepsFor(trainer, epoch);
  while (trainer.step < target) {
    trainer.steps(Math.min(50, target - trainer.step));
    await trainer.readTrainMetrics();
  }
}

/** The live test curve's squared error per image (first 1,000 test digits), as the progress events carry it. */
export async function liveSquaredError(trainer: Trainer): Promise<number> {
  return (await trainer.evaluateTest('live')).testSquaredError;
}

const pcaCache = new Map<string, PcaBaselineScores>();

/**
 * The PCA baseline the page gets from pca.worker.ts for this run (worker/labStart.ts
 * pcaFitterFor): fitted on the run's training subset, scored on the live test digits, with the
 * PCA-2 map of the scatter's digits. Cached per subset and code size.
 */
export async function pcaBaseline(trainer: Trainer): Promise<PcaBaselineScores> {
  const data = await labData();
  const { trainSize, seed, normalDigits } = trainer.config.train;
  const k = trainer.config.model.codeSize;
  const key = `${trainSize}:${seed}:${k}:${normalDigits.join(',')}`;
  const cached = pcaCache.get(key);
  if (cached) return cached;
  const n = trainer.trainIndices.length;
  const train = new Uint8Array(n * IMAGE_SIZE);
  trainer.trainIndices.forEach((i, r) => train.set(data.trainImages.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), r * IMAGE_SIZE));
  const live = Math.min(LIVE_TEST_SIZE, data.testCount);
  const scatter = Math.min(SCATTER_SIZE, data.testCount);
  const scores = scorePcaBaseline(train, n, data.testImages.subarray(0, live * IMAGE_SIZE), live, k, {
    images: data.testImages.subarray(0, scatter * IMAGE_SIZE),
    labels: data.testLabels.subarray(0, scatter),
    n: scatter,
  });
  pcaCache.set(key, scores);
  return scores;
}

let views: { views: LabViews; last?: MeasurementsEvent } | undefined;

/** The scatter's measurements (5-NN accuracy of the 2-D map, code radius) as LabViews.publishCodes sends them. */
export async function mapMeasurements(trainer: Trainer): Promise<MeasurementsEvent> {
  const data = await labData();
  if (!views) {
    const holder: { views?: LabViews; last?: MeasurementsEvent } = {};
    const channel = new RunChannel();
    channel.subscribe((e: LabEvent) => {
      if (e.type === 'measurements') holder.last = e;
    });
    holder.views = new LabViews(data, SCATTER_SIZE, channel);
    views = holder as { views: LabViews; last?: MeasurementsEvent };
  }
  const v = views;
  v.views.restart();
  v.last = undefined;
  await v.views.publishCodes(trainer);
  if (!v.last) throw new Error('LabViews sent no measurements');
  return v.last;
}

/** The engine's live measures (engine.ts measure) by name: ELBO, perplexity, prior distance, swaps... */
export async function engineMeasures(trainer: Trainer): Promise<Record<string, number>> {
  const values = await trainer.measureEngine();
  if (!values) throw new Error(`the ${trainer.config.model.kind} engine has no live measures`);
  return values;
}

type AppMeters = { search: ImageSearchMeter; anomaly: AnomalyMeter; last: { search?: ImageSearchEvent; anomaly?: AnomalyEvent } };
let apps: AppMeters | undefined;

async function appMeters(): Promise<AppMeters> {
  if (apps) return apps;
  const data = await labData();
  const last: AppMeters['last'] = {};
  const channel = new RunChannel();
  channel.subscribe((e: LabEvent) => {
    if (e.type === 'imageSearch' && e.representation === 'autoencoder') last.search = e;
    if (e.type === 'anomaly') last.anomaly = e;
  });
  const emit = channel.emit;
  const search = new ImageSearchMeter(data, emit, (message) => {
    throw new Error(message);
  });
  // Watching without a trainer: the meter's own rounds only (its pixel and PCA baselines run in
  // a worker of their own on the page; here searchBaselines() below computes them).
  search.watch(true);
  const anomaly = new AnomalyMeter(data, emit);
  anomaly.watch(true);
  apps = { search, anomaly, last };
  return apps;
}

/** precision@10 of the autoencoder's codes, one whole round of imageSearchMeter.ts. */
export async function searchPrecision(trainer: Trainer): Promise<number> {
  const a = await appMeters();
  a.last.search = undefined;
  await a.search.measureNow(trainer);
  const event = a.last.search as ImageSearchEvent | undefined;
  if (!event) throw new Error('the image search sent no score');
  return event.score.precision;
}

/** The search's pixel and PCA baselines for this run's subset (searchBaselines.ts, as search.worker.ts runs it). */
export async function searchBaselines(trainer: Trainer): Promise<{ pixels: number; pca: number }> {
  const data = await labData();
  const n = trainer.trainIndices.length;
  const train = new Uint8Array(n * IMAGE_SIZE);
  trainer.trainIndices.forEach((i, r) => train.set(data.trainImages.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), r * IMAGE_SIZE));
  const m = Math.min(LIVE_TEST_SIZE, data.testCount);
  const out = { pixels: Number.NaN, pca: Number.NaN };
  measureSearchBaselines(
    {
      id: 1,
      train,
      trainLabels: Uint8Array.from(trainer.trainIndices, (i) => data.trainLabels[i]),
      queries: data.testImages.subarray(0, m * IMAGE_SIZE),
      queryLabels: data.testLabels.subarray(0, m),
      codeSize: trainer.codeSize,
      k: SEARCH_K,
    },
    (r) => {
      if ('score' in r && r.complete) out[r.representation] = r.score.precision;
    },
  );
  return out;
}

/** AUROC of the reconstruction error, one round of anomalyMeter.ts over all 10,000 test digits. */
export async function anomalyAuroc(trainer: Trainer): Promise<number> {
  const a = await appMeters();
  a.last.anomaly = undefined;
  await a.anomaly.work(trainer);
  const event = a.last.anomaly as AnomalyEvent | undefined;
  if (!event) throw new Error('the anomaly meter sent nothing');
  return event.auroc;
}

/** Test digits on the visualization lesson's maps (state/labBridge.ts EMBEDDING_DIGITS). */
export const EMBEDDING_DIGITS = 2000;

/**
 * The visualization lesson's three maps (UMAP of the codes, PCA-2 and UMAP of the pixels) of
 * the first 2,000 test digits, as embedding.worker.ts makes them (embeddingMaps.ts makeMaps),
 * seeded with the run's seed as the page seeds them.
 */
export async function embeddingMaps(trainer: Trainer): Promise<Partial<Record<EmbeddingMethod, EmbeddingMap>>> {
  const data = await labData();
  const n = EMBEDDING_DIGITS;
  const pixels = imagesToFloat(data.testImages.subarray(0, n * IMAGE_SIZE), null);
  const codes = await trainer.encode(pixels, n);
  const inputs = { n, codeSize: trainer.codeSize, codes, pixels, labels: data.testLabels.slice(0, n), step: trainer.step, epoch: trainer.epoch };
  const maps: Partial<Record<EmbeddingMethod, EmbeddingMap>> = {};
  makeMaps(inputs, trainer.config.train.seed, (m) => (maps[m.method] = m));
  return maps;
}

/** adversarialEngine.ts MEASURE_PRIOR_STREAM: the seed stream of the fixed prior sample its measure compares with. */
const MEASURE_PRIOR_STREAM = 10;

/**
 * Energy distance between the codes of the live test digits and the adversarial engine's fixed
 * prior sample (adversarialObjective.ts adversarialMeasures' first figure), for a model of any
 * kind: the adversarial lesson's control is a plain autoencoder, whose engine has no such measure.
 * @param prior the prior the lesson compares with
 */
export async function priorDistanceOf(trainer: Trainer, prior: CodePrior): Promise<number> {
  const data = await labData();
  const n = Math.min(LIVE_TEST_SIZE, data.testCount);
  const k = trainer.codeSize;
  const codes = await trainer.encode(imagesToFloat(data.testImages.subarray(0, n * IMAGE_SIZE), null), n);
  const sample = samplePriorCodes(prior, LIVE_TEST_SIZE, k, deriveSeed(trainer.config.train.seed, MEASURE_PRIOR_STREAM));
  const d = tf.tidy(() => energyDistance(tf.tensor2d(codes, [n, k]), tf.tensor2d(sample, [LIVE_TEST_SIZE, k])));
  const value = (await d.data())[0];
  d.dispose();
  return value;
}

/**
 * A max-unpooling decoder given the switches of each live test digit but a code of zeros:
 * squared error per image, mean over the live test digits. What the switches alone rebuild
 * (the convolutional lesson's control: information a PCA of the same size does not get).
 */
export async function codeZeroedSquaredError(trainer: Trainer): Promise<number> {
  const errors = await trainer.readEngine((engine, x) => {
    const conv = (engine as Partial<ConvEngine>).conv;
    if (!conv) throw new Error('the code-zeroed reconstruction is the convolutional engine\'s');
    const { code, switches } = conv.encodeWithSwitches(x);
    const output = conv.decode(tf.zerosLike(code), switches);
    return tf.sum(tf.squaredDifference(output, x), 1);
  });
  let sum = 0;
  for (const e of errors) sum += e;
  return sum / errors.length;
}

/** The VQ-VAE's 'vq' event as worker/labVq.ts sends it (readVqCodes: usage and perplexity on the live test digits). */
export async function vqReading(trainer: Trainer): Promise<{ perplexity: number; codesUsed: number }> {
  const data = await labData();
  const showcase = showcaseIndices(data.testLabels);
  const r = await readVqCodes(trainer, imagesToFloat(data.testImages, showcase), showcase.length);
  return { perplexity: r.perplexity, codesUsed: r.codesUsed };
}
