import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/**
 * Lesson 10 (issue 4): the sparse autoencoder and the overcomplete trap. A 784 -> 1000 -> 784
 * autoencoder (no hidden layer, ReLU code) could copy its input; an L1 penalty on the code's
 * activity (the Keras blog's 1e-4) makes it switch most units off for each digit. The claim:
 * few units active on test digits while the code still reconstructs (the guard: a collapsed
 * code, every unit off, is as sparse as can be but draws the mean digit, squared error ~49).
 */
export const lesson: Lesson = {
  id: 'sparse',
  order: 10,
  title: { en: 'Sparse autoencoder', 'zh-Hans': '稀疏自编码器', 'zh-Hant': '稀疏自編碼器' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  preset: {
    model: { encoderLayers: [], codeSize: 1000, codeActivation: 'relu', sparsity: 'l1', sparsityWeight: 1e-4 },
    train: { trainSize: 3000 },
  },
  controls: ['architecture', 'variants', 'run', 'lossChart', 'reconstructions', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['sparse', 'model', 'training', 'reconstructions'],
  measures: ['activeFraction', 'meanActivation', 'testSquaredError'],
  prediction: {
    question: {
      en: 'With the L1 penalty on a code of 1,000 units: after two epochs, what share of the units will be active on a test digit?',
      'zh-Hans': '对 1,000 个单元的编码加 L1 惩罚：训练两个 epoch 之后，一个测试数字会让多大比例的单元活跃？',
      'zh-Hant': '對 1,000 個單元的編碼加 L1 懲罰：訓練兩個 epoch 之後，一個測試數字會讓多大比例的單元活躍？',
    },
    choices: [
      { id: 'under10', text: { en: 'Under 10%', 'zh-Hans': '不到 10%', 'zh-Hant': '不到 10%' } },
      { id: '10to40', text: { en: '10% to 40%', 'zh-Hans': '10% 到 40%', 'zh-Hant': '10% 到 40%' } },
      { id: '40to70', text: { en: '40% to 70%', 'zh-Hans': '40% 到 70%', 'zh-Hant': '40% 到 70%' } },
      { id: 'over70', text: { en: 'Over 70%', 'zh-Hans': '超过 70%', 'zh-Hant': '超過 70%' } },
    ],
    judge: { kind: 'range', measure: 'activeFraction', of: 'value', bounds: [0.1, 0.4, 0.7], epoch: 2 },
  },
  tryThis: {
    en: [
      'Press **Train** and watch the share of active units fall while the reconstructions sharpen.',
      'Set the sparsity penalty to **none**, apply and train two epochs again: how many units are active now, and what do the features look like?',
      'Raise the L1 weight to **0.001**: every unit switches off for good and the model can only draw the average digit. The claim’s second condition catches this.',
      'Try the KL penalty: code activation **sigmoid**, penalty **KL toward ρ**, ρ = 0.05, weight 0.001. It trains more slowly; compare the histogram with L1’s.',
    ],
    'zh-Hans': [
      '按下**训练**，看活跃单元的比例下降，同时重建越来越清楚。',
      '把稀疏惩罚设为**无**，应用后再训练两个 epoch：现在有多少单元活跃？特征看起来像什么？',
      '把 L1 权重提高到 **0.001**：所有单元都永久关闭，模型只能画出平均数字。结论的第二个条件会抓住这种情况。',
      '试试 KL 惩罚：编码激活函数选 **sigmoid**，惩罚选**朝向 ρ 的 KL**，ρ = 0.05，权重 0.001。它训练得更慢；把直方图和 L1 的比较一下。',
    ],
    'zh-Hant': [
      '按下**訓練**，看活躍單元的比例下降，同時重建越來越清楚。',
      '把稀疏懲罰設為**無**，套用後再訓練兩個 epoch：現在有多少單元活躍？特徵看起來像什麼？',
      '把 L1 權重提高到 **0.001**：所有單元都永久關閉，模型只能畫出平均數字。結論的第二個條件會抓住這種情況。',
      '試試 KL 懲罰：編碼激活函數選 **sigmoid**，懲罰選**朝向 ρ 的 KL**，ρ = 0.05，權重 0.001。它訓練得更慢；把直方圖和 L1 的比較一下。',
    ],
  },
  // Trainer, Node wasm, this preset (3,000 training digits, batch 64, seed 1), first 1,000 test
  // digits, active = activation > 0.1: after 2 epochs 24.8% active, mean activation 0.173,
  // squared error 10.1 with the penalty; 73.7%, 0.685 and 7.6 without (same seed and budget).
  // L1 weight 0.001 collapses the code: 0.04% active, squared error 48.8.
  // docs/quality/sparse.md has the table (npm run quality -- quality/sparse.quality.ts).
  claim: {
    text: {
      en: 'After one epoch, fewer than 40% of the code’s units are active on a test digit (without the penalty: about 70%), while the test squared error stays below 20 per digit.',
      'zh-Hans': '训练一个 epoch 之后，对一个测试数字来说，编码中活跃的单元少于 40%（不加惩罚时约为 70%），同时测试平方误差保持在每个数字 20 以下。',
      'zh-Hant': '訓練一個 epoch 之後，對一個測試數字來說，編碼中活躍的單元少於 40%（不加懲罰時約為 70%），同時測試平方誤差保持在每個數字 20 以下。',
    },
    check: { metric: 'activeFraction', compare: 'fixed', relation: 'lt', value: 0.4, minEpochs: 1, guard: { metric: 'testSquaredError', relation: 'lt', value: 20 } },
  },
};
