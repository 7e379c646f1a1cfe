/**
 * English strings of the model kinds (issue 4): the kind chooser in the model editor, the
 * convolutional autoencoder's settings and its feature-map panel.
 */
export const kinds = {
  editor: {
    kind: 'Kind of autoencoder',
    kindHint: 'Each kind keeps the code size, activations and training settings; the lesson of each kind explains it.',
    option: {
      mlp: 'dense (MLP)',
      conv: 'convolutional',
      vae: 'variational (VAE)',
      vq: 'VQ-VAE (discrete codes)',
      adversarial: 'adversarial (AAE)',
      conditional: 'conditional (label to the decoder)',
    },
    convLegend: 'Convolution stages',
    convChannels: 'Channels per stage',
    convChannelsHint: 'One or two stages of 3×3 convolution + 2×2 max pooling, e.g. “16, 8” (28×28 → 14×14 → 7×7).',
    convDecoder: 'How the decoder undoes pooling',
    decoderOption: {
      maxUnpool: 'max-unpooling (back to where the max was)',
      repeatUnpool: 'repeat-unpooling (copy over the window)',
      deconvolution: 'deconvolution (transposed convolution)',
    },
    convNoLayers: 'A convolutional autoencoder has no dense hidden layers: its stages are the channels above.',
  },
  exportNotYet: 'Show as code writes the dense autoencoder and its variants; the {{kind}} autoencoder is not exported yet.',
  featureMaps: {
    title: 'Feature maps',
    help: 'What each layer computes for one test digit: every small square is one channel (dark = low, bright = high, scaled per layer). Click another digit to follow it through the network.',
    digit: 'Digit',
    pick: 'Show test digit {{n}}',
    waiting: 'Waiting for the model…',
    channels: '{{count}} channels, {{side}}×{{side}}',
    codeValues: '{{count}} numbers',
    canvasLabel: '{{name}}: {{count}} channels of {{side}}×{{side}}',
    part: {
      encoder: 'encoder',
      code: 'code',
      decoder: 'decoder',
    },
  },
} as const;
