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
  controls: ['architecture', 'run', 'lossChart', 'vae', 'scatter', 'grid', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['vae', 'latent', 'model', 'training'],
  measures: ['emptyCells', 'testElbo', 'activeDimensions'],
  prediction: {
    question: {
      en: "Which grid will have the fewest holes (cells no test digit's code falls in): the VAE's after two epochs, or a plain autoencoder's trained beside it?",
      'zh-Hans': '哪个网格的空洞最少（没有任何测试数字的编码落进去的格子）：训练两个 epoch 的 VAE 的，还是在旁边训练的普通自编码器的？',
      'zh-Hant': '哪個網格的空洞最少（沒有任何測試數字的編碼落進去的格子）：訓練兩個 epoch 的 VAE 的，還是在旁邊訓練的普通自編碼器的？',
    },
    choices: [
      { id: 'vae', text: { en: "The VAE's grid", 'zh-Hans': 'VAE 的网格', 'zh-Hant': 'VAE 的網格' } },
      { id: 'plainBox', text: { en: "The plain autoencoder's grid over its codes' range", 'zh-Hans': '普通自编码器在其编码范围上的网格', 'zh-Hant': '普通自編碼器在其編碼範圍上的網格' } },
      { id: 'plainPrior', text: { en: "The plain autoencoder's grid at the prior's quantiles", 'zh-Hans': '普通自编码器在先验分位点上的网格', 'zh-Hant': '普通自編碼器在先驗分位點上的網格' } },
    ],
    judge: { kind: 'extreme', items: 'gridHoles', pick: 'min', epoch: 2 },
  },
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
      en: 'After one epoch, fewer than 10% of the cells of the 10 × 10 grid at the prior’s quantiles are empty (no test digit’s code falls in them): the codes fill the prior, so samples from it decode to where digits are.',
      'zh-Hans': '训练一个 epoch 之后，在先验分位数上的 10 × 10 网格里，空的格子（没有任何测试数字的编码落在其中）少于 10%：编码填满了先验，所以从先验中取样解码出来的都落在数字所在之处。',
      'zh-Hant': '訓練一個 epoch 之後，在先驗分位數上的 10 × 10 網格裡，空的格子（沒有任何測試數字的編碼落在其中）少於 10%：編碼填滿了先驗，所以從先驗中取樣解碼出來的都落在數字所在之處。',
    },
    check: { metric: 'emptyCells', compare: 'fixed', relation: 'lt', value: 0.1, minEpochs: 1 },
  },
};
