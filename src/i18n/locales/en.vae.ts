/** English strings of the variational autoencoder's panels (lessons 12 and 16). */
export const vae = {
  "title": "Variational autoencoder",
  "help": "The loss is reconstruction + β × KL, in nats per image; with β = 1 its negative is the ELBO. Measured on the 1,000 live test digits after each test evaluation.",
  "beta": "β (weight of the KL term)",
  "betaHint": "0 drops the KL term (a noisy plain autoencoder); above 1 a β-VAE. Changing β starts a new run.",
  "elbo": "Test ELBO",
  "reconstruction": "Reconstruction",
  "kl": "KL",
  "nats": "nats / image",
  "emptyCells": "Empty grid cells (10 × 10 at the prior’s quantiles)",
  "measuredOn": "Measured after {{epoch}} epochs.",
  "sample": "Sample",
  "samplesLabel": "{{count}} digits decoded from codes drawn from N(0, I)",
  "curve": {
    "waiting": "The ELBO curve appears after two test evaluations.",
    "label": "Test ELBO against epochs; latest {{elbo}} nats per image after {{epoch}} epochs",
    "caption": "Test ELBO (nats per image) against epochs: higher is better."
  },
  "compare": {
    "title": "Beside a plain autoencoder",
    "help": "Trains a plain autoencoder of the same shape on the same digits for as many epochs as the VAE has trained, then shows its grid over its own codes’ range and at the prior’s quantiles. Empty cells: the share of the 10 × 10 cells no live test digit’s code falls in, where the decoder never learnt what to draw.",
    "start": "Train a plain autoencoder beside it ({{epochs}} epochs)",
    "training": "Training the plain autoencoder…",
    "vaeGrid": "VAE, prior quantiles",
    "plainBox": "Plain AE, its codes’ range",
    "plainPrior": "Plain AE, prior quantiles",
    "empty": "empty cells",
    "trained": "Plain autoencoder: {{epochs}} epochs in {{seconds}} s."
  },
  "traversal": {
    "title": "Latent traversal",
    "help": "Each row sweeps one code number from −3 to +3 while the others keep the chosen test digit’s code. KL: that number’s mean KL on the live test digits; faded rows carry almost none, so the decoder ignores them.",
    "digit": "Test digit",
    "refresh": "Redraw",
    "used": "{{used}} of {{total}} code numbers carry more than {{nats}} nats.",
    "dimension": "Code number",
    "rowLabel": "Code number {{dimension}} swept from −3 to +3 for a test digit {{label}}"
  }
};
