import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../../core/config';
import i18n from '../../i18n';
import { findLesson, LESSONS } from '../../lessons';
import { PANEL_IDS, type PanelId } from '../../lessons/catalog';
import { lessonConfig } from '../../lessons/preset';
import type { ControlGroup } from '../../lessons/types';
import { TEACHER_GROUPS } from '../TeacherPanel';
import { defaultLinkState, FREE_LAB } from '../../state/link';
import { pagePanels, panelRows, teacherGroups } from './pagePanels';
import { PANELS } from './registry';

/** Model fields to change, of any kind (cast: a kind's stray field must not show another kind's panel). */
type ModelChange = Record<string, unknown>;

/** The panels of lesson `id` as a link opens it (its preset, its hidden groups), with changes. */
function lessonPage(id: string, change: { model?: ModelChange; hidden?: readonly ControlGroup[] } = {}): PanelId[] {
  const lesson = findLesson(id)!;
  const opened = defaultLinkState(id);
  return pagePanels(PANELS, {
    experiment: lesson.experiment,
    listed: lesson.panels,
    model: { ...lessonConfig(lesson).model, ...change.model } as LabConfig['model'],
    hidden: change.hidden ?? opened.hidden,
  });
}

const freeLab = (model: ModelChange = {}, hidden: readonly ControlGroup[] = defaultLinkState(FREE_LAB).hidden) =>
  pagePanels(PANELS, { experiment: 'mnistAutoencoder', listed: [], model: { ...DEFAULT_CONFIG.model, ...model } as LabConfig['model'], hidden });

describe('the panels of a page', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s opens with exactly its own list, in its order', (id, lesson) => {
    // Every panel its preset shows is listed, and every listed one shows: the lesson's order is the page's.
    expect(lessonPage(id)).toEqual(lesson.panels);
  });

  it('puts the lesson\'s own point first where it used to sit at the bottom', () => {
    expect(lessonPage('anomaly-detection')[0]).toBe('anomaly');
    expect(lessonPage('visualization')[0]).toBe('embedding');
    expect(lessonPage('convolutional')[0]).toBe('featureMaps');
  });

  it('shows the text and pretraining lessons\' experiment alone, whatever a teacher shows', () => {
    expect(lessonPage('text-retrieval')).toEqual(['textRetrieval']);
    expect(lessonPage('text-retrieval', { hidden: [] })).toEqual(['textRetrieval']);
    expect(lessonPage('pretraining', { hidden: [] })).toEqual(['pretraining']);
    // And no MNIST page shows them.
    expect(freeLab()).not.toContain('textRetrieval');
    expect(freeLab()).not.toContain('pretraining');
  });

  it('gives the free lab every panel that applies to its model, in the registry\'s order', () => {
    expect(freeLab()).toEqual(['model', 'training', 'reconstructions', 'weights', 'latent', 'draw', 'embedding', 'anomaly', 'imageSearch']);
    expect(freeLab({ kind: 'vae' })).toEqual(['model', 'training', 'reconstructions', 'weights', 'vae', 'traversal', 'latent', 'draw', 'embedding', 'anomaly', 'imageSearch']);
    expect(freeLab({ kind: 'conv', noise: 'gaussian' }).slice(0, 5)).toEqual(['model', 'training', 'reconstructions', 'denoising', 'featureMaps']);
    expect(freeLab({ contractive: 0.1, codeActivation: 'relu', sparsity: 'l1' }).slice(3, 6)).toEqual(['weights', 'contractive', 'sparse']);
    for (const kind of ['vq', 'adversarial', 'conditional'] as const) expect(freeLab({ kind })).toContain({ vq: 'vq', adversarial: 'adversarial', conditional: 'styleSwap' }[kind]);
    // A kind that cannot draw a panel never shows it, even with the variant's field set.
    expect(freeLab({ kind: 'vae', noise: 'gaussian' })).not.toContain('denoising');
    expect(freeLab({ kind: 'vae', contractive: 0.1 })).not.toContain('contractive');
  });

  it('keeps a lesson\'s variant panel with the variant switched off, but not another lesson\'s', () => {
    expect(lessonPage('contractive', { model: { contractive: 0 } })).toContain('contractive');
    expect(lessonPage('sparse', { model: { codeActivation: 'linear', sparsity: 'none' } })).toContain('sparse');
    expect(freeLab({ contractive: 0 })).not.toContain('contractive');
    // Denoising has nothing to show without noise: off is off, in its own lesson too.
    expect(lessonPage('denoising', { model: { noise: 'none' } })).not.toContain('denoising');
    expect(lessonPage('denoising', {})).toContain('denoising');
    // A panel the lesson lists still needs a kind that can draw it.
    expect(lessonPage('convolutional', { model: { kind: 'mlp', encoderLayers: [256] } })).not.toContain('featureMaps');
  });

  it('adds what applies later after the lesson\'s own list: another kind, a group a teacher shows', () => {
    expect(lessonPage('what-is-an-autoencoder', { model: { kind: 'vq' } })).toEqual(['model', 'training', 'reconstructions', 'weights', 'latent', 'draw', 'vq']);
    const anomaly = findLesson('anomaly-detection')!;
    const shown = defaultLinkState(anomaly.id).hidden.filter((g) => g !== 'reconstructions');
    expect(lessonPage(anomaly.id, { hidden: shown })).toEqual([...anomaly.panels, 'reconstructions']);
  });

  it('hides a panel when every one of its groups is hidden, and only then', () => {
    expect(freeLab({}, ['reconstructions', 'drawPad'])).toEqual(['model', 'training', 'weights', 'latent', 'embedding', 'anomaly', 'imageSearch']);
    expect(freeLab({}, ['scatter', 'grid'])).toContain('latent');
    expect(freeLab({}, ['scatter', 'grid', 'sliders'])).not.toContain('latent');
    // The model editor and the training numbers belong to no group: their fields and curves hide inside them.
    expect(freeLab({}, ['architecture', 'run', 'lossChart'])).toEqual(expect.arrayContaining(['model', 'training']));
  });

  it('shows the first layer\'s weights where a lesson lists them, and in the free lab for the dense kinds', () => {
    expect(lessonPage('what-is-an-autoencoder')).toContain('weights');
    expect(lessonPage('pca-vs-deep')).toContain('weights');
    // A lesson of the same kind that does not list it leaves it out, whatever a teacher shows.
    expect(lessonPage('two-d-map', { hidden: [] })).not.toContain('weights');
    for (const kind of ['mlp', 'vae', 'vq', 'adversarial', 'conditional']) expect(freeLab({ kind })).toContain('weights');
    expect(freeLab({ kind: 'conv' })).not.toContain('weights');
    expect(lessonPage('what-is-an-autoencoder', { model: { kind: 'conv' } })).not.toContain('weights');
  });

  it('has an entry for every panel id, each titled', () => {
    expect(Object.keys(PANELS).sort()).toEqual([...PANEL_IDS].sort());
    for (const id of PANEL_IDS) expect(i18n.exists(PANELS[id].titleKey), PANELS[id].titleKey).toBe(true);
  });
});

