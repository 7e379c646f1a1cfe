/**
 * The lab's one zustand store, built from slices (zustand guides/slices-pattern).
 * Actions are callable outside React (`useLab.getState().setConfig(...)`).
 *
 * Fast streams (reconstruction pixels, scatter points) are kept here as typed arrays that
 * are replaced, never mutated; canvas views read them through `useLab.subscribe` + refs so
 * that a 30 Hz stream does not re-render React trees.
 */
import type { EmbeddingMap, EmbeddingMethod } from '../core/analysis/embeddingTypes';
import { create } from 'zustand';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import type { Message } from '../core/messages';
import type {
  BackendReport,
  CodesEvent,
  DenoisingEvent,
  SensitivityEvent,
  EngineMeasuresEvent,
  SparsityEvent,
  ErrorEvent,
  FullTestEvent,
  MeasurementsEvent,
  PcaMapEvent,
  TestSampleEvent,
  VqEvent,
} from '../worker/api';
import type { AnomalyEvent, ImageSearchEvent, SearchRepresentation, SearchResult } from '../worker/api';
import type { LsaBaselines, TextCorpusInfo, TextMeasureEvent, TextProgressEvent, TextQueryResult } from '../worker/api';
import type { PlainComparison, PriorSamples, Traversal } from '../worker/api';
import type { ControlGroup } from '../lessons/types';
import { DEFAULT_PRETRAIN_SETTINGS, type PretrainSettings } from '../core/train/pretrainConfig';
import type { PretrainSummary } from '../worker/apiPretraining';
import type { IgnoredField } from './link';
import { thinned, type RunSlice } from './runSlice';
import { predictionSlice, type PredictionSlice } from './predictionSlice';
import { mathSlice, type MathSlice } from './mathSlice';

export type { LossPoint, RunInfo, RunSlice } from './runSlice';

export interface ConfigSlice {
  config: LabConfig;
  setConfig: (config: LabConfig) => void;
}

/** The lessons' live measurements (worker/labViews.ts); emptied by a new run (EMPTY_RUN). */
export interface MeasureSlice {
  /** 5-NN accuracy of the scatter's map and the code radius, from the latest codes refresh. */
  measurements?: MeasurementsEvent;
  /** PCA-2 map of the same scatter digits (lesson 3's side-by-side map), with its 5-NN accuracy. */
  pcaMap?: PcaMapEvent;
  /** Test metrics on all 10,000 test digits, measured at the last pause. */
  fullTest?: FullTestEvent;
  setMeasurements: (m: MeasurementsEvent) => void;
  setPcaMap: (m?: PcaMapEvent) => void;
  setFullTest: (m?: FullTestEvent) => void;
  /** Denoising models: noisy and denoised showcase digits and the live test PSNRs. */
  denoising?: DenoisingEvent;
  setDenoising: (m?: DenoisingEvent) => void;
  /** One-hidden-layer encoders: how far the code moves under a small input change. */
  sensitivity?: SensitivityEvent;
  setSensitivity: (m?: SensitivityEvent) => void;
  /** The model kind's own live figures (the VAE's ELBO, the VQ-VAE's perplexity, ...). */
  engineMeasures?: EngineMeasuresEvent;
  setEngineMeasures: (m?: EngineMeasuresEvent) => void;
  /** Models with a non-linear code or a sparsity penalty: code activity and encoder features. */
  sparsity?: SparsityEvent;
  setSparsity: (m?: SparsityEvent) => void;
}

/** Nothing lost: the model kept in the browser's storage (state/modelPersistence.ts). */
export interface PersistSlice {
  /** The last save of the current run in IndexedDB. */
  savedModel?: { step: number; savedAt: number; /** export + IndexedDB write of that save, ms */ ms?: number };
  /** The model this run was loaded from: saved storage on reload, or an imported file. */
  restoredModel?: { step: number; from: 'storage' | 'file' };
  setSavedModel: (m?: PersistSlice['savedModel']) => void;
  setRestoredModel: (m?: { step: number; from: 'storage' | 'file' }) => void;
}

export interface BackendSlice {
  backend?: BackendReport;
  /** True while the worker loads data and checks backends. */
  booting: boolean;
  errors: ErrorEvent[];
  setBackend: (r: BackendReport) => void;
  setBooting: (b: boolean) => void;
  addError: (e: ErrorEvent) => void;
  dismissError: (index: number) => void;
}

