import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons';
import { lessonConfig } from '../lessons/preset';
import { DEFAULT_CONFIG, labConfigSchema, layerWidths, type MlpModelConfig } from './config';
import { loadMnistNode, mnistDataDir } from './data/mnistNode';
import { pixelMoments } from './data/dataset';
import { createRng, deriveSeed } from './data/rng';
import { architectureString, exportCode, kerasCode, pyFloat, pytorchCode, type DenseLabConfig } from './exportCode';
import { pythonLabRandom } from './exportCodeRandom';
import { outputBiasForMean } from './models/mlp';
import type { MlpEngine } from './train/mlpEngine';
import { Trainer } from './train/trainer';

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

const VARIED: Record<string, DenseLabConfig> = {
  default: DEFAULT_CONFIG,
  'no hidden layers, linear output, mse, sgd': config(
    { encoderLayers: [], codeSize: 30, hiddenActivation: 'tanh', outputActivation: 'linear', loss: 'mse' },
    { optimizer: 'sgd', learningRate: 0.05, momentum: 0.8, batchSize: 128, trainSize: 60000, seed: 0 },
  ),
  "the paper's 784-1000-500-250-30, elu, rmsprop": config(
    { encoderLayers: [1000, 500, 250], codeSize: 30, hiddenActivation: 'elu' },
    { optimizer: 'rmsprop', learningRate: 0.0005, seed: 2 ** 31 - 1 },
  ),
  'sparse: sigmoid code of 200 with KL toward 0.05 and an L2 penalty': config({ encoderLayers: [300], codeSize: 200, codeActivation: 'sigmoid', sparsity: 'kl', sparsityWeight: 0.001, codeL2: 0.01 }),
  'one sigmoid layer, sigmoid output with mse, adam 1e-5': config(
    { encoderLayers: [128], codeSize: 8, hiddenActivation: 'sigmoid', loss: 'mse' },
    { learningRate: 1e-5, batchSize: 1024, trainSize: 1000 },
  ),
  'four tanh layers, 1-number code, rmsprop at 1': config(
    { encoderLayers: [512, 256, 128, 64], codeSize: 1, hiddenActivation: 'tanh', outputActivation: 'linear', loss: 'mse' },
    { optimizer: 'rmsprop', learningRate: 1, batchSize: 1 },
  ),
  'widths at the limits, sgd without momentum': config(
    { encoderLayers: [2000, 1], codeSize: 64 },
    { optimizer: 'sgd', learningRate: 0.1, momentum: 0 },
  ),
};

const LESSON_CONFIGS: Record<string, DenseLabConfig> = Object.fromEntries(
  // Show as code writes the dense kind only (the page disables it for the others).
  LESSONS.filter((l) => lessonConfig(l).model.kind === 'mlp').map((l) => [`lesson ${l.id}`, dense(lessonConfig(l))]),
);

const TORCH_ACTIVATION = { relu: 'ReLU', elu: 'ELU', tanh: 'Tanh', sigmoid: 'Sigmoid' } as const;

