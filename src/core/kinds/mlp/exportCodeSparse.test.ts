/**
 * Show as code for the sparse autoencoder: the code layer's activation and the penalty appear
 * in both scripts with the lab's scaling; a plain config's scripts do not mention them.
 * (exportCode.test.ts compiles every script of every lesson, the sparse one included.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config';
import { kerasCode, pytorchCode, type DenseLabConfig } from './exportCode';
import { findLesson } from '../../../lessons';
import { lessonConfig } from '../../../lessons/preset';

const lesson = lessonConfig(findLesson('sparse')!);
if (lesson.model.kind !== 'mlp') throw new Error('the sparse lesson is a dense model');
const sparseLesson: DenseLabConfig = { model: lesson.model, train: lesson.train };
const kl: DenseLabConfig = { ...sparseLesson, model: { ...sparseLesson.model, codeActivation: 'sigmoid', sparsity: 'kl', sparsityWeight: 0.001, sparsityTarget: 0.05 } };

describe('Show as code, sparse autoencoder', () => {
  it('L1 on a ReLU code of 1000: the code layer, the constants and the penalty term in Keras and PyTorch', () => {
    const keras = kerasCode(sparseLesson);
    expect(keras).toContain('layers.Dense(1000, activation="relu", name="code")');
    expect(keras).toContain('SPARSITY_WEIGHT = 0.0001');
    expect(keras).toContain('self.add_loss(SPARSITY_WEIGHT * keras.ops.mean(keras.ops.sum(keras.ops.abs(code), axis=1)))');
    expect(keras).toContain('decoder(SparsityPenalty()(encoder(inputs)))');
    expect(keras).toContain('a relu code of 1000 numbers');
    const torch = pytorchCode(sparseLesson);
    expect(torch).toContain('nn.Linear(784, 1000), nn.ReLU(),');
    expect(torch).toContain('loss = reconstruction_loss + SPARSITY_WEIGHT * code.abs().sum(dim=1).mean()');
  });

  it('KL toward ρ on a sigmoid code: RHO and the Bernoulli divergence of the batch means', () => {
    const keras = kerasCode(kl);
    expect(keras).toContain('RHO = 0.05');
    expect(keras).toContain('keras.ops.clip(keras.ops.mean(code, axis=0), 1e-6, 1 - 1e-6)');
    const torch = pytorchCode(kl);
    expect(torch).toContain('nn.Sigmoid(),  # the code');
    expect(torch).toContain('RHO * torch.log(RHO / q) + (1 - RHO) * torch.log((1 - RHO) / (1 - q))');
  });

  it('a plain config says nothing of sparsity', () => {
    for (const code of [kerasCode(DEFAULT_CONFIG), pytorchCode(DEFAULT_CONFIG)]) {
      expect(code).not.toMatch(/SPARSITY|RHO|SparsityPenalty/);
      expect(code).toContain('linear');
    }
  });
});
