/**
 * ONE-OFF generator, run once on main at a566e50 (before issue 10's reshaping) to record what
 * that main writes: lesson links as a teacher pastes them, the storage keys of saved models,
 * saved-run records and model files of every kind. `npx vitest run --config src/compat/gen.config.ts`
 * The fixtures it writes are committed; compat.test.ts reads them with today's code.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, type MlpModelConfig, type TrainConfig } from '../core/config';
import { loadMnistNode } from '../core/data/mnistNode';
import { useWasmInNode } from '../core/train/nodeBackend';
import { encodeSnapshot } from '../core/train/snapshotFile';
import { Trainer } from '../core/train/trainer';
import { LESSONS } from '../lessons';
import { configKey } from '../state/modelPersistence';
import { defaultLinkState, FREE_LAB, parseLink, serializeLink } from '../state/link';

const OUT = join(__dirname, 'fixtures');

/** Links as a teacher would write or copy them (beyond each lesson's own canonical link). */
const EXTRA_LINKS = [
  '',
  '#v=1&lesson=pca-vs-deep',
  '#lesson=two-d-map',
  '#v=1&lesson=what-is-an-autoencoder&lr=0.01&batch=128',
  '#v=1&lesson=two-d-map&layers=512,128&code=3&act=tanh&lang=zh-Hans&grid=16&log=0',
  '#v=1&lesson=free&kind=conv&channels=8,4&decoder=deconvolution&code=16',
  '#v=1&lesson=free&kind=vae&beta=4&code=8&layers=256',
  '#v=1&lesson=free&kind=vq&positions=4&codebook=32&code=16&commitment=0.5&vqreset=0',
  '#v=1&lesson=free&kind=adversarial&prior=ring&code=2',
  '#v=1&lesson=free&kind=conditional&l2=0.01&code=2',
  '#v=1&lesson=denoising&noise=mask&noiselevel=0.3',
  '#v=1&lesson=sparse&sparsity=kl&codeact=sigmoid&rho=0.1&sparsityweight=0.5',
  '#v=1&lesson=anomaly-detection&normal=3',
  '#v=1&lesson=anomaly-detection&normal=0,6',
  '#v=1&lesson=contractive&contractive=0.5',
  '#v=1&lesson=pretraining&labels=1000&pwidths=paper',
  '#v=1&lesson=two-d-map&seed_hide=1&sliders_hide=1&drawPad_hide=0',
  '#v=1&lesson=pca-vs-deep&code=abc&lr=7&bogus=1',
  '#v=1&lesson=pca-vs-deep&loss=bce&out=linear',
  '#v=1&lesson=no-such-lesson&code=5',
  '#v=2&lesson=vae&beta=2',
  '#v=1&lesson=two-d-map&code=2&code=3',
];

it('writes the link fixtures', () => {
  mkdirSync(OUT, { recursive: true });
  const hashes = [
    ...[FREE_LAB, ...LESSONS.map((l) => l.id)].map((id) => `#${serializeLink(defaultLinkState(id))}`),
    ...EXTRA_LINKS,
  ];
  const links = hashes.map((hash) => {
    const { state, ignored } = parseLink(hash);
    return { hash, state, ignored, configKey: configKey(state.config), written: serializeLink(state) };
  });
  writeFileSync(join(OUT, 'links.json'), `${JSON.stringify({ madeBy: 'main a566e50', links }, null, 1)}\n`);
});

/** Small models of every kind (files stay small), trained a few steps so the slots are not zero. */
const MODELS: { name: string; model: Partial<MlpModelConfig>; train?: Partial<TrainConfig> }[] = [
  { name: 'mlp', model: { encoderLayers: [6], codeSize: 2 } },
  { name: 'mlp-sgd-mse', model: { encoderLayers: [6, 4], codeSize: 3, outputActivation: 'linear', loss: 'mse' }, train: { optimizer: 'sgd', learningRate: 0.05 } },
  { name: 'mlp-rmsprop-l2', model: { encoderLayers: [8], codeSize: 2, codeL2: 0.01 }, train: { optimizer: 'rmsprop', learningRate: 0.001 } },
  { name: 'denoising', model: { encoderLayers: [6], codeSize: 4, noise: 'gaussian', noiseLevel: 0.4 } },
  { name: 'contractive', model: { encoderLayers: [6], codeSize: 4, contractive: 0.2 } },
  { name: 'sparse-kl', model: { encoderLayers: [], codeSize: 6, codeActivation: 'sigmoid', sparsity: 'kl', sparsityWeight: 0.1, sparsityTarget: 0.05 } },
  { name: 'conv-maxunpool', model: { kind: 'conv', encoderLayers: [], convChannels: [4, 2], codeSize: 4 } },
  { name: 'conv-deconvolution', model: { kind: 'conv', encoderLayers: [], convChannels: [4], convDecoder: 'deconvolution', codeSize: 4 } },
  { name: 'vae', model: { kind: 'vae', encoderLayers: [6], codeSize: 2, beta: 2 } },
  { name: 'vq', model: { kind: 'vq', encoderLayers: [6], codeSize: 8, vqPositions: 4, codebookSize: 8, commitment: 0.25 } },
  { name: 'adversarial', model: { kind: 'adversarial', encoderLayers: [6], codeSize: 2, prior: 'ring' } },
  { name: 'conditional', model: { kind: 'conditional', encoderLayers: [6], codeSize: 2, codeL2: 0.01 } },
  { name: 'anomaly-3', model: { encoderLayers: [6], codeSize: 4 }, train: { normalDigits: [3] } },
];

it('writes model files, saved-run records and their decodes', async () => {
  await useWasmInNode();
  const data = loadMnistNode();
  mkdirSync(join(OUT, 'models'), { recursive: true });
  const index = [];
  for (const m of MODELS) {
    const config: LabConfig = {
      model: { ...DEFAULT_CONFIG.model, ...m.model },
      train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 32, seed: 3, ...m.train },
    };
    const trainer = new Trainer(data, config);
    trainer.steps(7);
    await trainer.readTrainMetrics();
    const snapshot = await trainer.exportState();
    const bytes = encodeSnapshot(snapshot);
    writeFileSync(join(OUT, 'models', `${m.name}.aelab`), bytes);
    // Decodes of fixed codes: the weights a later lab loads must give the same images.
    const n = 3;
    const codes = new Float32Array(n * config.model.codeSize).map((_, i) => Math.sin(i * 1.7) * 1.5);
    const decoded = await trainer.decode(codes, n);
    const history = [
      { step: 3, epoch: 0.096, trainLoss: 0.4 },
      { step: 7, epoch: 0.224, trainLoss: 0.3, testLoss: 0.31, testSquaredError: 50.5 },
    ];
    // A SavedRun record as state/modelPersistence.ts (RECORD_VERSION 1) writes it, the snapshot in the file beside it.
    index.push({
      name: m.name,
      file: `models/${m.name}.aelab`,
      savedRun: { version: 1, key: configKey(snapshot.config), savedAt: 1765000000000, step: snapshot.step, history },
      config: snapshot.config,
      codes: Array.from(codes),
      decoded: Array.from(decoded),
      step: trainer.step,
      backend: tf.getBackend(),
    });
    trainer.dispose();
  }
  writeFileSync(join(OUT, 'models.json'), `${JSON.stringify({ madeBy: 'main a566e50', models: index })}\n`);
});