describe('rows on a wide screen', () => {
  const width = (id: PanelId) => PANELS[id].width;
  it('pairs the model editor with the half panels after it; a half panel alone takes the width', () => {
    expect(panelRows(['model', 'training', 'reconstructions', 'latent'], width)).toEqual([{ main: 'model', side: ['training', 'reconstructions'] }, { full: 'latent' }]);
    expect(panelRows(['anomaly', 'draw', 'model', 'training'], width)).toEqual([{ full: 'anomaly' }, { full: 'draw' }, { main: 'model', side: ['training'] }]);
    expect(panelRows(['training', 'latent', 'model'], width)).toEqual([{ full: 'training' }, { full: 'latent' }, { full: 'model' }]);
    expect(panelRows([], width)).toEqual([]);
  });
});

describe('the teacher\'s checklist', () => {
  it('lists the groups that change something on the page: none of another experiment\'s panels', () => {
    const mnist = teacherGroups(PANELS, 'mnistAutoencoder', TEACHER_GROUPS);
    expect(mnist).not.toContain('textRetrieval');
    expect(mnist).not.toContain('pretraining');
    expect(mnist).toEqual(TEACHER_GROUPS.filter((g) => g !== 'textRetrieval' && g !== 'pretraining'));
    const text = teacherGroups(PANELS, 'textAutoencoders', TEACHER_GROUPS);
    expect(text).toContain('textRetrieval');
    // The header's run buttons and seed, and the lesson's question, on every page; no MNIST panel's group, outside or inside it.
    expect(text).toEqual(['seed', 'run', 'textRetrieval', 'predict']);
    expect(teacherGroups(PANELS, 'pretraining', TEACHER_GROUPS)).toEqual(['seed', 'run', 'pretraining', 'predict']);
  });
});
