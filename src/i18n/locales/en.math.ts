/**
 * English strings of the math with its numbers (issue 14 item 4): the architecture diagram's
 * unit inspector, the loss formula with one digit's values, the first layer's weights panel.
 */
export const math = {
  layer: {
    input: 'Input pixels',
    encoder: 'Encoder layer {{n}}',
    code: 'Code',
    decoder: 'Decoder layer {{n}}',
    output: 'Output pixels',
  },
  unit: {
    hint: 'Point at a layer (or focus it with Tab and use the arrow keys) to see one unit’s weights and numbers for a digit.',
    title: '{{name}}, unit {{unit}}',
    valueText: 'unit {{unit}} of {{count}}',
    pixel: 'Pixel at row {{row}}, column {{col}} of the digit:',
    reading: 'Reading the model…',
    noDigit: 'Waiting for the test digits…',
    weightsLabel: 'The unit’s {{count}} incoming weights as an image',
    weightsPixels: 'Its {{count}} incoming weights, one per pixel: dark where ink switches the unit on, light where it switches it off.',
    weightsUnits: 'Its {{count}} incoming weights, one per unit of the layer before, in order: dark positive, light negative.',
    outputPixel: 'This is pixel (row {{row}}, column {{col}}) of the reconstruction: {{value}}.',
    label: 'The decoder also reads the label {{label}} (its last 10 weights).',
  },
  digit: {
    label: 'Digit',
    test: 'Test digit {{label}} (number {{index}})',
    drawing: 'Your drawing',
  },
  loss: {
    title: 'The loss for one digit',
    original: 'the digit',
    reconstruction: 'its reconstruction',
    largest: 'The pixel that costs most: number {{pixel}} (row {{row}}, column {{col}}), ringed:',
    curve: 'The training curve shows this loss averaged over many digits.',
  },
  weights: {
    title: 'First-layer weights',
    help: 'Each tile is one unit of the first layer: its 784 incoming weights drawn as a 28 × 28 image. Dark pixels switch the unit on, light ones switch it off. Watch them turn from noise into strokes while the model trains.',
    label: 'The incoming weights of the first {{units}} of {{total}} units of the first layer, as 28 × 28 images',
    caption: 'The first {{units}} of {{total}} units at step {{step}} (epoch {{epoch}}); each tile is scaled to its own largest weight.',
  },
};