export interface LatentSlice {
  testSample?: TestSampleEvent;
  codes?: CodesEvent;
  /** [n, 784] reconstructions of the showcase digits. */
  reconstructions?: Float32Array;
  /** The image in the big `decoded-image` view, [784] in [0, 1]. */
  decoded?: Float32Array;
  /** The map point last decoded (for the crosshair on scatter and grid). */
  selectedPoint?: [number, number];
  /** The code the sliders hold, [codeSize]. */
  sliderCode?: Float32Array;
  /** Map point of the user's drawing, if any. */
  drawingPoint?: [number, number];
  setTestSample: (e: TestSampleEvent) => void;
  setCodes: (e: CodesEvent) => void;
  setReconstructions: (pixels: Float32Array) => void;
  setDecoded: (pixels: Float32Array, point?: [number, number]) => void;
  setSliderCode: (code: Float32Array) => void;
  setDrawingPoint: (p?: [number, number]) => void;
}

export interface ViewSlice {
  logScale: boolean;
  /** Latent grid side, N x N cells. */
  gridSize: number;
  setLogScale: (v: boolean) => void;
  setGridSize: (n: number) => void;
  /** Presenter mode: large type and thick lines for a projector (a class on <html>). */
  presenter: boolean;
  /** Id of the panel that fills the screen (its PanelFocusButton's `panel`), if any. */
  focusedPanel?: string;
  /** The latent scatter also draws digit labels as numerals, so colour is not the only cue. */
  showNumerals: boolean;
  /** The keyboard-shortcut list is open. */
  shortcutHelp: boolean;
  setPresenter: (v: boolean) => void;
  setFocusedPanel: (id?: string) => void;
  setShowNumerals: (v: boolean) => void;
  setShortcutHelp: (open: boolean) => void;
}

/** The classroom: which lesson is open, what the teacher hid, what a link could not use. */
export interface LessonSlice {
  /** Id of the open lesson, or FREE_LAB ('free', src/state/link.ts) for the lab without a lesson. */
  lessonId: string;
  /** Control groups not rendered for students (the link's `<group>_hide` keys). */
  hidden: readonly ControlGroup[];
  /** Teacher mode: the checklist of control groups is open. */
  teacherMode: boolean;
  /** Parts of the opened link that were not used (the notice lists them until dismissed). */
  linkIgnored: readonly IgnoredField[];
  setLesson: (lessonId: string, hidden: readonly ControlGroup[]) => void;
  setHidden: (hidden: readonly ControlGroup[]) => void;
  setTeacherMode: (on: boolean) => void;
  setLinkIgnored: (ignored: readonly IgnoredField[]) => void;
}

/** The applications' lessons: similar-image search, and the reader's drawing they share. */
export interface ApplicationSlice {
  /** Latest precision@10 per representation (worker/imageSearchMeter.ts); emptied with a new run. */
  imageSearch: Partial<Record<SearchRepresentation, ImageSearchEvent>>;
  /** The neighbours of the query last picked in the search panel. */
  searchResult?: SearchResult;
  /** The user's drawing, prepared like MNIST ([784] in [0, 1]), while the draw pad holds one. */
  drawing?: Float32Array;
  setImageSearch: (e: ImageSearchEvent) => void;
  setSearchResult: (r?: SearchResult) => void;
  setDrawing: (d?: Float32Array) => void;
  /** The latest anomaly scores of every test digit (worker/anomalyMeter.ts); emptied with a new run. */
  anomaly?: AnomalyEvent;
  setAnomaly: (e?: AnomalyEvent) => void;
  /** The visualization lesson's maps of one model (labBridge.makeMaps); emptied with a new run. */
  embedding?: EmbeddingState;
  setEmbedding: (e?: EmbeddingState) => void;
}

/** The conditional autoencoder (lesson style-swap). */
export interface ConditionalSlice {
  /** The digit 0-9 the latent grid and the sliders draw (LabApi.setDecodeLabel). */
  decodeLabel: number;
  setDecodeLabel: (digit: number) => void;
}

/** Maps of the first n test digits by the model at step/epoch; `running` while more are coming. */
export interface EmbeddingState {
  n: number;
  step: number;
  epoch: number;
  labels: Uint8Array;
  maps: Partial<Record<EmbeddingMethod, EmbeddingMap>>;
  running: boolean;
  error?: string;
}

/** The pretraining lesson's own run (worker/pretrainRun.ts), beside the lab's autoencoder. */
export interface PretrainSlice {
  /** The labels slider and the widths (travel in the link as `labels` and `pwidths`). */
  pretrainSettings: PretrainSettings;
  /** The latest summary of the run the worker has for these settings. */
  pretraining?: PretrainSummary;
  setPretrainSettings: (s: PretrainSettings) => void;
  setPretraining: (s?: PretrainSummary) => void;
}

