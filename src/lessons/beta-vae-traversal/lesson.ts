import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/** Lesson 16: feature disentanglement with a β-VAE; latent traversal and the KL of each code number. */
export const lesson: Lesson = {
  id: 'beta-vae-traversal',
  order: 16,
  title: { en: 'Feature disentanglement: β-VAE and traversal', 'zh-Hans': '特征分解：β-VAE 与潜在遍历', 'zh-Hant': '特徵分解：β-VAE 與潛在遍歷' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  preset: {
    model: { kind: 'vae', encoderLayers: [256, 64], codeSize: 8, beta: 4 },
    train: { trainSize: 10000, batchSize: 100, learningRate: 0.001 },
  },
  controls: ['architecture', 'run', 'lossChart', 'vae', 'traversal', 'reconstructions', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['traversal', 'vae', 'model', 'training', 'reconstructions'],
  measures: ['activeDimensions', 'testElbo'],
  prediction: {
    question: {
      en: 'With β = 4, how many of its 8 code numbers will the VAE still use after three epochs (more than 0.1 nats of KL each)?',
      'zh-Hans': 'β = 4 时，训练三个 epoch 之后，VAE 的 8 个编码数里还有几个在用（每个的 KL 超过 0.1 奈特）？',
      'zh-Hant': 'β = 4 時，訓練三個 epoch 之後，VAE 的 8 個編碼數裡還有幾個在用（每個的 KL 超過 0.1 奈特）？',
    },
    choices: [
      { id: '0to1', text: { en: '0 or 1', 'zh-Hans': '0 或 1 个', 'zh-Hant': '0 或 1 個' } },
      { id: '2to3', text: { en: '2 or 3', 'zh-Hans': '2 或 3 个', 'zh-Hant': '2 或 3 個' } },
      { id: '4to6', text: { en: '4 to 6', 'zh-Hans': '4 到 6 个', 'zh-Hant': '4 到 6 個' } },
      { id: '7to8', text: { en: '7 or 8', 'zh-Hans': '7 或 8 个', 'zh-Hant': '7 或 8 個' } },
    ],
    judge: { kind: 'range', measure: 'activeDimensions', of: 'value', bounds: [1.5, 3.5, 6.5], epoch: 3 },
  },
  tryThis: {
    en: [
      'Train for three epochs and pause: which rows of the traversal change the image, and which barely change it?',
      'Name what each used row changes: the digit itself, its slant, its width, its thickness?',
      'Pick another test digit (a 1, then a 0): does each row change the same property?',
      'Set β to 1 and train again: how many code numbers are used now, and is each row still one property?',
    ],
    'zh-Hans': [
      '训练三个 epoch 后暂停：遍历的哪些行改变了图像，哪些行几乎不变？',
      '说出每个被使用的行改变了什么：数字本身、倾斜、宽度，还是粗细？',
      '换一个测试数字（先选一个 1，再选一个 0）：每一行改变的还是同一个属性吗？',
      '把 β 设为 1 再训练：现在用了几个编码数字？每一行还只表示一种属性吗？',
    ],
    'zh-Hant': [
      '訓練三個 epoch 後暫停：遍歷的哪些列改變了圖像，哪些列幾乎不變？',
      '說出每個被使用的列改變了什麼：數字本身、傾斜、寬度，還是粗細？',
      '換一個測試數字（先選一個 1，再選一個 0）：每一列改變的還是同一個屬性嗎？',
      '把 β 設為 1 再訓練：現在用了幾個編碼數字？每一列還只表示一種屬性嗎？',
    ],
  },
  // Node wasm, this preset (seed 1), the engine's live measure on the first 1,000 test digits
  // (docs/quality/vaeLessons.md): code numbers above 0.1 nats after epochs 2 / 3 / 4 / 5 / 10:
  // 4 / 5 / 6 / 6 / 5 of 8 with β = 4; 8 of 8 from the first epoch on with β = 1. After one
  // epoch the β = 4 code had collapsed (0 used, every row the same image): the floor of 2 keeps
  // a collapsed code from passing "at most six".
  claim: {
    text: {
      en: 'After three epochs the β-VAE (β = 4) uses between two and six of its eight code numbers (more than 0.1 nats of KL each); the others are switched off.',
      'zh-Hans': '训练三个 epoch 之后，β-VAE（β = 4）的 8 个编码数字中只用了 2 到 6 个（每个的 KL 超过 0.1 奈特），其余的都被关掉了。',
      'zh-Hant': '訓練三個 epoch 之後，β-VAE（β = 4）的 8 個編碼數字中只用了 2 到 6 個（每個的 KL 超過 0.1 奈特），其餘的都被關掉了。',
    },
    check: { metric: 'activeDimensions', compare: 'fixed', relation: 'lt', value: 7, atLeast: 2, minEpochs: 3 },
  },
};
