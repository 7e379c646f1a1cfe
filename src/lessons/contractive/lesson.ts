import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/**
 * Lesson 6 (issue 4): the contractive autoencoder. The penalty is the squared Frobenius norm of
 * the encoder's Jacobian (closed form, one hidden layer); the claim: the code moves less under
 * a small input change, relative to the spread of the codes, than a plain model's does.
 */
export const lesson: Lesson = {
  id: 'contractive',
  order: 6,
  title: { en: 'Contractive autoencoder', 'zh-Hans': '收缩自编码器', 'zh-Hant': '收縮自編碼器' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  // One sigmoid hidden layer (the closed form needs at most one), as in the contractive
  // autoencoder paper (Rifai et al. 2011); a 16-number code.
  preset: {
    model: { encoderLayers: [64], codeSize: 16, hiddenActivation: 'sigmoid', contractive: 0.001 },
    train: { trainSize: 5000 },
  },
  controls: ['architecture', 'variants', 'run', 'lossChart', 'reconstructions', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['contractive', 'model', 'training', 'reconstructions'],
  measures: ['relativeSensitivity', 'testSquaredError'],
  prediction: {
    question: {
      en: 'Which code will move less when the input changes a little (its relative sensitivity after three epochs): with the contractive penalty (weight 0.001), or without it (weight 0)? Train both to find out.',
      'zh-Hans': '输入稍微变一点时，哪种编码变得更少（训练三个 epoch 后的相对敏感度）：加收缩惩罚的（权重 0.001），还是不加的（权重 0）？两种都训练一次就知道了。',
      'zh-Hant': '輸入稍微變一點時，哪種編碼變得更少（訓練三個 epoch 後的相對敏感度）：加收縮懲罰的（權重 0.001），還是不加的（權重 0）？兩種都訓練一次就知道了。',
    },
    choices: [
      { id: 'penalty', text: { en: 'With the penalty (weight 0.001)', 'zh-Hans': '加惩罚的（权重 0.001）', 'zh-Hant': '加懲罰的（權重 0.001）' }, value: 0.001 },
      { id: 'plain', text: { en: 'Without it (weight 0)', 'zh-Hans': '不加惩罚的（权重 0）', 'zh-Hant': '不加懲罰的（權重 0）' }, value: 0 },
    ],
    judge: { kind: 'setting', setting: 'contractive', measure: 'relativeSensitivity', pick: 'min', epoch: 3 },
  },
  tryThis: {
    en: [
      'Press **Train** and watch the relative sensitivity settle below the line the claim draws.',
      'Set the contractive penalty to **0**, apply, and train three epochs again: how much higher do the sensitivity and the relative sensitivity end?',
      'Try a penalty of **0.01**: the codes shrink toward one point and the reconstructions turn into the average digit. Where is the balance?',
      'Add a second encoder layer: the lab refuses the penalty and says why.',
    ],
    'zh-Hans': [
      '按下**训练**，看相对敏感度降到结论要求的数值以下。',
      '把收缩惩罚设为 **0**，应用后再训练三个 epoch：敏感度和相对敏感度最后高出多少？',
      '试试惩罚 **0.01**：编码都缩向同一点，重建结果变成平均数字。平衡点在哪里？',
      '给编码器再加一层：实验室会拒绝这个惩罚，并说明原因。',
    ],
    'zh-Hant': [
      '按下**訓練**，看相對敏感度降到結論要求的數值以下。',
      '把收縮懲罰設為 **0**，套用後再訓練三個 epoch：敏感度和相對敏感度最後高出多少？',
      '試試懲罰 **0.01**：編碼都縮向同一點，重建結果變成平均數字。平衡點在哪裡？',
      '給編碼器再加一層：實驗室會拒絕這個懲罰，並說明原因。',
    ],
  },
  // Trainer, Node wasm, this preset, first 1,000 test digits, ε ~ N(0, 0.01²): after 1 / 2 / 3 / 4
  // epochs relative sensitivity 0.0150 / 0.0177 / 0.0181 / 0.0187 with the penalty, 0.0203 /
  // 0.0241 / 0.0258 / 0.0273 without (same seed and budget); raw sensitivity 0.055 vs 0.216 and
  // squared error 36.4 vs 33.9 after 3 epochs.
  claim: {
    text: {
      en: 'After three epochs, the relative sensitivity of the code is below 0.022 (the same network without the penalty, after the same three epochs: about 0.025).',
      'zh-Hans': '训练三个 epoch 之后，编码的相对敏感度低于 0.022（同一个网络不加惩罚、同样训练三个 epoch：约 0.025）。',
      'zh-Hant': '訓練三個 epoch 之後，編碼的相對敏感度低於 0.022（同一個網路不加懲罰、同樣訓練三個 epoch：約 0.025）。',
    },
    check: { metric: 'relativeSensitivity', compare: 'fixed', relation: 'lt', value: 0.022, minEpochs: 3 },
  },
};