/** The text-retrieval lesson (state/textRetrieval.ts): its own runs, apart from MNIST's. */
export interface TextState {
  /** 'idle' until the panel first asks; 'failed' when the passages could not be loaded. */
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** Why loading failed (a 'data.*' message naming the file) and the fix, worded by the panel. */
  error?: Message;
  errorHint?: Message;
  info?: TextCorpusInfo;
  /** The text autoencoders' training loop runs (the text lesson's experiment: the header's Train/Pause). */
  running: boolean;
  progress?: TextProgressEvent;
  /** The latest map and curves of the autoencoders. */
  measure?: TextMeasureEvent;
  /** LSA-2 and LSA-10 of the same passages (text.worker.ts), or why they failed. */
  lsa?: LsaBaselines;
  lsaError?: string;
  /** The last typed query, answered by both models. */
  query?: { text: string; autoencoder?: TextQueryResult; lsa?: TextQueryResult };
}

export interface TextSlice {
  text: TextState;
  setText: (patch: Partial<TextState>) => void;
}

/** One perplexity reading of the VQ-VAE's codebook (the panel's chart over training). */
export interface VqPoint {
  step: number;
  epoch: number;
  perplexity: number;
  codesUsed: number;
}

/** VQ-VAE models: the latest codes and codebook use, and the perplexity over this run. */
export interface VqSlice {
  vq?: VqEvent;
  vqHistory: VqPoint[];
  setVq: (e: VqEvent) => void;
}

/** The model kinds' own figures and views (the VAE lessons); emptied with a new run. */
export interface EngineSlice {
  /** Every engineMeasures of this run, oldest first (the ELBO curve), thinned like the history. */
  engineHistory: EngineMeasuresEvent[];
  /** The last press of "Sample": codes drawn from N(0, I) and their images. */
  priorSamples?: PriorSamples;
  /** Presses of "Sample" so far: each press draws with a new seed. */
  samplePresses: number;
  traversal?: Traversal;
  /** The plain autoencoder beside the VAE: 'training' while it trains. */
  plainComparison?: PlainComparison | 'training';
  addEngineHistory: (e: EngineMeasuresEvent) => void;
  setPriorSamples: (s?: PriorSamples) => void;
  setTraversal: (t?: Traversal) => void;
  setPlainComparison: (c?: PlainComparison | 'training') => void;
}

export type LabState = ConfigSlice & RunSlice & BackendSlice & LatentSlice & ViewSlice & LessonSlice & MeasureSlice & PersistSlice & ApplicationSlice & PretrainSlice & TextSlice & VqSlice & EngineSlice & ConditionalSlice & PredictionSlice & MathSlice;

/**
 * What the page shows of one run, empty: its state, curve and counters, its measurements and
 * the lessons' views of its model. (The scatter's codes and the showcase reconstructions stay
 * until the new run's step-0 views replace them, so the map does not blink.)
 */
const EMPTY_RUN = {
  runState: 'idle',
  runReason: undefined,
  history: [],
  progress: undefined,
  pcaBaseline: undefined,
  pcaMap: undefined,
  measurements: undefined,
  fullTest: undefined,
  savedModel: undefined,
  restoredModel: undefined,
  denoising: undefined,
  sensitivity: undefined,
  sparsity: undefined,
  engineMeasures: undefined,
  engineHistory: [],
  vq: undefined,
  vqHistory: [],
  imageSearch: {},
  searchResult: undefined,
  anomaly: undefined,
  embedding: undefined,
  priorSamples: undefined,
  traversal: undefined,
  plainComparison: undefined,
} satisfies Partial<LabState>;

