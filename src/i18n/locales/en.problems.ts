/**
 * English wording of why a value was refused: the codes of core/kinds/problems.ts (checkConfig's
 * problems, with their parameters) and the editor's own `notANumber`. The editor shows them at
 * the field; src/i18n/problemWording.test.ts checks every code in every locale.
 */
export const problems = {
  notANumber: 'Enter a number.',
  invalid: 'This value is not allowed here.',
  range: 'Must be from {{min}} to {{max}}.',
  wholeNumber: 'Use a whole number.',
  tooMany: 'At most {{max}} entries.',
  tooFew: 'At least {{min}} entries.',
  loss: {
    bceNeedsSigmoid: 'Binary cross-entropy needs a sigmoid output: choose a sigmoid output or the MSE loss.',
  },
  contractive: {
    depth: 'The contractive penalty needs an encoder with at most one hidden layer: remove encoder layers or set it to 0.',
    linearCode: 'The contractive penalty needs a linear code layer: set the code activation to linear or the contractive penalty to 0.',
  },
  sparsity: {
    klNeedsSigmoid: 'The KL penalty compares mean activations with ρ, so they must lie between 0 and 1: set the code activation to sigmoid, or use L1.',
  },
  kind: {
    contractiveMlpOnly: 'The contractive penalty is for the dense autoencoder only: set it to 0 or choose the dense kind.',
    noDenseLayers: 'A convolutional autoencoder has no dense hidden layers: its stages are the channels.',
    needsBernoulli: 'The $t(messages.kinds.{{kind}}) autoencoder models each pixel as a coin flip: it needs a sigmoid output and binary cross-entropy.',
  },
  vq: {
    codeSizeMultiple: 'The code is {{positions}} codebook vectors of equal length: the code size must be a multiple of {{positions}}.',
  },
  adversarial: {
    priorNeeds2d: 'The prior “$t(variants.adversarial.priors.{{prior}})” is drawn in 2-D: it needs a code size of 2, or choose the Gaussian prior.',
    cleanCode: 'The adversarial autoencoder trains on clean digits and lets the discriminator shape the code: no input noise and no L2 penalty on the code.',
  },
} as const;
