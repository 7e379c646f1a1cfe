import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/**
 * Lesson 13 (issue 4): VQ-VAE, discrete codes. Each digit becomes 8 indices into a codebook of
 * 64 vectors (48 bits); the claim: with the dead-code reset the codebook stays in use, its
 * perplexity on the live test digits well above a collapsed codebook's.
 */
export const lesson: Lesson = {
  id: 'vq-vae',
  order: 13,
  title: { en: 'VQ-VAE: discrete codes', 'zh-Hans': 'VQ-VAE：离散编码', 'zh-Hant': 'VQ-VAE：離散編碼' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  // 784-256-64-32 with the 32 numbers read as 8 positions of 4; K = 64; a reset of the unused
  // codes every 25 steps (and of all of them before the first step). 5,000 digits, batch 100:
  // 50 steps an epoch, so the two epochs of the claim take 100 steps and 4 resets.
  preset: {
    model: { kind: 'vq', encoderLayers: [256, 64], codeSize: 32, vqPositions: 8, codebookSize: 64, commitment: 0.25, vqResetEvery: 25 },
    train: { trainSize: 5000, batchSize: 100, learningRate: 0.002 },
  },
  controls: ['architecture', 'run', 'lossChart', 'reconstructions', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['vq', 'model', 'training', 'reconstructions'],
  measures: ['vqPerplexity', 'testSquaredError'],
  prediction: {
    question: {
      en: 'The codebook holds 64 vectors. After two epochs, how many will the codes really use (the perplexity)?',
      'zh-Hans': '码本里有 64 个向量。训练两个 epoch 之后，编码真正会用到多少个（困惑度）？',
      'zh-Hant': '碼本裡有 64 個向量。訓練兩個 epoch 之後，編碼真正會用到多少個（困惑度）？',
    },
    choices: [
      { id: 'under8', text: { en: 'Fewer than 8', 'zh-Hans': '不到 8 个', 'zh-Hant': '不到 8 個' } },
      { id: '8to16', text: { en: '8 to 16', 'zh-Hans': '8 到 16 个', 'zh-Hant': '8 到 16 個' } },
      { id: '16to32', text: { en: '16 to 32', 'zh-Hans': '16 到 32 个', 'zh-Hant': '16 到 32 個' } },
      { id: 'over32', text: { en: 'More than 32', 'zh-Hans': '超过 32 个', 'zh-Hant': '超過 32 個' } },
    ],
    judge: { kind: 'range', measure: 'vqPerplexity', of: 'value', bounds: [8, 16, 32], epoch: 2 },
  },
  tryThis: {
    en: [
      'Press **Train** and watch the perplexity in the codes panel climb past the dashed line at K/4 = 16.',
      'Click an index of a digit and type another one: the decoded digit changes. Which positions change it most?',
      'Click a bar of the histogram: the panel draws that code at every position. Do single codes look like strokes?',
      'Set the dead-code reset to **0**, apply, and train two epochs again: how far below 16 does the perplexity stay?',
      'Try a codebook of **8** and of **512**: how do perplexity and the test loss change?',
    ],
    'zh-Hans': [
      '按下**训练**，看离散编码面板里的困惑度越过 K/4 = 16 那条虚线。',
      '点一个数字的某个索引，改成另一个数：解码出的数字就变了。改哪些位置影响最大？',
      '点直方图里的一根柱子：面板会画出每个位置都放这个码字的结果。单个码字像不像笔画？',
      '把失效码字的重置间隔设为 **0**，应用后再训练两个 epoch：困惑度比 16 低多少？',
      '试试大小为 **8** 和 **512** 的码本：困惑度和测试损失怎样变化？',
    ],
    'zh-Hant': [
      '按下**訓練**，看離散編碼面板裡的困惑度越過 K/4 = 16 那條虛線。',
      '點一個數字的某個索引，改成另一個數：解碼出的數字就變了。改哪些位置影響最大？',
      '點直方圖裡的一根柱子：面板會畫出每個位置都放這個碼字的結果。單個碼字像不像筆畫？',
      '把失效碼字的重設間隔設為 **0**，套用後再訓練兩個 epoch：困惑度比 16 低多少？',
      '試試大小為 **8** 和 **512** 的碼本：困惑度和測試損失怎樣變化？',
    ],
  },
  // Trainer, Node wasm, this preset, first 1,000 test digits, after 2 epochs (core/train/vqClaim.test.ts):
  // perplexity 27.5 with resets, 13.6 without, 8.1 without the straight-through gradient; test
  // BCE 0.186 / 0.196 per pixel. A continuous 2-number code: 0.211; 32 numbers: 0.138.
  claim: {
    text: {
      en: 'After two epochs the codebook’s perplexity on the first 1,000 test digits is above 24: with the dead-code reset the codebook stays in use (without it, about 13; an untrained codebook, about 19).',
      'zh-Hans': '训练两个 epoch 之后，码本在前 1,000 个测试数字上的困惑度高于 24：有了失效码字重置，码本一直在用（不重置时约为 13；未训练的码本约为 19）。',
      'zh-Hant': '訓練兩個 epoch 之後，碼本在前 1,000 個測試數字上的困惑度高於 24：有了失效碼字重設，碼本一直在用（不重設時約為 13；未訓練的碼本約為 19）。',
    },
    check: { metric: 'vqPerplexity', compare: 'fixed', relation: 'gt', value: 24, minEpochs: 2 },
  },
};