/** [width, activation or undefined] of every `layers.Dense(...)` in order. */
function kerasDenseLayers(code: string): [number, string | undefined][] {
  return [...code.matchAll(/layers\.Dense\((\d+)(?:, activation="(\w+)")?/g)].map((m) => [Number(m[1]), m[2]]);
}

/** [in, out, activation module or undefined] of every `nn.Linear(...)` in order. */
function torchLinearLayers(code: string): [number, number, string | undefined][] {
  return [...code.matchAll(/nn\.Linear\((\d+), (\d+)\)(?:, nn\.(\w+)\(\))?/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
    m[3],
  ]);
}

/** Activation of each layer, input to output: hidden, the code's (none when linear), then the output's. */
function expectedActivations(c: DenseLabConfig, names: Record<string, string>, sigmoid: string): (string | undefined)[] {
  const depth = c.model.encoderLayers.length;
  const hidden = names[c.model.hiddenActivation];
  return [
    ...Array<string>(depth).fill(hidden),
    c.model.codeActivation === 'linear' ? undefined : names[c.model.codeActivation],
    ...Array<string>(depth).fill(hidden),
    c.model.outputActivation === 'sigmoid' ? sigmoid : undefined,
  ];
}

function checkKeras(c: DenseLabConfig): void {
  const code = kerasCode(c);
  const widths = layerWidths(c.model);
  const dense = kerasDenseLayers(code);
  expect(dense.map((d) => d[0])).toEqual(widths.slice(1));
  const identity = { relu: 'relu', elu: 'elu', tanh: 'tanh', sigmoid: 'sigmoid' };
  expect(dense.map((d) => d[1])).toEqual(expectedActivations(c, identity, 'sigmoid'));
  // The encoder takes 784 pixels, the decoder a code; the code layer is named.
  expect([...code.matchAll(/keras\.Input\(shape=\((\d+),\)\)/g)].map((m) => Number(m[1]))).toEqual([784, c.model.codeSize, 784]);
  expect(code).toContain(c.model.codeActivation === 'linear' ? `layers.Dense(${c.model.codeSize}, name="code")` : `layers.Dense(${c.model.codeSize}, activation="${c.model.codeActivation}", name="code")`);
  expect(code).toContain(`loss="${c.model.loss === 'bce' ? 'binary_crossentropy' : 'mse'}"`);
  const lr = pyFloat(c.train.learningRate);
  const optimizer = {
    adam: `keras.optimizers.Adam(learning_rate=${lr}, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`,
    sgd: `keras.optimizers.SGD(learning_rate=${lr}, momentum=${pyFloat(c.train.momentum)})`,
    rmsprop: `keras.optimizers.RMSprop(learning_rate=${lr}, rho=0.9, epsilon=1e-7)`,
  }[c.train.optimizer];
  expect(code).toContain(`optimizer=${optimizer},`);
  expect(code).toContain('keras.datasets.mnist.load_data()');
  checkShared(code, c);
}

function checkTorch(c: DenseLabConfig): void {
  const code = pytorchCode(c);
  const widths = layerWidths(c.model);
  const linears = torchLinearLayers(code);
  expect(linears.map((l) => [l[0], l[1]])).toEqual(widths.slice(0, -1).map((w, i) => [w, widths[i + 1]]));
  expect(linears.map((l) => l[2])).toEqual(expectedActivations(c, TORCH_ACTIVATION, 'Sigmoid'));
  // The encoder ends at the code layer, the decoder starts from it.
  const encoder = code.slice(code.indexOf('encoder = nn.Sequential('), code.indexOf('decoder = nn.Sequential('));
  expect(torchLinearLayers(encoder).at(-1)?.[1]).toBe(c.model.codeSize);
  const input = c.model.noise === 'none' ? 'x' : 'corrupt(x)';
  if (c.model.loss === 'bce') {
    expect(code).toContain('loss_fn = nn.BCEWithLogitsLoss()');
    expect(code).toContain('decoder_logits = decoder[:-1]');
    expect(code).toContain(c.model.codeL2 > 0 || c.model.contractive > 0 || c.model.sparsity !== 'none' ? 'reconstruction_loss = loss_fn(decoder_logits(code), x)' : `loss = loss_fn(decoder_logits(encoder(${input})), x)`);
  } else {
    expect(code).toContain('loss_fn = nn.MSELoss()');
    expect(code).toContain(c.model.codeL2 > 0 || c.model.contractive > 0 || c.model.sparsity !== 'none' ? 'reconstruction_loss = loss_fn(decoder(code), x)' : `loss = loss_fn(decoder(encoder(${input})), x)`);
    expect(code).not.toContain('BCE');
  }
  const lr = pyFloat(c.train.learningRate);
  const optimizer = {
    adam: `torch.optim.Adam(parameters, lr=${lr}, betas=(0.9, 0.999), eps=1e-7)`,
    sgd: `torch.optim.SGD(parameters, lr=${lr}, momentum=${pyFloat(c.train.momentum)})`,
    rmsprop: `torch.optim.RMSprop(parameters, lr=${lr}, alpha=0.9, eps=1e-7)`,
  }[c.train.optimizer];
  expect(code).toContain(`optimizer = ${optimizer}\n`);
  expect(code).toContain('datasets.MNIST("data", train=True, download=True)');
  checkShared(code, c);
}

/** What both scripts share: header, constants, the lab's random choices, the test number. */
function checkShared(code: string, c: DenseLabConfig): void {
  expect(code.startsWith('# Autoencoder Lab')).toBe(true);
  expect(code).toContain(`# Architecture ${layerWidths(c.model).join('-')}\n`);
  expect(code).toContain(`\nSEED = ${c.train.seed}\n`);
  expect(code).toContain(`\nTRAIN_SIZE = ${c.train.trainSize}  #`);
  expect(code).toContain(`\nBATCH_SIZE = ${c.train.batchSize}\n`);
  expect(code).toContain(`\nCODE_SIZE = ${c.model.codeSize}  #`);
  expect(code).toContain(pythonLabRandom(c.model.outputActivation));
  expect(code).toContain('seeded_subset(len(x_train_all), TRAIN_SIZE, SEED)');
  expect(code).toContain('lab_batches(TRAIN_SIZE, BATCH_SIZE, SEED)');
  expect(code).toContain('LabRandom(derive_seed(SEED, 1))');
  expect(code).toContain('mean_digit_bias(x_train');
  const start = code.indexOf('def squared_error_per_image(x):');
  const body = code.slice(start, code.indexOf('\n\n', start));
  expect(start).toBeGreaterThan(0);
  // Squared differences, summed over the 784 pixels (axis 1), averaged over the images.
  expect(body).toMatch(/\(x - reconstruction\) \*\* 2/);
  expect(body).toMatch(/sum\((.*, )?(axis|dim)=1\)/);
  expect(body).toContain('mean(');
  expect(code).toContain('squared_error_per_image(x_test[:1000])');
  expect(code).toContain('squared_error_per_image(x_test)');
  expect(code).not.toMatch(/undefined|NaN|\[object /);
}

describe('architectureString and pyFloat', () => {
  it('writes the widths as the lecture does', () => {
    expect(architectureString(DEFAULT_CONFIG.model)).toBe('784-256-64-2-64-256-784');
    expect(architectureString({ ...DEFAULT_CONFIG.model, encoderLayers: [], codeSize: 30 })).toBe('784-30-784');
  });

  it('gives Python float literals', () => {
    expect(pyFloat(0.002)).toBe('0.002');
    expect(pyFloat(1)).toBe('1.0');
    expect(pyFloat(0)).toBe('0.0');
    expect(pyFloat(1e-7)).toBe('1e-7');
    expect(pyFloat(0.00001)).toBe('0.00001');
    expect(() => pyFloat(Number.NaN)).toThrow();
  });
});

describe.each(Object.entries({ ...VARIED, ...LESSON_CONFIGS }))('%s', (_name, c) => {
  it('Keras: layer widths, activations, loss and optimizer as the lab trains', () => checkKeras(c));
  it('PyTorch: layer widths, activations, loss and optimizer as the lab trains', () => checkTorch(c));
});

describe('the L2 penalty on the code', () => {
  const penalised = config({ codeL2: 0.0025 });

  it('Keras: a pass-through layer adds CODE_L2 x mean over the batch of the squared code length', () => {
    const code = kerasCode(penalised);
    expect(code).toContain('\nCODE_L2 = 0.0025  #');
    expect(code).toContain('self.add_loss(CODE_L2 * keras.ops.mean(keras.ops.sum(keras.ops.square(code), axis=1)))');
    expect(code).toContain('decoder(CodePenalty()(encoder(inputs)))');
    expect(code).toContain('plus 0.0025 x the squared length of the code');
  });

  it('PyTorch: the explicit term on the loss; the printed train loss is the reconstruction alone', () => {
    const code = pytorchCode(penalised);
    expect(code).toContain('\nCODE_L2 = 0.0025  #');
    expect(code).toContain('loss = reconstruction_loss + CODE_L2 * (code**2).sum(dim=1).mean()');
    expect(code).toContain('reconstruction_loss = loss_fn(decoder_logits(code), x)');
    expect(code).toContain('total += reconstruction_loss.item()');
  });

  it('is absent without a penalty', () => {
    for (const code of [kerasCode(DEFAULT_CONFIG), pytorchCode(DEFAULT_CONFIG)]) expect(code).not.toMatch(/CODE_L2|CodePenalty|penalty/);
  });
});

describe('options', () => {
  it('sets the number of epochs and refuses a bad one', () => {
    expect(exportCode(DEFAULT_CONFIG, 'keras', { epochs: 12 })).toContain('\nEPOCHS = 12  #');
    expect(exportCode(DEFAULT_CONFIG, 'pytorch')).toContain('\nEPOCHS = 5  #');
    expect(() => exportCode(DEFAULT_CONFIG, 'pytorch', { epochs: 0 })).toThrow(RangeError);
    expect(() => exportCode(DEFAULT_CONFIG, 'keras', { epochs: 1.5 })).toThrow(RangeError);
  });

  it('covers every lesson', () => {
    expect(Object.keys(LESSON_CONFIGS).length).toBeGreaterThanOrEqual(4);
  });
});

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
const hasNumpy = hasPython && spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

/** Runs a Python program with `input` on stdin; returns stdout, throws with stderr on failure. */
function runPython(program: string, input = ''): string {
  const r = spawnSync('python3', ['-c', program], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

describe('the generated Python', () => {
  it('compiles: every script for every config', (ctx) => {
    if (!hasPython) {
      ctx.skip('python3 is not on this machine: the generated Python was not compiled');
      return;
    }
    const scripts = Object.entries({ ...VARIED, ...LESSON_CONFIGS }).flatMap(([name, c]) => [
      { name: `${name} (keras)`, code: kerasCode(c) },
      { name: `${name} (pytorch)`, code: pytorchCode(c) },
    ]);
    // compile() (not only ast.parse) also catches errors found after parsing, e.g. a
    // `return` outside a function.
    const out = runPython(
      [
        'import json, sys',
        'bad = []',
        'for s in json.load(sys.stdin):',
        '    try:',
        '        compile(s["code"], s["name"], "exec")',
        '    except SyntaxError as e:',
        '        bad.append(f"{s[\'name\']}: line {e.lineno}: {e.msg}")',
        'print(json.dumps({"count": len(bad), "bad": bad}))',
      ].join('\n'),
      JSON.stringify(scripts),
    );
    expect(JSON.parse(out)).toEqual({ count: 0, bad: [] });
  });

  it('compiling is a real check: a broken script is reported', (ctx) => {
    if (!hasPython) {
      ctx.skip('python3 is not on this machine');
      return;
    }
    const broken = kerasCode(DEFAULT_CONFIG).replace('autoencoder.compile(', 'autoencoder.compile((');
    expect(() => runPython('import sys; compile(sys.stdin.read(), "k", "exec")', broken)).toThrow(/SyntaxError/);
  });
});

/**
 * The Python's random choices against the lab's own, on real MNIST: the training subset, the
 * starting weights of every layer, the output bias and the batch order across epochs.
 */
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
        Array.from(trainer['outputBias'] as Float32Array),
      );

      const bias = trainer['outputBias'] as Float32Array;
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
