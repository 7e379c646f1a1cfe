import { describe, expect, it } from 'vitest';
import { checkConfig, configFromFull, DEFAULT_CONFIG, defaultFullModel, fullModel, MODEL_KINDS } from '../config';
import { KINDS } from './registry';
import { switchKind } from './switchKind';

const valid = (model: ReturnType<typeof defaultFullModel>) => checkConfig(configFromFull({ model, train: DEFAULT_CONFIG.train }));

describe('switchKind', () => {
  it.each(MODEL_KINDS)('any kind\'s defaults moved to %s give a valid model', (kind) => {
    for (const from of MODEL_KINDS) {
      const moved = switchKind(fullModel(KINDS[from].defaults), kind);
      expect(moved.kind).toBe(kind);
      expect(valid(moved).ok).toBe(true);
    }
  });

  it('keeps the values that fit the kind and takes the kind\'s defaults for the ones that do not', () => {
    const dense = { ...defaultFullModel(), codeSize: 2, encoderLayers: [128], noise: 'mask' as const, beta: 3 };
    // 2 numbers are no code of 8 VQ positions: the VQ-VAE's 32; the layers fit and stay.
    expect(switchKind(dense, 'vq')).toEqual({ ...dense, kind: 'vq', codeSize: 32 });
    // A linear output with MSE is no Bernoulli pixel model: the VAE's sigmoid and BCE.
    const linear = { ...dense, outputActivation: 'linear' as const, loss: 'mse' as const };
    expect(switchKind(linear, 'vae')).toMatchObject({ kind: 'vae', outputActivation: 'sigmoid', loss: 'bce', codeSize: 2, encoderLayers: [128], beta: 3 });
    // Settings of other kinds keep their values (the flat form keeps them for a later switch back).
    expect(switchKind(dense, 'conv').noise).toBe('mask');
    expect(dense.kind).toBe('mlp');
  });
});
