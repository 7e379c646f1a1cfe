import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../lessons';
import { lessonConfig } from '../../../lessons/preset';
import { DEFAULT_CONFIG, labConfigSchema, layerWidths, type MlpModelConfig } from '../../config';
import { architectureString, exportCode, kerasCode, pyFloat, pytorchCode, type DenseLabConfig } from './exportCode';
import { pythonLabRandom } from './exportCodeRandom';

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
