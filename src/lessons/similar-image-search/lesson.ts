import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/** Lesson 7: similar-image search in pixels and in codes; precision@10 and what a search costs. */
export const lesson: Lesson = {
  id: 'similar-image-search',
  order: 7,
  title: { en: 'Similar-image search', 'zh-Hans': '以图找图', 'zh-Hant': '以圖找圖' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  preset: { model: { encoderLayers: [256, 64], codeSize: 32 }, train: { trainSize: 10000 } },
  controls: ['architecture', 'seed', 'run', 'lossChart', 'imageSearch', 'drawPad', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['imageSearch', 'draw', 'model', 'training'],
  measures: ['searchPrecision'],
  prediction: {
    question: {
      en: "Searching with the 32-number code: after two epochs, what share of a query's 10 nearest training digits will show the query's digit?",
      'zh-Hans': '用 32 个数的编码检索：训练两个 epoch 之后，一个查询的 10 个最近的训练数字里，有多大比例是和查询一样的数字？',
      'zh-Hant': '用 32 個數的編碼檢索：訓練兩個 epoch 之後，一個查詢的 10 個最近的訓練數字裡，有多大比例是和查詢一樣的數字？',
    },
    choices: [
      { id: 'under50', text: { en: 'Less than half', 'zh-Hans': '不到一半', 'zh-Hant': '不到一半' } },
      { id: '50to80', text: { en: '50% to 80%', 'zh-Hans': '50% 到 80%', 'zh-Hant': '50% 到 80%' } },
      { id: '80to90', text: { en: '80% to 90%', 'zh-Hans': '80% 到 90%', 'zh-Hant': '80% 到 90%' } },
      { id: 'over90', text: { en: 'More than 90%', 'zh-Hans': '超过 90%', 'zh-Hant': '超過 90%' } },
    ],
    judge: { kind: 'range', measure: 'searchPrecision', of: 'value', bounds: [0.5, 0.8, 0.9], epoch: 2 },
  },
  tryThis: {
    en: [
      'Before training, look at the table: even an untrained encoder (random weights) finds the right digit more often than chance (10%). Why?',
      'Press **Train** and click a few test digits: which neighbours in pixels are wrong, and are they the same ones the codes get wrong?',
      'Draw a digit on the pad and press **Search with my drawing**: draw it thin, thick, or off to one side, and compare the two rows.',
      'Set the code size to 8 and train again: how much precision do you lose for a set 98 times smaller than the pixels?',
    ],
    'zh-Hans': [
      '训练之前先看表格：连没训练过的编码器（权重是随机的）找对数字的比例也高于随机猜的 10%。为什么？',
      '按下**训练**，再点几个测试数字：按像素找错的邻居有哪些？按编码找错的是不是同一批？',
      '在画板上画一个数字，按**用我画的数字检索**：试着画细一点、粗一点，或者偏到一边，比较两行结果。',
      '把编码大小改成 8 再训练：被检索的集合比像素小了 98 倍，precision 损失了多少？',
    ],
    'zh-Hant': [
      '訓練之前先看表格：連沒訓練過的編碼器（權重是隨機的）找對數字的比例也高於隨便猜的 10%。為什麼？',
      '按下**訓練**，再點幾個測試數字：按像素找錯的鄰居有哪些？按編碼找錯的是不是同一批？',
      '在畫板上畫一個數字，按**用我畫的數字檢索**：試著畫細一點、粗一點，或者偏到一邊，比較兩行結果。',
      '把編碼大小改成 8 再訓練：被檢索的集合比像素小了 98 倍，precision 損失了多少？',
    ],
  },
  // Node wasm run (docs/quality/imageSearch.md, seed 1, 10,000 training digits, 1,000 queries):
  // autoencoder codes 0.857 after 1 epoch, 0.876 after 2, 0.885 after 3, 0.891 after 5;
  // pixels 0.881, PCA-32 0.899.
  claim: {
    text: {
      en: 'After two epochs, more than 85% of the ten nearest training digits found with the 32-number code show the query’s digit: about what the 784 pixels find, from a code 24 times smaller.',
      'zh-Hans': '训练两个 epoch 之后，用 32 个数的编码找到的十个最近训练数字里，超过 85% 和查询是同一个数字：和用 784 个像素找的差不多，而编码小了 24 倍。',
      'zh-Hant': '訓練兩個 epoch 之後，用 32 個數的編碼找到的十個最近訓練數字裡，超過 85% 和查詢是同一個數字：和用 784 個像素找的差不多，而編碼小了 24 倍。',
    },
    check: { metric: 'searchPrecision', compare: 'fixed', relation: 'gt', value: 0.85, minEpochs: 2 },
  },
};
