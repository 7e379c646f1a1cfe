import { describe, expect, it } from 'vitest';
import type { PretrainSummary } from '../worker/apiPretraining';
import { experimentActions, experimentStatus, type ExperimentStatus } from './experiments';
import { FREE_LAB } from './link';
import { useLab, type LabState } from './store';

const backend = { chosen: 'wasm' } as unknown as LabState['backend'];
/** The store as a page of lesson `lessonId` would hold it, booted, with changes. */
const page = (lessonId: string, over: Partial<LabState> = {}): LabState => ({ ...useLab.getState(), lessonId, booting: false, backend, errors: [], ...over });
const pretraining = (state: PretrainSummary['state']) => ({ state }) as PretrainSummary;

describe('the open lesson\'s experiment drives the header', () => {
  it('is the MNIST autoencoder in the free lab and the MNIST lessons', () => {
    for (const id of [FREE_LAB, 'what-is-an-autoencoder', 'anomaly-detection', 'no-such-lesson']) {
      expect(experimentStatus(page(id, { runState: 'running' }))).toEqual({ shown: 'running', ready: true, running: true, stopped: false, steps: true });
    }
    expect(experimentStatus(page(FREE_LAB, { runState: 'diverged' }))).toMatchObject({ shown: 'diverged', stopped: true });
    expect(experimentStatus(page(FREE_LAB, { booting: true }))).toMatchObject({ shown: 'booting', ready: false });
    expect(experimentStatus(page(FREE_LAB, { backend: undefined }))).toMatchObject({ shown: 'unavailable', ready: false });
    expect(experimentStatus(page(FREE_LAB, { errors: [{ type: 'error', kind: 'data', message: 'missing' }] as unknown as LabState['errors'] }))).toMatchObject({ shown: 'unavailable', ready: false });
  });

  it('is the text autoencoders in the text lesson: ready once the passages are loaded, whatever MNIST does', () => {
    const text = (patch: Partial<LabState['text']>) => ({ text: { ...useLab.getState().text, ...patch } });
    const lesson = (over: Partial<LabState>) => experimentStatus(page('text-retrieval', { runState: 'running', ...over }));
    expect(lesson(text({ status: 'loading' }))).toEqual({ shown: 'booting', ready: false, running: false, stopped: false, steps: false });
    expect(lesson(text({ status: 'ready' }))).toMatchObject({ shown: 'idle', ready: true, running: false });
    expect(lesson(text({ status: 'ready', running: true }))).toMatchObject({ shown: 'running', running: true });
    const trained = { type: 'textProgress', step: 40, epoch: 0.5, loss: 6, mapLoss: 6.5, passagesPerSec: 900, running: false } as LabState['text']['progress'];
    expect(lesson(text({ status: 'ready', progress: trained }))).toMatchObject({ shown: 'paused' });
    expect(lesson(text({ status: 'failed' }))).toMatchObject({ shown: 'unavailable', ready: false });
  });

  it('is the pretraining run in its lesson; a finished run waits for Reset', () => {
    const lesson = (over: Partial<LabState>) => experimentStatus(page('pretraining', over));
    expect(lesson({ pretraining: undefined })).toMatchObject({ shown: 'booting', ready: false });
    expect(lesson({ pretraining: pretraining('idle') })).toEqual({ shown: 'idle', ready: true, running: false, stopped: false, steps: false });
    expect(lesson({ pretraining: pretraining('running') })).toMatchObject({ shown: 'running', running: true });
    expect(lesson({ pretraining: pretraining('done') })).toMatchObject({ shown: 'done', stopped: true });
  });
});

describe('experimentActions: the buttons\' rule, shared by the keys', () => {
  const status = (over: Partial<ExperimentStatus>): ExperimentStatus => ({ shown: 'idle', ready: true, running: false, stopped: false, steps: true, ...over });
  it('follows the run', () => {
    expect(experimentActions(status({}))).toEqual({ toggleTraining: true, step: true, reset: true });
    expect(experimentActions(status({ running: true }))).toEqual({ toggleTraining: true, step: false, reset: true });
    expect(experimentActions(status({ stopped: true }))).toEqual({ toggleTraining: false, step: false, reset: true });
    expect(experimentActions(status({ steps: false }))).toEqual({ toggleTraining: true, step: false, reset: true });
  });
  it('allows nothing before the experiment is ready', () => {
    expect(experimentActions(status({ ready: false }))).toEqual({ toggleTraining: false, step: false, reset: false });
  });
});
