import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { randomClassifier } from './fineTune';
import { encodeThrough, LayerwisePretraining, reconstructionLoss } from './layerwise';
import { DEFAULT_PRETRAIN_CONFIG, type PretrainConfig } from './pretrainConfig';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Tiny "images": n rows of `width` values in [0, 1], seeded. */
function tinyImages(n: number, width: number): tf.Tensor2D {
  const rng = createRng(5);
  return tf.tensor2d(Float32Array.from({ length: n * width }, () => (rng() < 0.3 ? rng() : 0)), [n, width]);
}

const tiny = (over: Partial<PretrainConfig> = {}): PretrainConfig => ({
  ...DEFAULT_PRETRAIN_CONFIG,
  widths: [6, 4],
  trainSize: 1000,
  labels: 100,
  pretrainEpochs: 2,
  batchSize: 8,
  learningRate: 0.01,
  ...over,
});

describe('the reconstruction loss of each layer', () => {
  it('rebuilds pixels and sigmoid units with BCE, unbounded units with squared error', () => {
    expect(reconstructionLoss(0, 'relu')).toEqual({ loss: 'bce', outputActivation: 'sigmoid' });
    expect(reconstructionLoss(1, 'relu')).toEqual({ loss: 'mse', outputActivation: 'linear' });
    expect(reconstructionLoss(2, 'sigmoid')).toEqual({ loss: 'bce', outputActivation: 'sigmoid' });
  });
});

describe('encodeThrough', () => {
  it('applies frozen layers as computed by hand, across chunk boundaries', () => {
    // One ReLU layer 2 -> 2: W = [[1, -1], [2, 0]], b = [0, 1]; x = [1, 1] -> relu([3, 0]) = [3, 0];
    // x = [-1, 0.5] -> relu([0, 2]) = [0, 2]. 1,001 rows cross the 1,000-row chunk.
    const layer = {
      kernel: tf.variable(tf.tensor2d([1, -1, 2, 0], [2, 2])),
      bias: tf.variable(tf.tensor1d([0, 1])),
      activation: 'relu' as const,
    };
    const rows = Array.from({ length: 1001 }, (_, i) => (i % 2 === 0 ? [1, 1] : [-1, 0.5]));
    const x = tf.tensor2d(rows);
    const out = encodeThrough([layer], x, 'tape');
    const values = out.arraySync();
    expect(out.shape).toEqual([1001, 2]);
    expect(values[0]).toEqual([3, 0]);
    expect(values[1]).toEqual([0, 2]);
    expect(values[1000]).toEqual([3, 0]);
    tf.dispose([out, x, layer.kernel, layer.bias]);
  });
});

describe('greedy layer-wise pretraining', () => {
  it('trains layer 1 to reconstruct the input, then layer 2 on layer 1 outputs with layer 1 frozen', async () => {
    const x = tinyImages(64, 10);
    const lw = new LayerwisePretraining(x, tiny({ pretrainEpochs: 20 }));
    expect(lw.stepsPerLayer).toBe(160); // 20 epochs x 64 rows / batch 8
    expect(lw.layer).toBe(0);
    lw.steps(10);
    const early = await lw.readLoss();
    lw.steps(1000); // stops at the layer's end
    expect(lw.stepsInLayer).toBe(160);
    expect(lw.layerComplete).toBe(true);
    const late = await lw.readLoss();
    expect(late).toBeLessThan(early * 0.9);

    lw.finishLayer();
    expect(lw.layer).toBe(1);
    expect(lw.encoders).toHaveLength(1);
    expect(lw.encoders[0].kernel.shape).toEqual([10, 6]);
    const frozen = lw.encoders[0].kernel.dataSync().slice();
    lw.steps(50);
    expect(await lw.readLoss()).toBeGreaterThan(0);
    // Layer 2 trains on the first layer's outputs and never moves W1.
    expect(Array.from(lw.encoders[0].kernel.dataSync())).toEqual(Array.from(frozen));
    lw.steps(1000);
    lw.finishLayer();
    expect(lw.done).toBe(true);
    expect(lw.encoders.map((e) => e.kernel.shape)).toEqual([[10, 6], [6, 4]]);
    expect(lw.steps(5)).toBe(0);
    lw.dispose();
    x.dispose();
  });

  it('leaves no tensor behind: steps, loss read-backs, a finished layer, dispose', async () => {
    const x = tinyImages(32, 10);
    const before = tf.memory().numTensors;
    const lw = new LayerwisePretraining(x, tiny());
    lw.steps(2); // Adam makes its slots on the first step
    await lw.readLoss();
    const steady = tf.memory().numTensors;
    lw.steps(3);
    await lw.readLoss();
    expect(tf.memory().numTensors).toBe(steady);
    lw.steps(1000);
    lw.finishLayer();
    lw.steps(2);
    await lw.readLoss();
    lw.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Disposed in the middle of a layer as well.
    const again = new LayerwisePretraining(x, tiny());
    again.steps(3);
    again.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('starts each encoder from the random network’s own initial weights (a stack that learned nothing is that network)', async () => {
    const config = tiny({ seed: 7 });
    const x = tinyImages(20, 784);
    const lw = new LayerwisePretraining(x, config);
    lw.finishLayer();
    lw.finishLayer();
    const random = randomClassifier(config.widths, config.hiddenActivation, config.seed);
    for (const [i, encoder] of lw.encoders.entries()) {
      expect(Array.from(await encoder.kernel.data()), `layer ${i + 1}`).toEqual(Array.from(await random.layers[i].kernel.data()));
    }
    random.dispose();
    lw.dispose();
    x.dispose();
  });
});
