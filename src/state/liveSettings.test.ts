/**
 * Live settings, the page's side (state/liveSettings.ts): which changes go on in the run and
 * which build a new model, and what the store keeps of them (the chart's marks, the rebuild
 * notice), with the real store and event routing; the marks' labels with the real wording.
 */
import i18next from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { markLabel } from '../components/charts/settingsMarks';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { kindModel } from '../core/kinds/fullForm';
import { en } from '../i18n/locales/en';
import { zhHans } from '../i18n/locales/zh-Hans';
import type { LabEvent } from '../worker/api';
import { routeEvent } from './labEvents';
import { configChange, noticeRebuilt, onlyLiveDiffer } from './liveSettings';
import { useLab } from './store';

const base: LabConfig = DEFAULT_CONFIG;
const withTrain = (train: Partial<LabConfig['train']>, from = base): LabConfig => ({ ...from, train: { ...from.train, ...train } });
const withModel = (model: Record<string, unknown>, from = base): LabConfig => ({ ...from, model: { ...from.model, ...model } }) as LabConfig;
const vae: LabConfig = { ...DEFAULT_CONFIG, model: kindModel('vae', { encoderLayers: [256, 64], codeSize: 2 }) };
const announced = (runId: number, config: LabConfig) => ({ id: runId, cause: 'configure' as const, announced: { type: 'run' as const, runId, cause: 'configure' as const, config, step: 0, epoch: 0, samplesSeen: 0 } });
const shown = (config: LabConfig) => ({ config, run: announced(3, config) });

describe('configChange: live or a new model', () => {
  it('live when only live settings differ and the model of the run shown is built', () => {
    expect(configChange(shown(DEFAULT_CONFIG), withTrain({ learningRate: 0.01 }))).toBe('live');
    expect(configChange(shown(DEFAULT_CONFIG), withTrain({ learningRate: 0.01, batchSize: 128, momentum: 0.5 }))).toBe('live');
    expect(configChange(shown(DEFAULT_CONFIG), withModel({ codeL2: 0.01 }))).toBe('live');
    expect(configChange(shown(vae), withModel({ beta: 4 }, vae))).toBe('live');
  });

  it('a new model when a setting that shapes it differs, alone or beside a live one', () => {
    expect(configChange(shown(DEFAULT_CONFIG), withModel({ codeSize: 3 }))).toBe('rebuild');
    expect(configChange(shown(DEFAULT_CONFIG), withTrain({ seed: 2 }))).toBe('rebuild');
    expect(configChange(shown(DEFAULT_CONFIG), withTrain({ trainSize: 5000 }))).toBe('rebuild');
    expect(configChange(shown(DEFAULT_CONFIG), withModel({ codeSize: 3 }, withTrain({ learningRate: 0.01 })))).toBe('rebuild');
    // Another kind is always a new model, even where a live setting is all that looks different.
    expect(configChange(shown(DEFAULT_CONFIG), vae)).toBe('rebuild');
  });

  it('a new model when no model of the run shown is built yet (before the first run, a run asked for and not announced)', () => {
    const lr = withTrain({ learningRate: 0.01 });
    expect(configChange({ config: DEFAULT_CONFIG, run: { id: 0, cause: 'configure' } }, lr)).toBe('rebuild');
    expect(configChange({ config: DEFAULT_CONFIG, run: { ...announced(3, DEFAULT_CONFIG), id: 4 } }, lr)).toBe('rebuild');
  });

  it('the same config again rebuilds, as before (nothing live differs)', () => {
    expect(onlyLiveDiffer(DEFAULT_CONFIG, structuredClone(DEFAULT_CONFIG))).toBe(false);
    expect(configChange(shown(DEFAULT_CONFIG), structuredClone(DEFAULT_CONFIG))).toBe('rebuild');
  });
});

describe('the store: marks of live changes and the rebuild notice belong to one run', () => {
  beforeEach(() => {
    useLab.setState({ config: DEFAULT_CONFIG });
    useLab.getState().beginRun('configure', DEFAULT_CONFIG);
  });

  it('a settings event of the run shown marks the chart; one of another run is dropped; a new run empties the marks', () => {
    const runId = useLab.getState().run.id;
    const change = (id: number, step: number): LabEvent => ({ type: 'settings', runId: id, step, changed: [{ path: 'train.learningRate', from: 0.002, to: 0.02 }] });
    routeEvent(change(runId, 120));
    routeEvent(change(runId - 1, 80));
    routeEvent(change(runId, 300));
    expect(useLab.getState().settingsMarks.map((m) => m.step)).toEqual([120, 300]);
    expect(useLab.getState().run.id).toBe(runId);
    useLab.getState().beginRun('reset');
    expect(useLab.getState().settingsMarks).toEqual([]);
  });

  it('the notice says how far the replaced model had trained, only when it had, and a new run empties it', () => {
    noticeRebuilt(0);
    expect(useLab.getState().rebuildNotice).toBeUndefined();
    noticeRebuilt(1234);
    expect(useLab.getState().rebuildNotice).toEqual({ code: 'run.rebuilt', params: { step: 1234 } });
    useLab.getState().beginRun('restore');
    expect(useLab.getState().rebuildNotice).toBeUndefined();
  });
});

describe('markLabel', () => {
  it('words each change with the setting\'s label in the reader\'s language', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en }, 'zh-Hans': { translation: zhHans } }, interpolation: { escapeValue: false } });
    const mark = { step: 40, changed: [{ path: 'train.learningRate', from: 0.001, to: 0.01 }, { path: 'train.batchSize', from: 64, to: 128 }] };
    expect(markLabel(i18n.t, mark)).toBe('Learning rate 0.001 → 0.01, Batch size 64 → 128');
    await i18n.changeLanguage('zh-Hans');
    expect(markLabel(i18n.t, mark)).toBe(`${zhHans.architecture.learningRate}：0.001 → 0.01, ${zhHans.architecture.batchSize}：64 → 128`);
  });
});
