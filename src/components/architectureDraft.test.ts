import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIMITS, layerWidths, type LabConfig } from '../core/config';
import { KINDS } from '../core/kinds/registry';
import {
  checkDraft,
  chooseKind,
  draftFromConfig,
  draftWidths,
  EDITOR_TRAIN_SETTINGS,
  fieldOfPath,
  isDraftDirty,
  mergeDraft,
  proposedLayerWidth,
  type ConfigDraft,
} from './architectureDraft';
import type { SettingText } from './settingText';

/** The default config's draft with some settings typed. */
const draft = (text: Record<string, SettingText> = {}, from: LabConfig = DEFAULT_CONFIG): ConfigDraft => {
  const d = draftFromConfig(from);
  return { ...d, text: { ...d.text, ...text } };
};
const problemsOf = (d: ConfigDraft) => {
  const r = checkDraft(d);
  return r.ok ? {} : r.problems;
};

describe('architecture draft', () => {
  it('round-trips the default config unchanged and clean', () => {
    expect(checkDraft(draft())).toEqual({ ok: true, config: DEFAULT_CONFIG });
    expect(isDraftDirty(draft(), DEFAULT_CONFIG)).toBe(false);
  });

  it.each(Object.keys(KINDS) as (keyof typeof KINDS)[])('holds a %s model as it is: the draft of a config is that config', (kind) => {
    const config: LabConfig = { model: KINDS[kind].defaults, train: DEFAULT_CONFIG.train };
    expect(checkDraft(draftFromConfig(config))).toEqual({ ok: true, config });
    expect(isDraftDirty(draftFromConfig(config), config)).toBe(false);
  });

  it('accepts edited values and parses them to numbers', () => {
    const r = checkDraft(draft({ encoderLayers: [' 500 ', '250'], codeSize: '30', learningRate: '1e-3', optimizer: 'sgd', momentum: '0.5' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.model.kind === 'mlp' && r.config.model.encoderLayers).toEqual([500, 250]);
    expect(r.config.model.codeSize).toBe(30);
    expect(r.config.train.learningRate).toBe(0.001);
    expect(r.config.train.momentum).toBe(0.5);
    expect(isDraftDirty(draft({ codeSize: '30' }), DEFAULT_CONFIG)).toBe(true);
  });

  it('refuses each kind of bad value with the reason as a code with params, on the right field', () => {
    expect(problemsOf(draft({ encoderLayers: ['256', '0', '12.5', 'x'], codeSize: '1001', learningRate: '', batchSize: 'abc', trainSize: '999', outputActivation: 'linear' }))).toEqual({
      'encoderLayers.1': { code: 'range', params: { min: 1, max: 2000 } },
      'encoderLayers.2': { code: 'wholeNumber' },
      'encoderLayers.3': { code: 'notANumber' },
      codeSize: { code: 'range', params: { min: 1, max: 1000 } },
      learningRate: { code: 'notANumber' },
      batchSize: { code: 'notANumber' },
      trainSize: { code: 'range', params: { min: 1000, max: 60000 } },
      // A cross-field rule, found although other values were refused.
      loss: { code: 'loss.bceNeedsSigmoid' },
    });
  });

  it('carries the L2 penalty on the code both ways, and refuses one outside [0, 1]', () => {
    const penalised: LabConfig = { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, codeL2: 0.001 } };
    expect(draftFromConfig(penalised).text.codeL2).toBe('0.001');
    // Applying an untouched draft keeps the penalty (a lesson's preset is not lost on apply).
    expect(checkDraft(draftFromConfig(penalised))).toEqual({ ok: true, config: penalised });
    const edited = checkDraft(draft({ codeL2: ' 0.01 ' }));
    expect(edited.ok && edited.config.model.kind === 'mlp' && edited.config.model.codeL2).toBe(0.01);
    for (const [text, problem] of [
      ['-0.1', { code: 'range', params: { min: 0, max: 1 } }],
      ['2', { code: 'range', params: { min: 0, max: 1 } }],
      ['', { code: 'notANumber' }],
    ] as const) {
      expect(problemsOf(draft({ codeL2: text }))).toEqual({ codeL2: problem });
    }
  });

  it('refuses a fifth encoder layer on the layer list', () => {
    expect(problemsOf(draft({ encoderLayers: ['512', '256', '128', '64', '32'] }))).toEqual({ encoderLayers: { code: 'tooMany', params: { max: LIMITS.encoderLayers.max } } });
  });

  it('maps config paths to fields', () => {
    expect(fieldOfPath('model.encoderLayers.3')).toBe('encoderLayers.3');
    expect(fieldOfPath('model.encoderLayers')).toBe('encoderLayers');
    expect(fieldOfPath('train.learningRate')).toBe('learningRate');
    expect(fieldOfPath('model.loss')).toBe('loss');
  });

  it('holds the training settings the editor shows; the seed and the normal digits follow the applied config', () => {
    expect(EDITOR_TRAIN_SETTINGS).not.toContain('seed');
    expect(draft().text).not.toHaveProperty('seed');
    const seeded: LabConfig = { ...DEFAULT_CONFIG, train: { ...DEFAULT_CONFIG.train, seed: 9, normalDigits: [3] } };
    const r = checkDraft(draft({ codeSize: '5' }, seeded));
    expect(r.ok && r.config.train).toMatchObject({ seed: 9, normalDigits: [3] });
  });

  it('keeps the user edits and takes the rest from the new config when the applied config changes', () => {
    const before = DEFAULT_CONFIG;
    const after: LabConfig = { ...before, train: { ...before.train, seed: 7, batchSize: 128 }, model: { ...before.model, encoderLayers: [128] } };
    const merged = mergeDraft(draft({ batchSize: '32', codeSize: '10' }), before, after);
    expect(merged.kept.train.seed).toBe(7);
    expect(merged.text).toMatchObject({ encoderLayers: ['128'], batchSize: '32', codeSize: '10' });
    expect(mergeDraft(draft({ encoderLayers: ['300', '64'] }), before, after).text.encoderLayers).toEqual(['300', '64']);
    // Another kind applied elsewhere (a lesson link) is taken unless the user chose one.
    const vae: LabConfig = { model: KINDS.vae.defaults, train: before.train };
    expect(mergeDraft(draft(), before, vae).kind).toBe('vae');
    expect(mergeDraft(chooseKind(draft(), 'conv'), before, vae).kind).toBe('conv');
  });

  it('gives the diagram the mirrored widths, or nothing while a width is not a number', () => {
    expect(draftWidths(draft())).toEqual(layerWidths(DEFAULT_CONFIG.model));
    expect(draftWidths(draft({ encoderLayers: [], codeSize: '30' }))).toEqual([784, 30, 784]);
    expect(draftWidths(draft({ codeSize: '' }))).toBeUndefined();
    expect(draftWidths(draft({ encoderLayers: ['25x'] }))).toBeUndefined();
    expect(draftWidths(draft({ encoderLayers: ['12.5'] }))).toBeUndefined();
  });

  it('proposes a new layer width between the last layer and the code', () => {
    expect(proposedLayerWidth(draft())).toBe(32); // [256, 64] -> 32
    expect(proposedLayerWidth(draft({ encoderLayers: [], codeSize: '2' }))).toBe(392);
    expect(proposedLayerWidth(draft({ encoderLayers: ['40'], codeSize: '30' }))).toBe(60);
  });
});

describe('architecture draft: the variants', () => {
  it('carries the input noise both ways and refuses a level outside [0, 1]', () => {
    const denoising: LabConfig = { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, noise: 'mask', noiseLevel: 0.4 } };
    expect(draftFromConfig(denoising).text).toMatchObject({ noise: 'mask', noiseLevel: '0.4' });
    expect(checkDraft(draftFromConfig(denoising))).toEqual({ ok: true, config: denoising });
    const edited = checkDraft(draft({ noise: 'gaussian', noiseLevel: '0.25' }));
    expect(edited.ok && edited.config.model).toMatchObject({ noise: 'gaussian', noiseLevel: 0.25 });
    expect(problemsOf(draft({ noise: 'gaussian', noiseLevel: '1.5' }))).toEqual({ noiseLevel: { code: 'range', params: { min: 0, max: 1 } } });
  });

  it('refuses the contractive penalty with two hidden layers, on its own field', () => {
    const one: LabConfig = { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, encoderLayers: [64], contractive: 0.001 } };
    expect(checkDraft(draftFromConfig(one))).toEqual({ ok: true, config: one });
    expect(problemsOf(draft({ contractive: '0.001' }))).toEqual({ contractive: { code: 'contractive.depth' } });
  });
});

