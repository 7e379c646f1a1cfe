/** English strings of the model file buttons (export a trained model, import it back) and the saved-model status. */
export const modelFile = {
  label: 'Model file',
  export: 'Export model',
  exportHint: 'Download the trained model (weights and training state) as a .aelab file',
  import: 'Import model',
  importHint: 'Load a .aelab model file into this architecture',
  exported: 'Model saved to {{file}}.',
  imported: 'Model loaded: step {{step}}.',
  importWarnings: 'It loaded with these differences:',
  refused: 'This file cannot be loaded into the current model:',
  failed: 'The model could not be exported.',
  saved: 'Saved in this browser at step {{step}}',
  restored: 'Restored from this browser at step {{step}}',
} as const;
