/**
 * Show as code, checked by running the generated Python (python3 with numpy; skipped without):
 * the lab's random choices (training subset, starting weights, output bias, batch order) equal
 * the Trainer's, and the variants' generated pieces compute what the lab computes.
 * (exportCode.test.ts checks the scripts' text and compiles them.)
 */
import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, labConfigSchema, layerWidths, type MlpModelConfig } from '../../config';
import { loadMnistNode, mnistDataDir } from '../../data/mnistNode';
import { pixelMoments } from '../../data/dataset';
import { createRng, deriveSeed } from '../../data/rng';
import { kerasCode, pytorchCode, type DenseLabConfig } from './exportCode';
import { pythonLabRandom } from './exportCodeRandom';
import { outputBiasForMean } from '../../models/denseStack';
import type { MlpEngine } from './engine';
import { Trainer } from '../../train/trainer';

/** A config of the dense kind from overrides, checked against the lab's own schema. */
function config(model: Partial<MlpModelConfig>, train: Partial<DenseLabConfig['train']> = {}): DenseLabConfig {
  return dense(
    labConfigSchema.parse({
      model: { ...DEFAULT_CONFIG.model, ...model },
      train: { ...DEFAULT_CONFIG.train, ...train },
    }),
  );
}

/** The config as one of the dense kind (the kind the scripts write). */
function dense(c: { model: { kind: string }; train: DenseLabConfig['train'] }): DenseLabConfig {
  if (c.model.kind !== 'mlp') throw new Error(`not a dense model: ${c.model.kind}`);
  return c as DenseLabConfig;
}

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
const hasNumpy = hasPython && spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

