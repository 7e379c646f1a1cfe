/**
 * English strings of the autoencoder variants (issue 4): their settings in the model editor and
 * their panels (denoising: clean | noisy | denoised and the PSNRs).
 */
export const variants = {
  unit: {
    dB: 'dB',
  },
  editor: {
    legend: 'Variant',
    noise: 'Input noise (denoising)',
    noiseHint: 'Trains on corrupted digits and asks for the clean ones back.',
    noiseLevel: 'Noise level',
    noiseLevelHint: {
      none: 'Used only with a noise type.',
      gaussian: 'σ of the Gaussian noise (pixels run from 0 to 1).',
      saltPepper: 'Share of the pixels set to black or white.',
      mask: 'Share of the pixels blanked out.',
    },
    option: {
      none: 'none',
      gaussian: 'Gaussian',
      saltPepper: 'salt and pepper',
      mask: 'masking',
    },
    contractive: 'Contractive penalty',
    contractiveDepth: 'The contractive penalty needs an encoder with at most one hidden layer: remove encoder layers or set it to 0.',
    contractiveHint: 'Weight of ‖dz/dx‖² (encoder with at most one hidden layer); 0 turns it off.',
  },
  denoising: {
    title: 'Denoising',
    help: 'The same test digits clean, with noise, and what the model draws from the noisy version. The model is only ever given the noisy version as input.',
    clean: 'Clean',
    noisy: 'Noisy input',
    denoised: 'Output',
    canvasLabel: '{{count}} test digits ({{labels}}): clean, with noise, and denoised by the model',
    waiting: 'Waiting for the first measurement…',
    noisyPsnr: 'PSNR of the noisy input',
    outputPsnr: 'PSNR of the output',
    gain: 'Gain',
    psnrNote: 'Peak signal-to-noise ratio against the clean digit over the first {{count}} test digits (the same noise every time); higher means closer to the clean digit.',
  },
  contractive: {
    title: 'How much the code moves',
    helpOn: 'Contractive penalty on (weight {{weight}}): training also shrinks how strongly the code reacts to small changes of the input.',
    helpOff: 'No contractive penalty: a plain autoencoder. Set the penalty in the model panel to compare.',
    deep: 'Measured only for an encoder with at most one hidden layer.',
    relative: 'Relative sensitivity',
    sensitivity: 'Sensitivity',
    sensitivityUnit: 'code change per input change',
    spread: 'Spread of the codes',
    jacobian: 'Jacobian norm ‖dz/dx‖',
    chart: 'Relative sensitivity over training (now epoch {{epoch}})',
    note: 'Each of the first 1,000 test digits gets the same tiny random change (σ = 0.01 per pixel). Sensitivity: how far its code moves, divided by the size of the change. Relative: that, divided by how far codes of different digits lie from their mean.',
  },
} as const;
