/** Show as code in Keras 3 (exportCode.ts): the dense autoencoder and its variants as a script. */
import { IMAGE_SIZE, type MlpModelConfig } from '../../config';
import { pythonLabRandom } from './exportCodeRandom';
import { kerasContractive, kerasEncoded, pythonCorrupt, trainingInput } from './exportCodeVariants';
import { kerasCodeLayer, kerasSparseWrap, kerasSparsity } from './exportCodeSparse';
import {
  constants,
  type DenseLabConfig,
  EPSILON,
  type ExportOptions,
  header,
  lossSentence,
  pyFloat,
  results,
} from './exportCodeShared';

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