/** Runs a Python program with `input` on stdin; returns stdout, throws with stderr on failure. */
function runPython(program: string, input = ''): string {
  const r = spawnSync('python3', ['-c', program], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

describe('the lab random choices in Python equal the trainer', () => {
  const seed = 20240611;
  const c = config({ encoderLayers: [16], codeSize: 3 }, { trainSize: 1000, batchSize: 96, seed });
  const batchCount = 25; // 2,400 rows: past the end of the second pass over 1,000 digits

  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('subset, weights, output bias and batch order', async (ctx) => {
    if (!hasNumpy) {
      ctx.skip('python3 with numpy is not on this machine: the Python random choices were not run');
      return;
    }
    const driver = `
import json, sys
import numpy as np
${pythonLabRandom('sigmoid')}
args = json.loads(sys.stdin.read())
images = np.fromfile(args["images"], dtype=np.uint8, offset=16).reshape(-1, 784)
x_train_all = images.astype("float32") / 255
subset = seeded_subset(len(x_train_all), args["trainSize"], args["seed"])
x_train = x_train_all[subset]
rng = LabRandom(derive_seed(args["seed"], 1))
kernels = [glorot_uniform(a, b, rng).ravel().tolist() for a, b in args["shapes"]]
batches = lab_batches(args["trainSize"], args["batchSize"], args["seed"])
print(json.dumps({
    "subset": subset.tolist(),
    "bias": mean_digit_bias(x_train).tolist(),
    "kernels": kernels,
    "batches": [next(batches).tolist() for _ in range(args["batchCount"])],
}))
`;
    const widths = layerWidths(c.model);
    const shapes = widths.slice(0, -1).map((w, i) => [w, widths[i + 1]]);
    const out = JSON.parse(
      runPython(
        driver,
        JSON.stringify({
          images: `${mnistDataDir()}/train-images-idx3-ubyte`,
          trainSize: c.train.trainSize,
          batchSize: c.train.batchSize,
          seed,
          shapes,
          batchCount,
        }),
      ),
    ) as { subset: number[]; bias: number[]; kernels: number[][]; batches: number[][] };

    const trainer = new Trainer(loadMnistNode(), c);
    try {
      expect(out.subset).toEqual(Array.from(trainer.trainIndices));

      // Private fields read on purpose: the Python must match the trainer itself, and a change
      // there should fail here (then the generated Python needs the same change).
      const model = (trainer['engine'] as MlpEngine).mlp;
      const layers = [...model.encoderLayers, ...model.decoderLayers];
      expect(layers.length).toBe(out.kernels.length);
      layers.forEach((layer, i) => {
        expect(layer.kernel.shape).toEqual(shapes[i]);
        expect(out.kernels[i]).toEqual(Array.from(layer.kernel.dataSync()));
      });
      expect(Array.from(layers.at(-1)!.bias.dataSync())).toEqual(
        Array.from(trainer['resident'].outputBias),
      );

      const bias = trainer['resident'].outputBias;
      expect(out.bias.length).toBe(784);
      const worst = Math.max(...out.bias.map((b, p) => Math.abs(b - bias[p])));
      expect(worst).toBeLessThan(1e-5);

      const nextBatch = () => Array.from((trainer['nextBatch'] as () => Int32Array).call(trainer));
      for (let b = 0; b < batchCount; b++) expect(out.batches[b], `batch ${b}`).toEqual(nextBatch());
    } finally {
      trainer.dispose();
    }
  });

  it('the stream, derived seeds and the linear-output bias', (ctx) => {
    if (!hasNumpy) {
      ctx.skip('python3 with numpy is not on this machine');
      return;
    }
    const seeds = [0, 1, 7, 123456789, 2 ** 31 - 1];
    const driver = `
import json
import numpy as np
${pythonLabRandom('linear')}
seeds = ${JSON.stringify(seeds)}
rng = LabRandom(99)
head = rng.uniform(3).tolist()
print(json.dumps({
    "streams": [LabRandom(s).uniform(500).tolist() for s in seeds],
    "split": head + rng.uniform(497).tolist(),
    "derived": [[derive_seed(s, k) for k in (1, 2, 3)] for s in seeds],
    "bias": mean_digit_bias(np.array([[0.0, 0.5, 1.0], [0.2, 0.5, 1.0]], np.float32)).tolist(),
}))
`;
    const out = JSON.parse(runPython(driver)) as {
      streams: number[][];
      split: number[];
      derived: number[][];
      bias: number[];
    };
    const draw = (s: number, n: number) => {
      const rng = createRng(s);
      return Array.from({ length: n }, () => rng());
    };
    seeds.forEach((s, i) => expect(out.streams[i], `seed ${s}`).toEqual(draw(s, 500)));
    expect(out.split).toEqual(draw(99, 500));
    expect(out.derived).toEqual(seeds.map((s) => [1, 2, 3].map((k) => deriveSeed(s, k))));
    const mean = pixelMoments(Float32Array.from([0, 0.5, 1, 0.2, 0.5, 1]), 3).mean;
    expect(out.bias).toEqual(Array.from(outputBiasForMean(mean, 'linear')));
    expect(out.bias).toEqual(Array.from(Float32Array.from([0.1, 0.5, 1])));
  });
});

describe('the denoising variant (issue 4)', () => {
  const denoising = config({ noise: 'saltPepper', noiseLevel: 0.4 });
  it('Keras feeds corrupted batches against the clean ones; PyTorch corrupts the encoder input', () => {
    const keras = kerasCode(denoising);
    expect(keras).toContain('batches = ((corrupt(x_train[rows]), x_train[rows]) for rows in lab_batches(');
    expect(keras).toContain('NOISE = "saltPepper"');
    expect(keras).toContain('NOISE_LEVEL = 0.4');
    expect(keras).toMatch(/# Denoising: trained on corrupted digits against the clean ones; salt and pepper/);
    const torch = pytorchCode(denoising);
    expect(torch).toContain('loss = loss_fn(decoder_logits(encoder(corrupt(x))), x)');
    expect(torch).toContain('return torch.from_numpy(noisy)');
    for (const code of [kerasCode(DEFAULT_CONFIG), pytorchCode(DEFAULT_CONFIG)]) expect(code).not.toMatch(/corrupt|NOISE/);
  });

  it('the generated corrupt() does what the lab does, for each noise (numpy)', (ctx) => {
    if (!hasNumpy) {
      ctx.skip('numpy is not on this machine');
      return;
    }
    for (const [noise, level, check] of [
      ['mask', 0.3, 'abs((y == 0).mean() - 0.3) < 0.01 and set(np.unique(y)) <= {0.0, 0.5}'],
      ['saltPepper', 0.4, 'abs((y == 1).mean() - 0.2) < 0.01 and abs((y == 0).mean() - 0.2) < 0.01'],
      ['gaussian', 0.1, 'abs((y - 0.5).std() - 0.1) < 0.003 and y.min() >= 0 and y.max() <= 1'],
    ] as const) {
      const code = kerasCode(config({ noise, noiseLevel: level }));
      const corruptDef = code.slice(code.indexOf('noise_rng = '), code.indexOf('# MNIST:'));
      const out = runPython(
        ['import numpy as np', 'SEED = 1', `NOISE = "${noise}"`, `NOISE_LEVEL = ${level}`, corruptDef.replace(/# -+\s*$/, ''),
          'y = corrupt(np.full((200, 784), 0.5, np.float32))', `print(y.dtype == np.float32 and bool(${check}))`].join('\n'),
      );
      expect(out.trim(), noise).toBe('True');
    }
  });
});

describe('the contractive variant (issue 4)', () => {
  for (const encoderLayers of [[64], []]) {
    const c = config({ encoderLayers, codeSize: 16, hiddenActivation: 'sigmoid', contractive: 0.001 });
    it(`${encoderLayers.length} hidden layer(s): Keras adds the closed-form penalty in a layer; PyTorch adds it to the loss`, () => {
      const keras = kerasCode(c);
      expect(keras).toContain('CONTRACTIVE = 0.001');
      expect(keras).toContain('class ContractivePenalty(layers.Layer):');
      expect(keras).toContain(encoderLayers.length ? 'encoder.layers[1](ContractivePenalty()(encoder.layers[0](inputs)))' : 'ContractivePenalty()(encoder(inputs))');
      const torch = pytorchCode(c);
      expect(torch).toContain('def contractive_penalty(h):');
      expect(torch).toMatch(/loss = reconstruction_loss \+ CONTRACTIVE \* contractive_penalty\((h|None)\)/);
      expect(torch).toContain('total += reconstruction_loss.item()');
      if (encoderLayers.length) expect(torch).toContain('g = (w2.T @ w2) * (w1 @ w1.T)');
    });
  }

  it('the PyTorch closed form, written in nn.Linear\'s [out, in] layout, equals the Jacobian of the encoder (numpy)', (ctx) => {
    if (!hasNumpy) {
      ctx.skip('numpy is not on this machine');
      return;
    }
    // The expression of torchContractive with numpy arrays for torch's weights, against the
    // Jacobian W2ᵀ diag(d) W1ᵀ built directly.
    const out = runPython([
      'import numpy as np',
      'rng = np.random.default_rng(3)',
      'W1 = rng.normal(size=(9, 5)); W2 = rng.normal(size=(5, 3)); x = rng.normal(size=(4, 9))',
      'h = 1 / (1 + np.exp(-(x @ W1)))',
      'w1, w2 = W1.T, W2.T  # nn.Linear weights',
      'd = h * (1 - h)',
      'g = (w2.T @ w2) * (w1 @ w1.T)',
      'closed = ((d @ g) * d).sum(axis=1)',
      'exact = np.array([np.sum((W2.T @ np.diag(di) @ W1.T) ** 2) for di in d])',
      'print(bool(np.allclose(closed, exact)))',
    ].join('\n'));
    expect(out.trim()).toBe('True');
  });
});
