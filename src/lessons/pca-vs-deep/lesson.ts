import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/**
 * Lesson 2: PCA is a linear autoencoder; a deep one with the same 30-number code does far
 * better (Hinton & Salakhutdinov 2006: 13.87 vs 3.00 with 784-1000-500-250-30).
 */
export const lesson: Lesson = {
  id: 'pca-vs-deep',
  order: 2,
  title: { en: 'PCA vs a deep autoencoder', 'zh-Hans': 'PCA 与深度自编码器', 'zh-Hant': 'PCA 與深度自編碼器' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  // 784-256-64-30: in a Node wasm run (10,000 images, batch 64, Adam 0.002) its squared error
  // per test image passed PCA-30's after ~5 epochs and was 0.80x PCA's after 8.
  preset: { model: { encoderLayers: [256, 64], codeSize: 30 } },
  controls: ['architecture', 'run', 'lossChart', 'reconstructions', 'pcaCompare', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['model', 'training', 'reconstructions', 'weights'],
  measures: ['testSquaredError'],
  prediction: {
    question: {
      en: "After ten epochs, how large will the deep autoencoder's squared error be, next to PCA's with the same 30 numbers?",
      'zh-Hans': '训练十个 epoch 之后，深度自编码器的平方误差和同样用 30 个数的 PCA 相比，会有多大？',
      'zh-Hant': '訓練十個 epoch 之後，深度自編碼器的平方誤差和同樣用 30 個數的 PCA 相比，會有多大？',
    },
    choices: [
      { id: 'under70', text: { en: "Less than 70% of PCA's", 'zh-Hans': '不到 PCA 的 70%', 'zh-Hant': '不到 PCA 的 70%' } },
      { id: '70to85', text: { en: "70–85% of PCA's", 'zh-Hans': 'PCA 的 70%–85%', 'zh-Hant': 'PCA 的 70%–85%' } },
      { id: '85to100', text: { en: "85–100% of PCA's", 'zh-Hans': 'PCA 的 85%–100%', 'zh-Hant': 'PCA 的 85%–100%' } },
      { id: 'above', text: { en: "More than PCA's", 'zh-Hans': '比 PCA 的还大', 'zh-Hant': '比 PCA 的還大' } },
    ],
    judge: { kind: 'range', measure: 'testSquaredError', of: 'ratio', bounds: [0.7, 0.85, 1], epoch: 10 },
  },
  tryThis: {
    en: [
      'Press **Train** and watch the test error fall through the PCA line on the loss chart.',
      'Compare the PCA and autoencoder reconstructions of the same digits: which strokes does PCA lose?',
      'Remove all hidden layers, leaving one layer on each side of the code. Where does its error end, compared with the PCA line?',
      'With a GPU, try the paper\'s sizes 1000, 500, 250 with the 30-number code.',
    ],
    'zh-Hans': [
      '按下**训练**，看测试误差在损失曲线图上穿过 PCA 那条线。',
      '比较 PCA 和自编码器对同一批数字的重建：PCA 丢掉了哪些笔画？',
      '把隐藏层全部删掉，编码两边各只剩一层。它的误差最后停在 PCA 那条线的哪一边？',
      '如果有 GPU，试试论文里的 1000、500、250 三层，编码仍是 30 个数。',
    ],
    'zh-Hant': [
      '按下**訓練**，看測試誤差在損失曲線圖上穿過 PCA 那條線。',
      '比較 PCA 和自編碼器對同一批數字的重建：PCA 弄丟了哪些筆畫？',
      '把隱藏層全部刪掉，編碼兩邊各只剩一層。它的誤差最後停在 PCA 那條線的哪一邊？',
      '如果有 GPU，試試論文裡的 1000、500、250 三層，編碼仍是 30 個數。',
    ],
  },
  claim: {
    text: {
      en: 'After four epochs, the deep autoencoder\'s squared error per test image is at least 15% below that of PCA with the same 30 numbers.',
      'zh-Hans': '训练四个 epoch 之后，深度自编码器每张测试图片的平方误差，比同样用 30 个数的 PCA 至少低 15%。',
      'zh-Hant': '訓練四個 epoch 之後，深度自編碼器每張測試圖片的平方誤差，比同樣用 30 個數的 PCA 至少低 15%。',
    },
    check: { metric: 'testSquaredError', compare: 'baseline', relation: 'lt', factor: 0.85, margin: 0, minEpochs: 4 },
  },
};
