/** Show as code in PyTorch (exportCode.ts): the dense autoencoder and its variants as a script. */
import { type HiddenActivation, layerWidths } from '../../config';
import { pythonLabRandom } from './exportCodeRandom';
import { pythonCorrupt, torchContractive, torchContractiveStep, trainingInput } from './exportCodeVariants';
import { sparsityOn, torchCodeLayerTail, torchSparsityTerm } from './exportCodeSparse';
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
