/**
 * English strings of the VQ-VAE (issue 4): its settings in the model editor, the digits with
 * their code indices, the index editor and the codebook's use.
 */
export const vq = {
  editor: {
    legend: 'VQ-VAE codebook',
    positions: 'Code positions',
    positionsHint: 'Indices per digit; the code size must be a multiple of it (each position holds code size ÷ positions numbers).',
    codebookSize: 'Codebook size K',
    codebookSizeHint: 'How many vectors the codebook holds (8 to 512): each position names one of them.',
    commitment: 'Commitment β',
    commitmentHint: 'Weight of ‖z_e − sg(z_q)‖², which keeps the encoder near the codes it picks.',
    resetEvery: 'Dead-code reset every (steps)',
    resetEveryHint: 'Codes no digit picked since the last reset move onto encoder outputs; 0 turns resets off.',
  },
  codes: {
    title: 'Discrete codes',
    help: 'Each test digit is a row of code indices: position by position, the number of the nearest codebook vector. The decoder sees only those vectors. Click an index to change it, or to see what that code draws on its own.',
    waiting: 'Waiting for the first codes…',
    digit: 'Test digit',
    indices: 'Code indices',
    decoded: 'Decoded',
    rowLabel: 'Test digit {{label}}: indices {{indices}}',
    indexButton: 'Position {{position}} of digit {{label}}: code {{index}}',
    edited: 'edited',
    editorTitle: 'Digit {{label}}, position {{position}}',
    indexLabel: 'Code index (0 to {{max}})',
    indexProblem: 'Pick a whole number from 0 to {{max}}.',
    restore: 'Restore the model’s indices',
    restoreAll: 'Restore all digits',
    everywhere: 'Code {{index}} at every position',
    everywhereHint: 'What the decoder draws when every position holds this one code.',
    pickHint: 'Click an index in a row (or a bar of the histogram) to pick a code.',
    decodedLabel: 'Digit {{label}} decoded from its {{count}} indices',
    everywhereLabel: 'Code {{index}} decoded at all {{count}} positions',
  },
  usage: {
    title: 'Codebook use',
    perplexity: 'Perplexity',
    perplexityUnit: 'codes in effective use',
    codesUsed: 'Codes used',
    codesUsedValue: '{{used}} of {{size}}',
    histogram: 'How often each of the {{size}} codes is picked over the positions of the first {{count}} test digits',
    bar: 'Code {{index}}: picked {{count}} times',
    chart: 'Perplexity over training (now epoch {{epoch}}); the dashed line is K/4 = {{quarter}}',
    note: 'Perplexity is exp(entropy) of how often each code is picked: K when all K codes are used equally, 1 when one code does everything (a collapsed codebook).',
  },
} as const;
