/**
 * Messages for the page as codes with parameters (issue 10, decision 5). The worker, the
 * training loop and the page's bridge never send a sentence for the reader: they send
 * `{ code, params }`, and the page words it in the reader's language
 * (src/i18n/locales/*.messages.ts, key `messages.<code>`). Raw exception text, which no
 * wording can know, travels only as `detail`, shown under the worded message.
 *
 * MESSAGE_PARAMS is the one list of codes: each code with the names of its parameters. A test
 * (src/i18n/messageWording.test.ts) walks it: every code is worded in en, zh-Hans and zh-Hant,
 * and each wording uses exactly these parameters.
 */

export const MESSAGE_PARAMS = {
  // Training stopped by itself (core/train/divergence.ts). `suggested` is a tenth of the rate.
  'diverged.nan': ['step', 'learningRate', 'suggested'],
  'diverged.infinite': ['step', 'learningRate', 'suggested'],
  /** The loss read is more than `factor` times the best read so far (`best`). */
  'diverged.explodedBest': ['step', 'loss', 'factor', 'best', 'learningRate', 'suggested'],
  /** ... more than `factor` times the loss of drawing the average digit (`meanLoss`). */
  'diverged.explodedMean': ['step', 'loss', 'factor', 'meanLoss', 'learningRate', 'suggested'],

  // A data file could not be loaded (worker/dataLoader.ts, textData.ts); `detail`: the browser's or the check's words.
  'data.requestFailed': ['file'],
  'data.httpStatus': ['file', 'status', 'url'],
  'data.empty': ['file'],
  'data.gzipCorrupt': ['file'],
  'data.webPage': ['file'],
  'data.notIdx': ['file'],
  'data.badIdx': ['file'],
  'data.notJson': ['file'],
  /** The passages file parsed but is not what prepare-text writes; `detail`: what is wrong. */
  'data.badPassages': ['file'],
  'data.failed': [],

  // Backends (worker/labStart.ts, kindBackend.ts) and the worker's restarts (worker/client.ts).
  /** No backend passed its checks; `detail` lists each candidate's reason. */
  'backend.none': [],
  /** `?backend=` names a backend that failed its check; `detail`: why. */
  'backend.forcedUnusable': ['backend'],
  'backend.forcedFailedBefore': ['backend'],
  /** The chosen backend cannot train this kind; `detail`: what it lacks. */
  'backend.kindMoved': ['kind', 'usual'],
  'backend.noneForKind': ['kind'],
  /** The GPU device was lost (the page restarts the worker); `detail`: the browser's reason. */
  'backend.deviceLost': [],
  'restart.crashed': ['excluded'],
  'restart.unreadable': ['excluded'],
  'restart.deviceLost': ['excluded'],
  'restart.tooOften': ['times'],
  'restart.failed': [],

  // Something failed that the reader cannot fix; `detail`: the exception's text.
  'internal.unexpected': [],
  'internal.buildFailed': [],
  'internal.fullTestFailed': [],
  'internal.trainingStopped': [],
  'internal.pcaFailed': [],
  'internal.searchFailed': [],
  'internal.textStopped': [],
  'internal.pretrainingStopped': [],
  'internal.startFailed': [],
  /** One of the page's actions on the lab failed (ACTIONS names it). */
  'internal.actionFailed': ['action'],

  'storage.full': [],

  // What the reader can do, shown under a message.
  'hint.prepareData': [],
  'hint.otherBrowser': [],
  'hint.forcedIgnored': [],
  'hint.choseAnother': [],
  'hint.kindMoved': ['backend', 'usual'],
  'hint.settingsKept': [],
  'hint.reload': [],
  'hint.storageFull': [],
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof MESSAGE_PARAMS;
export const MESSAGE_CODES = Object.keys(MESSAGE_PARAMS) as MessageCode[];

/** The parameters of one code: numbers and names (a file, a backend, a kind), never sentences. */
export type MessageParamsOf<C extends MessageCode> = { [P in (typeof MESSAGE_PARAMS)[C][number]]: string | number };

/** A message for the page: its code, the code's parameters, and raw exception text if any. */
export type Message = {
  [C in MessageCode]: { code: C; params: MessageParamsOf<C>; detail?: string };
}[MessageCode];

export function message<C extends MessageCode>(code: C, params: MessageParamsOf<C>, detail?: string): Message {
  return (detail === undefined ? { code, params } : { code, params, detail }) as Message;
}

/**
 * The page's actions on the lab whose failure is reported as 'internal.actionFailed'
 * (state/labBridge.ts `act`); each is worded under `messages.actions`.
 */
export const ACTIONS = [
  'train',
  'pause',
  'step',
  'reset',
  'applyConfig',
  'decode',
  'decodeGrid',
  'encodeDrawing',
  'exportModel',
  'importModel',
  'watchSearch',
  'watchAnomaly',
  'prepareMaps',
  'featureMaps',
  'search',
  'configurePretraining',
  'pretrain',
  'pausePretraining',
  'resetPretraining',
  'decodeIndices',
  'samplePrior',
  'traverse',
  'comparePlain',
  'decodePriorSamples',
  'styleSwap',
  'chooseDigit',
  'textTrain',
  'textPause',
  'textReset',
  'textSearch',
  'readMath',
] as const;
export type LabAction = (typeof ACTIONS)[number];
