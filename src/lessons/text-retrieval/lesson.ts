import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/** Lesson 17: text retrieval, a deep autoencoder's codes of the Brown passages against LSA (Hinton & Salakhutdinov 2006, Fig. 4). */
export const lesson: Lesson = {
  id: 'text-retrieval',
  order: 17,
  title: { en: 'Text retrieval: autoencoder vs LSA', 'zh-Hans': '文本检索：自编码器与 LSA', 'zh-Hant': '文本檢索：自編碼器與 LSA' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  // The MNIST model is not this lesson's experiment: it keeps the lab's defaults and none of its
  // panels show. The header's Train/Pause/Reset drive the text autoencoders.
  preset: {},
  controls: ['run', 'textRetrieval', 'predict'],
  experiment: 'textAutoencoders',
  panels: ['textRetrieval'],
  measures: ['textRetrievalFraction'],
  prediction: {
    question: {
      en: "After two epochs, which 10-number code will find more passages of the query's genre among the 15 it retrieves: the autoencoder's, or LSA-10's?",
      'zh-Hans': '训练两个 epoch 之后，检索 15 段文字时，哪个 10 个数的编码找回的同体裁段落更多：自编码器的，还是 LSA-10 的？',
      'zh-Hant': '訓練兩個 epoch 之後，檢索 15 段文字時，哪個 10 個數的編碼找回的同體裁段落更多：自編碼器的，還是 LSA-10 的？',
    },
    choices: [
      { id: 'lsa', text: { en: 'LSA-10 (by more than 1 point)', 'zh-Hans': 'LSA-10（多 1 个百分点以上）', 'zh-Hant': 'LSA-10（多 1 個百分點以上）' } },
      { id: 'same', text: { en: 'About the same (within 1 point)', 'zh-Hans': '差不多（相差不到 1 个百分点）', 'zh-Hant': '差不多（相差不到 1 個百分點）' } },
      { id: 'autoencoder', text: { en: 'The autoencoder (by more than 1 point)', 'zh-Hans': '自编码器（多 1 个百分点以上）', 'zh-Hant': '自編碼器（多 1 個百分點以上）' } },
    ],
    judge: { kind: 'range', measure: 'textRetrievalFraction', of: 'difference', bounds: [-0.01, 0.01], epoch: 2 },
  },
  tryThis: {
    en: [
      'Before training, compare the two curves: LSA needs no training at all; where does the untrained autoencoder start?',
      'Press **Train** at the top and watch the blue curve: after how many epochs does it pass LSA-10 at 15 passages retrieved?',
      'Search for *the detective found the body and the gun*: which genres come back from each model, and where does the query land on the maps?',
      'Look at the two maps: which genres form a region of their own, and which (fiction, press) overlap? Why would a 2-number code mix them?',
    ],
    'zh-Hans': [
      '训练之前先比较两条曲线：LSA 根本不用训练；没训练过的自编码器从哪里开始？',
      '按顶部的**训练**，看蓝色曲线：训练几个 epoch 之后，它在检索 15 段时超过 LSA-10？',
      '检索 *the detective found the body and the gun*：两个模型各找回哪些体裁？查询落在两张地图的什么位置？',
      '看两张地图：哪些体裁自成一片，哪些（小说、新闻）互相重叠？为什么 2 个数的编码会把它们混在一起？',
    ],
    'zh-Hant': [
      '訓練之前先比較兩條曲線：LSA 根本不用訓練；沒訓練過的自編碼器從哪裡開始？',
      '按頂部的**訓練**，看藍色曲線：訓練幾個 epoch 之後，它在檢索 15 段時超過 LSA-10？',
      '檢索 *the detective found the body and the gun*：兩個模型各找回哪些體裁？查詢落在兩張地圖的什麼位置？',
      '看兩張地圖：哪些體裁自成一片，哪些（小說、新聞）互相重疊？為什麼 2 個數的編碼會把它們混在一起？',
    ],
  },
  // Node wasm run (quality/textRetrieval.quality.ts, seed 1): same-genre share at 15 retrieved,
  // LSA-10 0.244; the autoencoder 0.10 untrained (its codes start nearly collinear), 0.275 after
  // one epoch, 0.296 after two. A model that learned nothing stays near 0.10 and fails.
  claim: {
    text: {
      en: 'After two epochs, among the 15 passages its 10-number code retrieves, the autoencoder finds at least 2 points more of the query’s genre than LSA-10 does.',
      'zh-Hans': '训练两个 epoch 之后，用 10 个数的编码检索 15 段文字，自编码器找回的同体裁段落比例比 LSA-10 至少高 2 个百分点。',
      'zh-Hant': '訓練兩個 epoch 之後，用 10 個數的編碼檢索 15 段文字，自編碼器找回的同體裁段落比例比 LSA-10 至少高 2 個百分點。',
    },
    check: { metric: 'textRetrievalFraction', compare: 'baseline', relation: 'gt', factor: 1, margin: 0.02, minEpochs: 2 },
  },
};
