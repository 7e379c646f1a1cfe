/** English strings of "Show as code": the model as Keras and PyTorch scripts. */
export const exportCode = {
  open: 'Show as code',
  title: 'This model as code',
  intro:
    'A Python script that builds and trains the model you set up here, on the same {{trainSize}} MNIST digits, from the same starting weights, in the same batch order. Its test error per image should come out close to the lab’s.',
  tabs: 'Framework',
  keras: 'Keras (Python)',
  pytorch: 'PyTorch',
  codeLabel: '{{framework}} code for the {{architecture}} autoencoder',
  copy: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Your browser did not allow copying. The code is selected: press Ctrl+C (⌘C on a Mac).',
  download: 'Download {{file}}',
  close: 'Close',
  run: 'To run it: {{install}}, then python {{file}}. It trains for {{epochs}} epochs and prints the test squared error per image after each; change EPOCHS at the top to train longer.',
} as const;
