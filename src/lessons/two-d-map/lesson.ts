import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/** Lesson 3: the 2-D map of the codes; PCA-2 mixes the classes, an autoencoder separates them. */
export const lesson: Lesson = {
  id: 'two-d-map',
  order: 3,
  title: { en: 'A 2-D map of the digits', 'zh-Hans': '数字的二维地图', 'zh-Hant': '數字的二維地圖' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  preset: { model: { encoderLayers: [256, 64], codeSize: 2 } },
  controls: ['architecture', 'seed', 'run', 'lossChart', 'pcaCompare', 'scatter', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['latent', 'model', 'training'],
  measures: ['knnAccuracy'],
  prediction: {
    question: {
      en: "After three epochs, on which 2-D map will a 5-nearest-neighbour vote guess the digit right more often: the autoencoder's 2-number code, or PCA's first two components?",
      'zh-Hans': '训练三个 epoch 之后，用 5 个最近邻投票猜数字，在哪张二维地图上猜对得更多：自编码器 2 个数的编码，还是 PCA 的前两个主成分？',
      'zh-Hant': '訓練三個 epoch 之後，用 5 個最近鄰居投票猜數字，在哪張二維地圖上猜對得更多：自編碼器 2 個數的編碼，還是 PCA 的前兩個主成分？',
    },
    choices: [
      { id: 'pca', text: { en: "PCA-2's map (by more than 2 points)", 'zh-Hans': 'PCA-2 的图（高出 2 个百分点以上）', 'zh-Hant': 'PCA-2 的圖（高出 2 個百分點以上）' } },
      { id: 'same', text: { en: 'About the same (within 2 points)', 'zh-Hans': '差不多（相差不到 2 个百分点）', 'zh-Hant': '差不多（相差不到 2 個百分點）' } },
      { id: 'autoencoder', text: { en: "The autoencoder's map (by more than 2 points)", 'zh-Hans': '自编码器的地图（高出 2 个百分点以上）', 'zh-Hant': '自編碼器的地圖（高出 2 個百分點以上）' } },
    ],
    judge: { kind: 'range', measure: 'knnAccuracy', of: 'difference', bounds: [-0.02, 0.02], epoch: 3 },
  },
  tryThis: {
    en: [
      'Press **Train** and watch the colours on the map pull apart while the PCA-2 map stays mixed.',
      'Hover over the border between two colours and find a digit that could be either.',
      'Change the seed and train again: is the new map a rotated or mirrored copy of the old one?',
      'Remove the hidden layers and train again: does the map still separate the digits?',
    ],
    'zh-Hans': [
      '按下**训练**，看地图上的颜色一块块分开，而 PCA-2 的图始终混在一起。',
      '把鼠标移到两种颜色的交界处，找一个看起来两种都像的数字。',
      '换一个随机种子再训练：新的地图是不是旧地图旋转或翻转后的样子？',
      '把隐藏层全部删掉再训练：地图还能把数字分开吗？',
    ],
    'zh-Hant': [
      '按下**訓練**，看地圖上的顏色一塊塊分開，而 PCA-2 的圖始終混在一起。',
      '把滑鼠移到兩種顏色的交界處，找一個看起來兩種都像的數字。',
      '換一個隨機種子再訓練：新的地圖是不是舊地圖旋轉或翻轉後的樣子？',
      '把隱藏層全部刪掉再訓練：地圖還能把數字分開嗎？',
    ],
  },
  // Node wasm run, 10,000 images, 2,000 test digits: 5-NN accuracy 0.567 on the autoencoder's
  // map after 3 epochs (0.508 after 2) against 0.422 on PCA-2's.
  claim: {
    text: {
      en: "After three epochs, a 5-nearest-neighbour vote on the autoencoder's map guesses the digit right at least 10 percentage points more often than on the PCA-2 map.",
      'zh-Hans': '训练三个 epoch 之后，在自编码器的地图上用 5 个最近邻投票猜数字，准确率比在 PCA-2 的图上至少高 10 个百分点。',
      'zh-Hant': '訓練三個 epoch 之後，在自編碼器的地圖上用 5 個最近鄰居投票猜數字，準確率比在 PCA-2 的圖上至少高 10 個百分點。',
    },
    check: { metric: 'knnAccuracy', compare: 'baseline', relation: 'gt', factor: 1, margin: 0.1, minEpochs: 3 },
  },
};