export const useLab = create<LabState>()((set, get) => ({
  // config
  config: DEFAULT_CONFIG,
  setConfig: (config) => set({ config }),

  // run (runSlice.ts)
  ...EMPTY_RUN,
  run: { id: 0, cause: 'configure' },
  beginRun: (cause, config) => {
    const runId = get().run.id + 1;
    set({ ...EMPTY_RUN, ...(config ? { config } : {}), run: { id: runId, cause } });
    return { runId, cause };
  },
  announceRun: (announced) => set((s) => ({ run: { ...s.run, announced } })),
  setRunState: (runState, runReason) => set({ runState, runReason }),
  addProgress: (p) =>
    set((s) => {
      const { step, epoch, trainLoss, testLoss, testSquaredError } = p;
      return { progress: p, history: thinned([...s.history, { step, epoch, trainLoss, testLoss, testSquaredError }]) };
    }),
  setPcaBaseline: (pcaBaseline) => set({ pcaBaseline }),

  // measure
  setMeasurements: (measurements) => set({ measurements }),
  setPcaMap: (pcaMap) => set({ pcaMap }),
  setFullTest: (fullTest) => set({ fullTest }),
  setDenoising: (denoising) => set({ denoising }),
  setSensitivity: (sensitivity) => set({ sensitivity }),
  setEngineMeasures: (engineMeasures) => set({ engineMeasures }),
  setSparsity: (sparsity) => set({ sparsity }),

  // persist
  setSavedModel: (savedModel) => set({ savedModel }),
  setRestoredModel: (restoredModel) => set({ restoredModel }),

  // backend
  booting: true,
  errors: [],
  setBackend: (backend) => set({ backend }),
  setBooting: (booting) => set({ booting }),
  addError: (e) => set((s) => ({ errors: [...s.errors, e] })),
  dismissError: (index) => set((s) => ({ errors: s.errors.filter((_, i) => i !== index) })),

  // latent
  setTestSample: (testSample) => set({ testSample }),
  setCodes: (codes) => set({ codes }),
  setReconstructions: (reconstructions) => set({ reconstructions }),
  setDecoded: (decoded, selectedPoint) => set((s) => ({ decoded, selectedPoint: selectedPoint ?? s.selectedPoint })),
  setSliderCode: (sliderCode) => set({ sliderCode }),
  setDrawingPoint: (drawingPoint) => set({ drawingPoint }),

  // view
  logScale: true,
  gridSize: 12,
  setLogScale: (logScale) => set({ logScale }),
  setGridSize: (gridSize) => set({ gridSize }),
  presenter: false,
  showNumerals: false,
  shortcutHelp: false,
  setPresenter: (presenter) => set({ presenter }),
  setFocusedPanel: (focusedPanel) => set({ focusedPanel }),
  setShowNumerals: (showNumerals) => set({ showNumerals }),
  setShortcutHelp: (shortcutHelp) => set({ shortcutHelp }),

  // lesson
  lessonId: 'free',
  hidden: [],
  teacherMode: false,
  linkIgnored: [],
  setLesson: (lessonId, hidden) => set({ lessonId, hidden }),
  setHidden: (hidden) => set({ hidden }),
  setTeacherMode: (teacherMode) => set({ teacherMode }),
  setLinkIgnored: (linkIgnored) => set({ linkIgnored }),

  // applications
  imageSearch: {},
  setImageSearch: (e) => set((s) => ({ imageSearch: { ...s.imageSearch, [e.representation]: e } })),
  setSearchResult: (searchResult) => set({ searchResult }),
  setDrawing: (drawing) => set({ drawing }),
  setAnomaly: (anomaly) => set({ anomaly }),
  setEmbedding: (embedding) => set({ embedding }),

  // pretraining
  pretrainSettings: DEFAULT_PRETRAIN_SETTINGS,
  pretraining: undefined,
  setPretrainSettings: (pretrainSettings) => set({ pretrainSettings }),
  setPretraining: (pretraining) => set({ pretraining }),
  // text retrieval
  text: { status: 'idle', running: false },
  setText: (patch) => set((s) => ({ text: { ...s.text, ...patch } })),
  // vq
  vqHistory: [],
  setVq: (vq) =>
    set((s) => {
      const point = { step: vq.step, epoch: vq.epoch, perplexity: vq.perplexity, codesUsed: vq.codesUsed };
      // A step-0 event (a fresh or reset model) starts a new curve; the same step twice is kept once.
      const kept = vq.step === 0 ? [] : s.vqHistory.filter((p) => p.step < vq.step);
      return { vq, vqHistory: thinned([...kept, point]) };
    }),
  // engine
  engineHistory: [],
  samplePresses: 0,
  addEngineHistory: (e) => set((s) => ({ engineHistory: thinned([...s.engineHistory, e]) })),
  setPriorSamples: (priorSamples) => set((s) => ({ priorSamples, samplePresses: priorSamples ? s.samplePresses + 1 : s.samplePresses })),
  setTraversal: (traversal) => set({ traversal }),
  setPlainComparison: (plainComparison) => set({ plainComparison }),
  // conditional
  decodeLabel: 0,
  setDecodeLabel: (decodeLabel) => set({ decodeLabel }),
  ...predictionSlice(set),
  ...mathSlice(set),
}));
