import { describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG, defaultFullModel, fullModel, kindModel, narrowModel, type ModelConfig } from '../config';
import { MODEL_ROWS } from '../settings/modelRows';
import { engineWeightLayout } from '../train/weightLayouts';
import { BASE_SETTINGS } from './kindModule';
import { problemMessage, type ProblemCode } from './problems';
import { KIND_ROW, KINDS, MODEL_KINDS } from './registry';

const lab = (model: unknown) => checkConfig({ model, train: DEFAULT_CONFIG.train });

describe('the kind registry', () => {
  it('lists the six kinds once, in the chooser\'s order, and the kind setting offers exactly them', () => {
    expect(MODEL_KINDS).toEqual(['mlp', 'conv', 'vae', 'vq', 'adversarial', 'conditional']);
    expect(KIND_ROW.input).toEqual({ kind: 'enum', options: MODEL_KINDS });
    for (const k of MODEL_KINDS) expect(KINDS[k].kind).toBe(k);
  });

  it.each(MODEL_KINDS)('%s: its defaults pass checkConfig as they are; its fields are the base and its settings', (kind) => {
    const module = KINDS[kind] as (typeof KINDS)[typeof kind] & { settings: readonly string[]; editorFields: readonly string[] };
    expect(lab(module.defaults)).toEqual({ ok: true, config: { model: module.defaults, train: DEFAULT_CONFIG.train } });
    expect(Object.keys(module.defaults).sort()).toEqual(['kind', ...BASE_SETTINGS, ...module.settings].sort());
    for (const id of module.editorFields) expect([...BASE_SETTINGS, ...module.settings]).toContain(id);
    expect(module.linkKeys).toEqual(['kind', ...[...BASE_SETTINGS, ...module.settings].map((id) => MODEL_ROWS[id].link.key)]);
    expect(engineWeightLayout(module.defaults).length).toBeGreaterThan(0);
  });

  it('reads a config written with every kind\'s fields (main\'s form) as the kind\'s own fields', () => {
    for (const kind of MODEL_KINDS) {
      const old = { ...defaultFullModel(), kind, ...(kind === 'conv' ? { encoderLayers: [] } : {}), ...(kind === 'vq' ? { codeSize: 32 } : {}) };
      const r = lab(old);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.config.model).toEqual(narrowModel(old));
    }
  });

  it('fullModel fills in what main\'s form held, narrowModel takes it back', () => {
    for (const kind of MODEL_KINDS) {
      const model = kindModel(kind, kind === 'vq' ? { codeSize: 32 } : {});
      const full = fullModel(model);
      expect(Object.keys(full).sort()).toEqual(['kind', ...Object.keys(MODEL_ROWS)].sort());
      expect(narrowModel(full)).toEqual(model);
    }
    // The convolutional kind held no dense layers.
    expect(fullModel(KINDS.conv.defaults).encoderLayers).toEqual([]);
  });

  it('says what a kind refuses as codes with params, at the field, with an English sentence', () => {
    const problems = (model: unknown) => {
      const r = lab(model);
      return r.ok ? [] : r.problems.map((p) => [p.path, p.code, p.params ?? {}]);
    };
    const full = defaultFullModel();
    expect(problems({ ...full, loss: 'bce', outputActivation: 'linear' })).toEqual([['model.loss', 'loss.bceNeedsSigmoid', {}]]);
    expect(problems({ ...full, kind: 'vae', loss: 'mse' })).toEqual([['model.loss', 'kind.needsBernoulli', { kind: 'vae' }]]);
    expect(problems({ ...full, kind: 'vq', codeSize: 10, vqPositions: 4 })).toEqual([['model.codeSize', 'vq.codeSizeMultiple', { positions: 4 }]]);
    expect(problems({ ...full, kind: 'adversarial', prior: 'ring', codeSize: 3 })).toEqual([['model.codeSize', 'adversarial.priorNeeds2d', { prior: 'ring' }]]);
    expect(problems({ ...full, kind: 'adversarial', codeL2: 0.1 })).toEqual([['model.codeL2', 'adversarial.cleanCode', {}]]);
    expect(problems({ ...full, kind: 'conv' })).toEqual([['model.encoderLayers', 'kind.noDenseLayers', {}]]);
    expect(problems({ ...full, kind: 'vae', contractive: 0.5 })).toEqual([['model.contractive', 'kind.contractiveMlpOnly', {}]]);
    expect(problems({ ...full, encoderLayers: [64, 32], contractive: 0.5 })).toEqual([['model.contractive', 'contractive.depth', {}]]);
    expect(problems({ ...full, sparsity: 'kl' })).toEqual([['model.sparsity', 'sparsity.klNeedsSigmoid', {}]]);
    // A field of another kind is dropped, whatever it holds, unless the kind refused it before.
    expect(problems({ ...full, kind: 'vae', noise: 'gaussian', convChannels: [3] })).toEqual([]);
    // One value on its own: the limits of its row.
    expect(problems({ ...full, codeSize: 0 })).toEqual([['model.codeSize', 'range', { min: 1, max: 1000 }]]);
    expect(problems({ ...full, codeSize: 2.5 })).toEqual([['model.codeSize', 'wholeNumber', {}]]);
    expect(problems({ ...full, encoderLayers: [1, 2, 3, 4, 5] })).toEqual([['model.encoderLayers', 'tooMany', { max: 4 }]]);
    expect(problems({ ...full, encoderLayers: [0] })).toEqual([['model.encoderLayers.0', 'range', { min: 1, max: 2000 }]]);
    expect(problems({ ...full, kind: 'gan' })[0]?.[0]).toBe('model.kind');
  });

  it('words every cross-field code in English', () => {
    const codes: ProblemCode[] = ['loss.bceNeedsSigmoid', 'contractive.depth', 'contractive.linearCode', 'sparsity.klNeedsSigmoid', 'kind.contractiveMlpOnly', 'kind.noDenseLayers', 'kind.needsBernoulli', 'vq.codeSizeMultiple', 'adversarial.priorNeeds2d', 'adversarial.cleanCode'];
    for (const code of codes) expect(problemMessage(code, { kind: 'vae', positions: 8, prior: 'ring' })).toMatch(/^The |^Binary|^A /);
  });

  it('a config is trusted as the union: a kind\'s fields are read after narrowing on kind', () => {
    const m: ModelConfig = KINDS.vae.defaults;
    expect(m.kind === 'vae' && m.beta).toBe(1);
  });
});
