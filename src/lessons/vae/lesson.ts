import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/** Lesson 12: the variational autoencoder: reconstruction + β KL, the ELBO, sampling, the grid at the prior's quantiles. */
export const lesson: Lesson = {
  id: 'vae',
  order: 12,
  title: { en: 'The variational autoencoder', 'zh-Hans': '变分自编码器', 'zh-Hant': '變分自編碼器' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  preset: {
    model: { kind: 'vae', encoderLayers: [256, 64], codeSize: 2, beta: 1 },
    train: { trainSize: 10000, batchSize: 100, learningRate: 0.001 },
    view: { gridSize: 10 },
  },
  controls: ['architecture', 'run', 'lossChart', 'vae', 'scatter', 'grid'],
  experiment: 'mnistAutoencoder',
  panels: ['vae', 'latent', 'model', 'training'],
  measures: ['testElbo', 'activeDimensions'],
  tryThis: {
    en: [
      'Train for a few epochs and watch the two terms: which one grows while the ELBO rises?',
      'Press **Sample** a few times: are the samples digits? Compare them with the grid.',
      'Pause and press **Train a plain autoencoder beside it**: compare the empty cells of the two grids, and how sharp the digits are.',
      'Set β to 0 and train again: what happens to the KL term, the map and the empty cells? Then try β = 5.',
    ],
    'zh-Hans': [
      '训练几个 epoch，观察这两项：ELBO 上升时，哪一项在变大？',
      '按几次**采样**：采出来的是数字吗？和网格比较一下。',
      '暂停，然后按**在旁边训练一个普通自编码器**：比较两个网格的空格子，以及数字有多清晰。',
      '把 β 设为 0 再训练：KL 项、地图和空格子会怎样？再试试 β = 5。',
    ],
    'zh-Hant': [
      '訓練幾個 epoch，觀察這兩項：ELBO 上升時，哪一項在變大？',
      '按幾次**取樣**：取出來的是數字嗎？和網格比較一下。',
      '暫停，然後按**在旁邊訓練一個普通自編碼器**：比較兩個網格的空格子，以及數字有多清晰。',
      '把 β 設為 0 再訓練：KL 項、地圖和空格子會怎樣？再試試 β = 5。',
    ],
  },
  // Node wasm, this preset (seed 1), the engine's live measure on the first 1,000 test digits:
  // ELBO -174.1 / -169.2 / -164.0 / -160.8 / -159.1 after epochs 1 / 2 / 5 / 8 / 10
  // (docs/quality/vaeLessons.md); with β = 0 the ELBO falls to -260 by epoch 3 (the KL term grows).
  claim: {
    text: {
      en: 'After ten epochs the VAE with a 2-number code reaches a test ELBO above −162 nats per image.',
      'zh-Hans': '训练十个 epoch 之后，编码只有 2 个数的 VAE 在测试集上的 ELBO 高于每张图像 −162 奈特。',
      'zh-Hant': '訓練十個 epoch 之後，編碼只有 2 個數的 VAE 在測試集上的 ELBO 高於每張圖像 −162 奈特。',
    },
    check: { metric: 'testElbo', compare: 'fixed', relation: 'gt', value: -162, minEpochs: 10 },
  },
};
