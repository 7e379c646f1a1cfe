/**
 * What the Keras and the PyTorch scripts of Show as code share (exportCode.ts): the names,
 * the header, the constants, the closing results, the wording of loss and optimizer, Python
 * number literals. Pure string generation.
 */
import { IMAGE_SIZE, layerWidths, type MlpModelConfig, type ModelConfig, type TrainConfig } from '../../config';
import { variantConstants, variantHeader } from './exportCodeVariants';
import { codeKind, sparseConstants, sparseHeader } from './exportCodeSparse';

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
export const EPSILON = '1e-7';

/** The whole autoencoder's widths as the lecture writes them, e.g. "784-256-64-2-64-256-784". */
export function architectureString(model: ModelConfig): string {
  return layerWidths(model).join('-');
}

/** A config of the dense kind, the one kind the scripts write. */
export interface DenseLabConfig {
  model: MlpModelConfig;
  train: TrainConfig;
}

export function header(config: DenseLabConfig, language: CodeLanguage, options: ExportOptions): string {
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

export function constants(config: DenseLabConfig, options: ExportOptions): string {
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
export function results(torch: boolean): string {
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

export function lossName(model: MlpModelConfig): string {
  return model.loss === 'bce' ? 'binary cross-entropy per pixel (mean)' : 'squared error per pixel (mean)';
}

export function penaltyName(model: MlpModelConfig): string {
  return model.codeL2 > 0 ? `, plus ${pyFloat(model.codeL2)} x the squared length of the code (mean over the batch)` : '';
}

export function lossSentence(model: MlpModelConfig): string {
  return `the mean ${model.loss === 'bce' ? 'binary cross-entropy' : 'squared error'} per pixel between each digit and its reconstruction.`;
}

export function optimizerName(config: DenseLabConfig): string {
  const { optimizer, momentum } = config.train;
  if (optimizer === 'adam') return 'Adam';
  if (optimizer === 'rmsprop') return 'RMSprop';
  return `SGD with momentum ${pyFloat(momentum)}`;
}

/** A Python float literal: 0.002 -> "0.002", 1 -> "1.0", 1e-7 -> "1e-7". */
export function pyFloat(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
