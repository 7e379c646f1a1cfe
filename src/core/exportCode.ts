/**
 * "Show as code": the lab's current model and training settings as a runnable Python script,
 * in Keras or in PyTorch, so a student can take the model further.
 *
 * The scripts build what models/mlp.ts builds (784 -> encoderLayers -> a linear code ->
 * mirrored layers -> 784, hidden and output activations as configured), train it as
 * train/trainer.ts does (mean loss per pixel: binary cross-entropy or squared error; Adam,
 * SGD with momentum or RMSprop with tfjs's constants; the seeded training subset, starting
 * weights and batch order of exportCodeRandom.ts; an L2 penalty on the code when codeL2 > 0,
 * as the explicit term codeL2 x mean over the batch of sum_j z_j²) and print the lab's test number: the
 * squared error per image (sum over 784 pixels, mean over test images). Encoder and decoder
 * stay separate models, so the decoder alone can turn any code into an image.
 *
 * Pure string generation from a LabConfig: no tfjs, runs anywhere.
 */
import { IMAGE_SIZE, layerWidths, type HiddenActivation, type LabConfig, type MlpModelConfig, type ModelConfig, type TrainConfig } from './config';
import { pythonLabRandom } from './exportCodeRandom';
import {
  kerasContractive,
  kerasEncoded,
  pythonCorrupt,
  torchContractive,
  torchContractiveStep,
  trainingInput,
  variantConstants,
  variantHeader,
} from './exportCodeVariants';
import { codeKind, kerasCodeLayer, kerasSparseWrap, kerasSparsity, sparseConstants, sparseHeader, sparsityOn, torchCodeLayerTail, torchSparsityTerm } from './exportCodeSparse';

