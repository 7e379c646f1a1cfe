/**
 * Every code of the backend report has words in every language, with its parameters filled
 * in (no "{{" left, no key shown in place of a sentence).
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/locales/en';
import { zhHans } from '../i18n/locales/zh-Hans';
import { zhHant } from '../i18n/locales/zh-Hant';
import type { CandidateReason, ThreadsWhy } from '../worker/api';
import { candidateWords, reasonWords, threadsWords, type Translate } from './backendWords';

/** One example of each code (the type makes the list complete), with every parameter it has. */
const EXAMPLES: Record<CandidateReason['code'], CandidateReason> = {
  notTried: { code: 'notTried', params: {} },
  crashedEarlier: { code: 'crashedEarlier', params: {} },
  forcedOther: { code: 'forcedOther', params: { forced: 'wasm' } },
  forcedChecked: { code: 'forcedChecked', params: {} },
  noWebGpu: { code: 'noWebGpu', params: {} },
  noAdapter: { code: 'noAdapter', params: {}, detail: 'GPU process gone' },
  noOffscreenCanvas: { code: 'noOffscreenCanvas', params: {} },
  noWebGl: { code: 'noWebGl', params: {} },
  initFailed: { code: 'initFailed', params: {}, detail: 'out of memory' },
  selfCheckFailed: { code: 'selfCheckFailed', params: {}, detail: 'gradient 1 differs' },
  probeLate: { code: 'probeLate', params: { seconds: 3 } },
  probeCrashed: { code: 'probeCrashed', params: {}, detail: 'boom' },
  trainingFailed: { code: 'trainingFailed', params: {}, detail: 'NaN' },
  checked: { code: 'checked', params: {} },
  fastest: { code: 'fastest', params: { samplesPerSec: 5311.4 } },
  onlyPassed: { code: 'onlyPassed', params: { samplesPerSec: 316 } },
  slower: { code: 'slower', params: { samplesPerSec: 903, chosen: 'wasm', chosenSamplesPerSec: 5311 } },
  didNotStart: { code: 'didNotStart', params: {} },
  notNeeded: { code: 'notNeeded', params: { chosen: 'wasm' } },
  lastResort: { code: 'lastResort', params: {} },
};

/** Every reason for one thread (the type makes the list complete). */
const THREADS_WHY: Record<ThreadsWhy, true> = {
  asked: true,
  oneCore: true,
  frame: true,
  firstVisit: true,
  noHeaders: true,
  noSharedMemory: true,
  noWasmThreads: true,
  noSimd: true,
  failed: true,
  slower: true,
};

const LOCALES = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant } as const;

describe.each(Object.entries(LOCALES))('backend words in %s', (lng, strings) => {
  const i18n = i18next.createInstance();
  void i18n.init({ lng, resources: { [lng]: { translation: strings } }, interpolation: { escapeValue: false }, initAsync: false });
  const t: Translate = (key, values) => i18n.t(key, values ?? {});
  const complete = (s: string) => {
    expect(s).not.toMatch(/\{\{|backendWhy\./);
    expect(s.length).toBeGreaterThan(3);
  };

  it('words every candidate reason, with its numbers and details', () => {
    for (const reason of Object.values(EXAMPLES)) complete(reasonWords(t, reason));
    expect(reasonWords(t, EXAMPLES.slower)).toMatch(/903.*5311/);
    expect(reasonWords(t, EXAMPLES.fastest)).toContain('5311');
    expect(reasonWords(t, EXAMPLES.initFailed)).toContain('out of memory');
  });

  it('words the threads: how many, and why only one', () => {
    const many = threadsWords(t, { count: 2, cores: 2 });
    complete(many);
    expect(many).toMatch(/2/);
    for (const why of Object.keys(THREADS_WHY) as ThreadsWhy[]) complete(threadsWords(t, { count: 1, cores: 4, why }));
    expect(threadsWords(t, { count: 1, cores: 2, why: 'failed', error: 'e is not defined' })).toContain('e is not defined');
    const measured = threadsWords(t, { count: 1, cores: 2, why: 'slower', measured: { threads: 2, threaded: 551, single: 1319 } });
    complete(measured);
    expect(measured).toMatch(/1319[^]*551|551[^]*1319/);
  });

  it('adds the software adapter and the model kind\'s note', () => {
    const lines = candidateWords(t, {
      name: 'webgl',
      status: 'passed',
      software: true,
      adapter: 'SwiftShader',
      reason: EXAMPLES.slower,
      forModel: { code: 'cannotTrain', detail: 'needs Conv2D' },
    });
    expect(lines).toHaveLength(3);
    lines.forEach(complete);
    expect(lines[0]).toContain('SwiftShader');
    expect(lines[2]).toContain('needs Conv2D');
  });
});
