/**
 * English strings of "predict, then run" (issue 14): the question each lesson asks before Train,
 * and the student's answer beside what the lab measured (components/PredictionCard.tsx).
 */
export const predict = {
  title: 'Predict first',
  hint: 'Answer before you press Train: the lab measures it, and your answer stands beside the measurement. (Train works without an answer too.)',
  yours: 'Your prediction',
  measured: 'Measured',
  none: 'No prediction',
  outcome: {
    right: 'Your prediction was right.',
    wrong: 'Not what you predicted: look at the numbers.',
  },
  pending: {
    training: 'The lab measures it after {{epochs}} epochs of training (now {{epoch}}). Press Train.',
    trials: 'Train the lesson’s model with each choice for {{epochs}} epochs; the lab compares the runs.',
    waiting: {
      measure: 'Waiting for the measurement…',
      anomalyDigits: 'Waiting for the anomaly scores of every test digit…',
      embeddingMaps: 'Press “Make the maps” after the training: the three maps are measured then.',
      gridHoles: 'Press “Train a plain autoencoder beside it” in the VAE panel: its grids are measured then.',
    },
  },
  detail: {
    value: '{{measure}} at epoch {{epoch}}: {{value}}.',
    ratio: '{{measure}} at epoch {{epoch}}: {{value}}, against {{baseline}} for {{baselineName}} ({{ratio}}).',
    difference: '{{measure}} at epoch {{epoch}}: {{value}}, against {{baseline}} for {{baselineName}} ({{difference}}).',
    extreme: {
      min: '{{name}} at epoch {{epoch}}: lowest for {{best}} ({{value}}).',
      max: '{{name}} at epoch {{epoch}}: highest for {{best}} ({{value}}).',
    },
    setting: {
      min: '{{measure}} after {{epochs}} epochs: lowest with {{best}} ({{value}}).',
      max: '{{measure}} after {{epochs}} epochs: highest with {{best}} ({{value}}).',
    },
  },
  items: {
    anomalyDigits: 'AUROC of each digit against the normal ones',
    embeddingMaps: '5-nearest-neighbour accuracy of each map',
    gridHoles: 'Share of empty cells of each grid',
  },
  trial: {
    measured: '{{value}} (epoch {{epoch}})',
    now: 'training now',
    switch: 'Switch to this',
  },
  note: {
    late: 'You answered after {{epoch}} epochs of training.',
    changed: 'Measured with settings other than the lesson’s (the seed aside).',
    again: 'Reset to predict again and measure a new run.',
  },
};
