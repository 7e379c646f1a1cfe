import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/** Lesson 8: anomaly detection by reconstruction error, one digit as the normal class. */
export const lesson: Lesson = {
  id: 'anomaly-detection',
  order: 8,
  title: { en: 'Anomaly detection', 'zh-Hans': '异常检测', 'zh-Hant': '異常偵測' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  preset: { model: { encoderLayers: [256, 64], codeSize: 8 }, train: { trainSize: 10000, normalDigits: [0] } },
  controls: ['architecture', 'seed', 'run', 'lossChart', 'anomaly', 'drawPad', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['anomaly', 'draw', 'model', 'training'],
  measures: ['anomalyAuroc'],
  prediction: {
    question: {
      en: 'The model learns only 0s. After one epoch, which digit will be the hardest to tell from a 0 by its reconstruction error (the lowest AUROC)?',
      'zh-Hans': '模型只学 0。训练一个 epoch 之后，按重建误差，哪个数字最难和 0 区分开（AUROC 最低）？',
      'zh-Hant': '模型只學 0。訓練一個 epoch 之後，按重建誤差，哪個數字最難和 0 區分開（AUROC 最低）？',
    },
    choices: [
      { id: '1', text: { en: '1', 'zh-Hans': '1', 'zh-Hant': '1' } },
      { id: '2', text: { en: '2', 'zh-Hans': '2', 'zh-Hant': '2' } },
      { id: '3', text: { en: '3', 'zh-Hans': '3', 'zh-Hant': '3' } },
      { id: '4', text: { en: '4', 'zh-Hans': '4', 'zh-Hant': '4' } },
      { id: '5', text: { en: '5', 'zh-Hans': '5', 'zh-Hant': '5' } },
      { id: '6', text: { en: '6', 'zh-Hans': '6', 'zh-Hant': '6' } },
      { id: '7', text: { en: '7', 'zh-Hans': '7', 'zh-Hant': '7' } },
      { id: '8', text: { en: '8', 'zh-Hans': '8', 'zh-Hant': '8' } },
      { id: '9', text: { en: '9', 'zh-Hans': '9', 'zh-Hant': '9' } },
    ],
    judge: { kind: 'extreme', items: 'anomalyDigits', pick: 'min', epoch: 1 },
  },
  tryThis: {
    en: [
      'Before training, read the AUROC: the untrained decoder draws the average 0, so the score is the distance from that average. Does training improve on it?',
      'Press **Train**, then move the threshold until no more than 5% of the 0s are flagged: how many anomalies does it still catch?',
      'Make **8** the only normal digit and train again. Set the threshold so that 5% of the 8s are flagged: how many 1s get through? (The text says why.)',
      'Draw a 0 and then a 7 on the pad: which one does the threshold flag?',
    ],
    'zh-Hans': [
      '训练之前先看 AUROC：还没训练的解码器画出来的是“平均的 0”，所以分数就是离这个平均图有多远。训练之后有没有进步？',
      '按下**训练**，再移动阈值，直到被误判的 0 不超过 5%：这时还能抓到多少异常？',
      '只把 **8** 设为正常再训练。调整阈值，让 5% 的 8 被判为异常：有多少个 1 溜过去了？（原因见上文。）',
      '在画板上先画一个 0，再画一个 7：阈值会把哪一个判为异常？',
    ],
    'zh-Hant': [
      '訓練之前先看 AUROC：還沒訓練的解碼器畫出來的是「平均的 0」，所以分數就是離這張平均圖有多遠。訓練之後有沒有進步？',
      '按下**訓練**，再移動門檻，直到被誤判的 0 不超過 5%：這時還能抓到多少異常？',
      '只把 **8** 設為正常再訓練。調整門檻，讓 5% 的 8 被判為異常：有多少個 1 溜過去了？（原因見上文。）',
      '在畫板上先畫一個 0，再畫一個 7：門檻會把哪一個判為異常？',
    ],
  },
  // Node wasm run (docs/quality/anomaly.md, seed 1, all 5,923 training 0s, 10,000 test digits):
  // AUROC 0.989 after 1 epoch, 0.995 after 5; the ten digits average 0.958 (8: 0.891, 2: 0.908).
  // Trained on 8s, the 1s alone against the 8s: 0.456 (a 1 has little ink to get wrong).
  claim: {
    text: {
      en: 'Trained on 0s only for one epoch, the reconstruction error tells the other nine digits from 0s with an AUROC above 0.98 (before training, the distance from the average 0 gives about 0.97).',
      'zh-Hans': '只用 0 训练一个 epoch 之后，用重建误差区分其余九个数字和 0，AUROC 高于 0.98（训练之前，用与平均的 0 的距离就约有 0.97）。',
      'zh-Hant': '只用 0 訓練一個 epoch 之後，用重建誤差區分其餘九個數字和 0，AUROC 高於 0.98（訓練之前，用與平均的 0 的距離就約有 0.97）。',
    },
    check: { metric: 'anomalyAuroc', compare: 'fixed', relation: 'gt', value: 0.98, minEpochs: 1 },
  },
};