describe('kinds in the draft', () => {
  it('keeps a kind\'s settings and the normal digits when an edit is applied', () => {
    const applied: LabConfig = { model: { ...KINDS.vae.defaults, beta: 4 }, train: { ...DEFAULT_CONFIG.train, normalDigits: [0] } };
    const r = checkDraft(draft({ learningRate: '0.01' }, applied));
    expect(r.ok && r.config).toEqual({ model: applied.model, train: { ...applied.train, learningRate: 0.01 } });
  });

  it('edits a convolutional model: the dense layers are not its, bad channels are refused on their field', () => {
    const conv = chooseKind(draft(), 'conv');
    const d: ConfigDraft = { ...conv, text: { ...conv.text, convChannels: '8, 4', convDecoder: 'deconvolution' } };
    const r = checkDraft(d);
    expect(r.ok && r.config.model).toEqual({ ...KINDS.conv.defaults, codeSize: 2, convChannels: [8, 4], convDecoder: 'deconvolution' });
    expect(draftWidths(d)).toEqual([784, 14 * 14 * 8, 7 * 7 * 4, 2, 7 * 7 * 4, 14 * 14 * 8, 784]);
    // The MLP's layers typed before the switch are kept for a switch back, and refuse nothing here.
    expect(d.text.encoderLayers).toEqual(['256', '64']);
    expect(problemsOf({ ...d, text: { ...d.text, convChannels: '8, 4, 2' } })).toEqual({ convChannels: { code: 'tooMany', params: { max: 2 } } });
    expect(draftWidths({ ...d, text: { ...d.text, convChannels: '8, x' } })).toBeUndefined();
  });

  it('choosing a kind keeps what fits it and takes its defaults for what does not', () => {
    const vq = chooseKind(draft({ encoderLayers: ['128'] }), 'vq');
    // A 2-number code is no code of 8 positions: the VQ-VAE's 32; the layers fit.
    expect(vq.text).toMatchObject({ codeSize: '32', encoderLayers: ['128'], vqPositions: '8' });
    expect(checkDraft(vq).ok).toBe(true);
    const vae = chooseKind(draft({ outputActivation: 'linear', loss: 'mse', codeSize: '2' }), 'vae');
    expect(vae.text).toMatchObject({ outputActivation: 'sigmoid', loss: 'bce' });
    expect(checkDraft(vae).ok).toBe(true);
    // Back to the dense kind: nothing to repair, the VQ's settings stay in the draft.
    expect(chooseKind(vq, 'mlp').text).toEqual(vq.text);
  });

  it('a problem of a setting the kind does not have never shows (the VAE has no input noise)', () => {
    const vae = draft({ noiseLevel: '7' }, { model: KINDS.vae.defaults, train: DEFAULT_CONFIG.train });
    expect(checkDraft(vae).ok).toBe(true);
  });
});