export const CODE_LANGUAGES = ['keras', 'pytorch'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** What a student installs to run each script. */
export const INSTALL: Readonly<Record<CodeLanguage, string>> = {
  keras: 'pip install keras tensorflow numpy',
  pytorch: 'pip install torch torchvision numpy',
};

/**
 * A file name for each script. Not "torch.py" or "keras.py": a script with a library's name
 * shadows the library it imports.
 */
export const FILE_NAME: Readonly<Record<CodeLanguage, string>> = {
  keras: 'autoencoder_keras.py',
  pytorch: 'autoencoder_pytorch.py',
};

export interface ExportOptions {
  /** Passes over the training set the script trains for (default 5). */
  epochs?: number;
}

export const DEFAULT_EPOCHS = 5;

/**
 * tfjs's Adam and RMSprop epsilon (the float32 backends' epsilon), written out because
 * PyTorch's default (1e-8) differs.
 */
const EPSILON = '1e-7';

/** The whole autoencoder's widths as the lecture writes them, e.g. "784-256-64-2-64-256-784". */
export function architectureString(model: ModelConfig): string {
  return layerWidths(model).join('-');
}

/** A config of the dense kind, the one kind the scripts write. */
export interface DenseLabConfig {
  model: MlpModelConfig;
  train: TrainConfig;
}

/**
 * The script for one framework; '' for a kind the scripts do not write (its KindModule's
 * codeExport says why).
 */
export function exportCode(config: LabConfig, language: CodeLanguage, options: ExportOptions = {}): string {
  if (config.model.kind !== 'mlp') return '';
  const dense = { model: config.model, train: config.train };
  return language === 'keras' ? kerasCode(dense, options) : pytorchCode(dense, options);
}

/** A Keras 3 script (TensorFlow, JAX or PyTorch backend; tf.keras 2.x also runs it). */
export function kerasCode(config: DenseLabConfig, options: ExportOptions = {}): string {
  const { model } = config;
  const encoderWidths = [...model.encoderLayers, model.codeSize];
  const decoderWidths = [...[...model.encoderLayers].reverse(), IMAGE_SIZE];
  const encoderLines = encoderWidths.map((w, i) =>
    i === encoderWidths.length - 1
      ? kerasCodeLayer(model, w)
      : `layers.Dense(${w}, activation="${model.hiddenActivation}"),`,
  );
  const decoderLines = decoderWidths.map((w, i) =>
    i === decoderWidths.length - 1
      ? model.outputActivation === 'sigmoid'
        ? `layers.Dense(${w}, activation="sigmoid"),  # pixels in (0, 1)`
        : `layers.Dense(${w}),  # linear output (the lab clamps it to [0, 1] only to draw it)`
      : `layers.Dense(${w}, activation="${model.hiddenActivation}"),`,
  );
  const sequential = (name: string, inputWidth: number, lines: string[]) =>
    [
      `${name} = keras.Sequential(`,
      '    [',
      `        keras.Input(shape=(${inputWidth},)),`,
      ...lines.map((l) => `        ${l}`),
      '    ],',
      `    name="${name}",`,
      ')',
    ].join('\n');

  return `${header(config, 'keras', options)}

import math

import keras
import numpy as np
from keras import layers

${constants(config, options)}

${pythonLabRandom(model.outputActivation)}${pythonCorrupt(model, false)}

# -------------------------------------------------------------------------------------
# MNIST: 28 x 28 digits, each flattened to 784 pixels scaled to [0, 1].
(x_train_all, _), (x_test, _) = keras.datasets.mnist.load_data()
x_train_all = x_train_all.reshape(-1, 784).astype("float32") / 255  # [60000, 784]
x_test = x_test.reshape(-1, 784).astype("float32") / 255  # [10000, 784]
x_train = x_train_all[seeded_subset(len(x_train_all), TRAIN_SIZE, SEED)]  # [TRAIN_SIZE, 784]

# -------------------------------------------------------------------------------------
# The autoencoder: an encoder (image -> code) and a decoder (code -> image), kept as two
# models so the decoder alone can draw the image of any code.
${sequential('encoder', IMAGE_SIZE, encoderLines)}
${sequential('decoder', model.codeSize, decoderLines)}
${kerasPenalty(model)}${kerasContractive(model)}${kerasSparsity(model)}inputs = keras.Input(shape=(784,))
autoencoder = keras.Model(inputs, decoder(${kerasSparseWrap(model, model.codeL2 > 0 ? `CodePenalty()(${kerasEncoded(model)})` : kerasEncoded(model))}), name="autoencoder")

# Starting weights as the lab draws them: Glorot uniform from the seed, layer by layer from
# the input to the output, zero biases, and an output bias that draws the mean digit.
rng = LabRandom(derive_seed(SEED, 1))
dense_layers = encoder.layers + decoder.layers
for layer in dense_layers:
    fan_in, fan_out = layer.get_weights()[0].shape  # the kernel is [in, out], as in the lab
    layer.set_weights([glorot_uniform(fan_in, fan_out, rng), np.zeros(fan_out, np.float32)])
output_layer = dense_layers[-1]
output_layer.set_weights([output_layer.get_weights()[0], mean_digit_bias(x_train)])

# -------------------------------------------------------------------------------------
# Training: ${lossSentence(model)}
autoencoder.compile(
    optimizer=${kerasOptimizer(config)},
    loss="${model.loss === 'bce' ? 'binary_crossentropy' : 'mse'}",
)
autoencoder.summary()


def squared_error_per_image(x):
    """The lab's test number: sum over the 784 pixels of (x - reconstruction)^2, mean over images."""
    reconstruction = autoencoder.predict(x, batch_size=1000, verbose=0)
    return float(np.mean(np.sum((x - reconstruction) ** 2, axis=1)))


print(f"before training: test squared error per image (first 1,000 test digits) {squared_error_per_image(x_test[:1000]):.2f}")
steps_per_epoch = math.ceil(TRAIN_SIZE / BATCH_SIZE)
batches = ((${trainingInput(model, 'x_train[rows]')}, x_train[rows]) for rows in lab_batches(TRAIN_SIZE, BATCH_SIZE, SEED))
report = keras.callbacks.LambdaCallback(
    on_epoch_end=lambda epoch, logs: print(
        f"  test squared error per image (first 1,000 test digits): {squared_error_per_image(x_test[:1000]):.2f}"
    )
)
autoencoder.fit(batches, steps_per_epoch=steps_per_epoch, epochs=EPOCHS, callbacks=[report])

${results(false)}`;
}

/** A PyTorch script (torch 1.13 or later, torchvision for the data). */
export function pytorchCode(config: DenseLabConfig, options: ExportOptions = {}): string {
  const { model } = config;
  const widths = layerWidths(model);
  const codeAt = model.encoderLayers.length + 1;
  const linear = (i: number) => `nn.Linear(${widths[i]}, ${widths[i + 1]})`;
  const encoderLines: string[] = [];
  for (let i = 0; i < codeAt; i++) {
    encoderLines.push(
      i === codeAt - 1
        ? `${linear(i)},${torchCodeLayerTail(model)}`
        : `${linear(i)}, ${torchActivation(model.hiddenActivation)},`,
    );
  }
  const decoderLines: string[] = [];
  for (let i = codeAt; i < widths.length - 1; i++) {
    const last = i === widths.length - 2;
    decoderLines.push(
      !last
        ? `${linear(i)}, ${torchActivation(model.hiddenActivation)},`
        : model.outputActivation === 'sigmoid'
          ? `${linear(i)}, nn.Sigmoid(),  # pixels in (0, 1)`
          : `${linear(i)},  # linear output (the lab clamps it to [0, 1] only to draw it)`,
    );
  }
  const block = (name: string, lines: string[]) =>
    [`${name} = nn.Sequential(`, ...lines.map((l) => `    ${l}`), ')'].join('\n');
  const bce = model.loss === 'bce';
  const lossSetup = bce
    ? `loss_fn = nn.BCEWithLogitsLoss()  # binary cross-entropy per pixel, mean, from the logits
decoder_logits = decoder[:-1]  # the decoder without its sigmoid: the loss is stabler on logits`
    : `loss_fn = nn.MSELoss()  # squared error per pixel, mean`;
  const decode = bce ? 'decoder_logits' : 'decoder';
  // With the code penalty the printed train loss stays the reconstruction alone, as in the lab.
  const step =
    torchContractiveStep(model, decode) ??
    (model.codeL2 > 0 || sparsityOn(model)
      ? `code = encoder(${trainingInput(model, 'x')})  # [BATCH_SIZE, CODE_SIZE]
        reconstruction_loss = loss_fn(${decode}(code), x)
        loss = reconstruction_loss${model.codeL2 > 0 ? ' + CODE_L2 * (code**2).sum(dim=1).mean()' : ''}${torchSparsityTerm(model)}  # plus the penalties on the code`
      : `loss = loss_fn(${decode}(encoder(${trainingInput(model, 'x')})), x)`);
  const reported = model.codeL2 > 0 || model.contractive > 0 || sparsityOn(model) ? 'reconstruction_loss' : 'loss';

  return `${header(config, 'pytorch', options)}

import math

import numpy as np
import torch
from torch import nn
from torchvision import datasets

${constants(config, options)}

${pythonLabRandom(model.outputActivation)}${pythonCorrupt(model, true)}

# -------------------------------------------------------------------------------------
# MNIST: 28 x 28 digits, each flattened to 784 pixels scaled to [0, 1].
train_set = datasets.MNIST("data", train=True, download=True)
test_set = datasets.MNIST("data", train=False, download=True)
x_train_all = train_set.data.reshape(-1, 784).float() / 255  # [60000, 784]
x_test = test_set.data.reshape(-1, 784).float() / 255  # [10000, 784]
x_train = x_train_all[torch.from_numpy(seeded_subset(len(x_train_all), TRAIN_SIZE, SEED))]

# -------------------------------------------------------------------------------------
# The autoencoder: an encoder (image -> code) and a decoder (code -> image), kept as two
# modules so the decoder alone can draw the image of any code.
${block('encoder', encoderLines)}
${block('decoder', decoderLines)}

# Starting weights as the lab draws them: Glorot uniform from the seed, layer by layer from
# the input to the output, zero biases, and an output bias that draws the mean digit.
rng = LabRandom(derive_seed(SEED, 1))
linears = [m for m in [*encoder, *decoder] if isinstance(m, nn.Linear)]
with torch.no_grad():
    for layer in linears:
        kernel = glorot_uniform(layer.in_features, layer.out_features, rng)  # [in, out]
        layer.weight.copy_(torch.from_numpy(kernel.T.copy()))  # nn.Linear keeps [out, in]
        layer.bias.zero_()
    linears[-1].bias.copy_(torch.from_numpy(mean_digit_bias(x_train.numpy())))

# -------------------------------------------------------------------------------------
# Training: ${lossSentence(model)}
parameters = [*encoder.parameters(), *decoder.parameters()]
optimizer = ${torchOptimizer(config)}
${lossSetup}${torchContractive(model)}


@torch.no_grad()
def squared_error_per_image(x):
    """The lab's test number: sum over the 784 pixels of (x - reconstruction)^2, mean over images."""
    reconstruction = decoder(encoder(x))
    return ((x - reconstruction) ** 2).sum(dim=1).mean().item()


print(f"before training: test squared error per image (first 1,000 test digits) {squared_error_per_image(x_test[:1000]):.2f}")
steps_per_epoch = math.ceil(TRAIN_SIZE / BATCH_SIZE)
batches = lab_batches(TRAIN_SIZE, BATCH_SIZE, SEED)
for epoch in range(1, EPOCHS + 1):
    total = 0.0
    for _ in range(steps_per_epoch):
        x = x_train[torch.from_numpy(next(batches))]  # [BATCH_SIZE, 784]
        ${step}
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += ${reported}.item()
    print(
        f"epoch {epoch}: train loss {total / steps_per_epoch:.4f} per pixel, test squared error "
        f"per image (first 1,000 test digits) {squared_error_per_image(x_test[:1000]):.2f}"
    )

${results(true)}`;
}

function header(config: DenseLabConfig, language: CodeLanguage, options: ExportOptions): string {
  const { model, train } = config;
  const framework = language === 'keras' ? 'Keras' : 'PyTorch';
  const encoder = [IMAGE_SIZE, ...model.encoderLayers, model.codeSize].join('-');
  const decoder = [model.codeSize, ...[...model.encoderLayers].reverse(), IMAGE_SIZE].join('-');
  const depth = model.encoderLayers.length;
  const hidden = depth > 0 ? `${plural(depth, `${model.hiddenActivation} hidden layer`)}, ` : '';
  return `# Autoencoder Lab: the model and training settings of the lab, as ${framework} code.
#
# Architecture ${architectureString(model)}
#   encoder ${encoder}: ${hidden}${codeKind(model)} of ${plural(model.codeSize, 'number')} (the bottleneck)
#   decoder ${decoder}: ${hidden}${model.outputActivation} output
# Loss: ${lossName(model)}${penaltyName(model)}. Optimizer: ${optimizerName(config)}, learning rate ${pyFloat(train.learningRate)}.${variantHeader(model)}${sparseHeader(model)}
# Training: ${thousands(train.trainSize)} of MNIST's 60,000 training digits (chosen with seed ${train.seed}),
#   batches of ${train.batchSize}, ${plural(options.epochs ?? DEFAULT_EPOCHS, 'epoch')}.
#
# With the same seed this script picks the same training digits, starting weights and
# batch order as the lab, so its numbers follow the lab's closely (not to the last digit:
# the two compute in a different order and round differently).
#
# Needs: ${INSTALL[language]}
# Run:   python ${FILE_NAME[language]}`;
}

function constants(config: DenseLabConfig, options: ExportOptions): string {
  const { model, train } = config;
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  if (!Number.isInteger(epochs) || epochs < 1) throw new RangeError(`epochs must be a whole number >= 1, got ${epochs}`);
  return `SEED = ${train.seed}
TRAIN_SIZE = ${train.trainSize}  # of the 60,000 training digits
BATCH_SIZE = ${train.batchSize}
CODE_SIZE = ${model.codeSize}  # numbers per code: the bottleneck${model.codeL2 > 0 ? `
CODE_L2 = ${pyFloat(model.codeL2)}  # weight of the L2 penalty on the code` : ''}${variantConstants(model)}${sparseConstants(model)}
EPOCHS = ${epochs}  # the lab's metrics show its epochs: set this to compare at the same point`;
}

/** The closing section: the test numbers, and the encoder and decoder used on their own. */
function results(torch: boolean): string {
  const [guard, indent, np] = torch ? ['with torch.no_grad():\n    ', '    ', '.numpy()'] : ['', '', ''];
  const encode = torch ? 'encoder(x_test[:10])' : 'encoder.predict(x_test[:10], verbose=0)';
  const decode = (codes: string) => (torch ? `decoder(${codes})` : `decoder.predict(${codes}, verbose=0)`);
  const origin = torch ? 'torch.zeros(1, CODE_SIZE)' : 'np.zeros((1, CODE_SIZE), np.float32)';
  return `steps = EPOCHS * steps_per_epoch
print(f"After {steps} steps ({steps * BATCH_SIZE / TRAIN_SIZE:.2f} epochs as the lab counts them):")
print(f"  test squared error per image, first 1,000 test digits (the lab's number): {squared_error_per_image(x_test[:1000]):.2f}")
print(f"  test squared error per image, all 10,000 test digits: {squared_error_per_image(x_test):.2f}")

# The encoder and decoder on their own: codes of the first test digits, and the images the
# decoder draws from them (any [n, CODE_SIZE] array of codes works, as the lab's grid does).
${guard}codes = ${encode}  # [10, CODE_SIZE]
${indent}images = ${decode('codes')}  # [10, 784]
${indent}centre = ${decode(origin)}  # [1, 784]: the digit at the centre of the code space
print("codes of the first 10 test digits:")
print(np.round(codes${np}, 2))
print("their reconstructions:", tuple(images.shape), "the centre's image:", tuple(centre.shape))
`;
}

function lossName(model: MlpModelConfig): string {
  return model.loss === 'bce' ? 'binary cross-entropy per pixel (mean)' : 'squared error per pixel (mean)';
}

function penaltyName(model: MlpModelConfig): string {
  return model.codeL2 > 0 ? `, plus ${pyFloat(model.codeL2)} x the squared length of the code (mean over the batch)` : '';
}

/**
 * The code penalty as a pass-through layer between encoder and decoder: add_loss with the
 * explicit term, not keras.layers.ActivityRegularization, whose scaling by the batch size
 * differs between Keras versions. Keras prints the loss with the penalty included.
 */
function kerasPenalty(model: MlpModelConfig): string {
  if (model.codeL2 === 0) return '';
  return `

# The L2 penalty on the code, between encoder and decoder (Keras prints the loss with it
# included; the lab's train loss leaves it out).
class CodePenalty(layers.Layer):
    """Adds CODE_L2 x (mean over the batch of sum_j code_j^2) to the loss; the code passes through."""

    def call(self, code):
        self.add_loss(CODE_L2 * keras.ops.mean(keras.ops.sum(keras.ops.square(code), axis=1)))
        return code


`;
}

function lossSentence(model: MlpModelConfig): string {
  return `the mean ${model.loss === 'bce' ? 'binary cross-entropy' : 'squared error'} per pixel between each digit and its reconstruction.`;
}

function optimizerName(config: DenseLabConfig): string {
  const { optimizer, momentum } = config.train;
  if (optimizer === 'adam') return 'Adam';
  if (optimizer === 'rmsprop') return 'RMSprop';
  return `SGD with momentum ${pyFloat(momentum)}`;
}

function kerasOptimizer(config: DenseLabConfig): string {
  const { optimizer, learningRate, momentum } = config.train;
  const lr = pyFloat(learningRate);
  switch (optimizer) {
    case 'adam':
      return `keras.optimizers.Adam(learning_rate=${lr}, beta_1=0.9, beta_2=0.999, epsilon=${EPSILON})`;
    case 'sgd':
      return `keras.optimizers.SGD(learning_rate=${lr}, momentum=${pyFloat(momentum)})`;
    case 'rmsprop':
      return `keras.optimizers.RMSprop(learning_rate=${lr}, rho=0.9, epsilon=${EPSILON})`;
  }
}

function torchOptimizer(config: DenseLabConfig): string {
  const { optimizer, learningRate, momentum } = config.train;
  const lr = pyFloat(learningRate);
  switch (optimizer) {
    case 'adam':
      return `torch.optim.Adam(parameters, lr=${lr}, betas=(0.9, 0.999), eps=${EPSILON})`;
    case 'sgd':
      return `torch.optim.SGD(parameters, lr=${lr}, momentum=${pyFloat(momentum)})`;
    case 'rmsprop':
      // tfjs's RMSprop decays the mean square by 0.9 (PyTorch's default alpha is 0.99).
      return `torch.optim.RMSprop(parameters, lr=${lr}, alpha=0.9, eps=${EPSILON})`;
  }
}

function torchActivation(a: HiddenActivation): string {
  switch (a) {
    case 'relu':
      return 'nn.ReLU()';
    case 'elu':
      return 'nn.ELU()';
    case 'tanh':
      return 'nn.Tanh()';
    case 'sigmoid':
      return 'nn.Sigmoid()';
  }
}

/** A Python float literal: 0.002 -> "0.002", 1 -> "1.0", 1e-7 -> "1e-7". */
export function pyFloat(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
