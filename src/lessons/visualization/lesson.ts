import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/** Lesson 9: visualization: an autoencoder's code first, then UMAP; against PCA-2 and UMAP of the pixels. */
export const lesson: Lesson = {
  id: 'visualization',
  order: 9,
  title: { en: 'Visualization: autoencoder, then UMAP', 'zh-Hans': '可视化：先自编码器，再 UMAP', 'zh-Hant': '視覺化：先自編碼器，再 UMAP' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  preset: { model: { encoderLayers: [256, 64], codeSize: 32 }, train: { trainSize: 10000 } },
  controls: ['architecture', 'run', 'lossChart', 'scatter', 'embedding', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['embedding', 'latent', 'model', 'training'],
  measures: ['umapKnnAccuracy', 'knnAccuracy'],
  prediction: {
    question: {
      en: 'Which map of the 2,000 test digits will keep the digits apart best (its 5-nearest-neighbour accuracy, with the model trained two epochs)?',
      'zh-Hans': '哪张 2,000 个测试数字的地图最能把不同的数字分开（5 近邻准确率，模型训练两个 epoch）？',
      'zh-Hant': '哪張 2,000 個測試數字的地圖最能把不同的數字分開（5 近鄰準確率，模型訓練兩個 epoch）？',
    },
    choices: [
      { id: 'pca2', text: { en: 'PCA-2 of the pixels', 'zh-Hans': '像素的 PCA-2', 'zh-Hant': '像素的 PCA-2' } },
      { id: 'pixels', text: { en: 'UMAP of the 784 pixels', 'zh-Hans': '784 个像素的 UMAP', 'zh-Hant': '784 個像素的 UMAP' } },
      { id: 'codes', text: { en: 'UMAP of the 32-number codes', 'zh-Hans': '32 个数的编码的 UMAP', 'zh-Hant': '32 個數的編碼的 UMAP' } },
    ],
    judge: { kind: 'extreme', items: 'embeddingMaps', pick: 'max', epoch: 2 },
  },
  tryThis: {
    en: [
      'Press **Make the maps** before training: what does UMAP make of the codes of an untrained encoder?',
      'Train for two epochs, pause, and make the maps again. Which digits still share an island on the codes’ map, and on the pixels’ map?',
      'Compare the seconds under each map: the codes have 32 numbers, the pixels 784.',
      'Set the code size to 2 and train again: now the code is itself a map. Is UMAP of a 32-number code better than a 2-number code drawn directly?',
    ],
    'zh-Hans': [
      '训练之前先按**生成地图**：UMAP 把没训练过的编码器的编码画成了什么样？',
      '训练两个 epoch，暂停，再生成一次地图。在编码的地图和像素的地图上，哪些数字还挤在同一个岛上？',
      '比较每张地图下面的秒数：编码只有 32 个数，像素有 784 个。',
      '把编码大小改成 2 再训练：这时编码本身就是一张地图。32 个数的编码经过 UMAP，比直接画出 2 个数的编码好吗？',
    ],
    'zh-Hant': [
      '訓練之前先按**產生地圖**：UMAP 把沒訓練過的編碼器的編碼畫成了什麼樣子？',
      '訓練兩個 epoch，暫停，再產生一次地圖。在編碼的地圖和像素的地圖上，哪些數字還擠在同一座島上？',
      '比較每張地圖下面的秒數：編碼只有 32 個數，像素有 784 個。',
      '把編碼大小改成 2 再訓練：這時編碼本身就是一張地圖。32 個數的編碼經過 UMAP，比直接畫出 2 個數的編碼好嗎？',
    ],
  },
  // Node wasm run (seed 1, 10,000 training digits, batch 64, maps of the first 2,000 test
  // digits): after 1 / 2 epochs UMAP of the codes 0.835 / 0.843, PCA-2 0.392, UMAP of the
  // pixels 0.853 (4.3 s for the codes vs 5.5 s for the pixels). docs/quality/visualization.md
  // has 5,000 digits: codes 0.863 in 28 s, pixels 0.904 in 47 s, PCA-32 then UMAP 0.912.
  claim: {
    text: {
      en: 'After two epochs, UMAP of the 32-number codes separates the test digits about as well as UMAP of all 784 pixels: its 5-nearest-neighbour accuracy is at most 3 points lower.',
      'zh-Hans': '训练两个 epoch 之后，32 个数的编码的 UMAP 把测试数字分开的程度和全部 784 个像素的 UMAP 差不多：它的 5 近邻准确率最多低 3 个百分点。',
      'zh-Hant': '訓練兩個 epoch 之後，32 個數的編碼的 UMAP 把測試數字分開的程度和全部 784 個像素的 UMAP 差不多：它的 5 近鄰準確率最多低 3 個百分點。',
    },
    check: { metric: 'umapKnnAccuracy', compare: 'baseline', relation: 'gt', factor: 1, margin: -0.03, minEpochs: 2 },
  },
};
