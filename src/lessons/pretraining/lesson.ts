import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/** Lesson 18: greedy layer-wise pretraining with autoencoders, then fine-tuning on N labels, against random initialisation. */
export const lesson: Lesson = {
  id: 'pretraining',
  order: 18,
  title: { en: 'Pretraining with autoencoders', 'zh-Hans': '用自编码器做预训练', 'zh-Hant': '用自編碼器做預訓練' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  // The lab's own subset (10,000 digits, seed 1) is the unlabelled data the stack pretrains on.
  preset: { train: { trainSize: 10000, seed: 1 }, pretrain: { labels: '100', widths: 'small' } },
  controls: ['data', 'seed', 'run', 'pretraining', 'predict'],
  experiment: 'pretraining',
  panels: ['pretraining'],
  measures: ['pretrainGain'],
  prediction: {
    question: {
      en: 'With only 100 labelled digits, will layer-wise pretraining on unlabelled digits make the classifier better on the 10,000 test digits than the same network from random weights?',
      'zh-Hans': '只有 100 个带标签的数字时，先在无标签的数字上逐层预训练，会让分类器在 10,000 个测试数字上比随机初始化的同一个网络更好吗？',
      'zh-Hant': '只有 100 個帶標籤的數字時，先在無標籤的數字上逐層預訓練，會讓分類器在 10,000 個測試數字上比隨機初始化的同一個網路更好嗎？',
    },
    choices: [
      { id: 'worse', text: { en: 'Worse (by more than 1 point)', 'zh-Hans': '更差（低 1 个百分点以上）', 'zh-Hant': '更差（低 1 個百分點以上）' } },
      { id: 'same', text: { en: 'About the same (within 1 point)', 'zh-Hans': '差不多（相差不到 1 个百分点）', 'zh-Hant': '差不多（相差不到 1 個百分點）' } },
      { id: 'better', text: { en: 'Better (by more than 1 point)', 'zh-Hans': '更好（高 1 个百分点以上）', 'zh-Hant': '更好（高 1 個百分點以上）' } },
    ],
    judge: { kind: 'range', measure: 'pretrainGain', of: 'value', bounds: [-1, 1], epoch: 1 },
  },
  tryThis: {
    en: [
      'Press **Train** at the top and watch the stages: each layer’s reconstruction loss falls before the next layer starts. Which network is ahead after the first 25 fine-tuning steps?',
      'When the run is done, read the difference on all 10,000 test digits. Then set the seed to 2 and run again: how much of the gap was luck?',
      'Move the slider to **1,000** and then to **all** labels. Does the gap grow or shrink as labels get cheaper?',
      'Choose the lecture’s widths 784-1000-1000-500 and compare the seconds it takes with the default: is the bigger network worth the wait here?',
    ],
    'zh-Hans': [
      '按下顶部的**训练**，观察各个阶段：每一层的重建损失都先降下来，下一层才开始。微调前 25 步之后，哪个网络领先？',
      '跑完之后，读一下全部 10,000 张测试数字上的差距。再把种子改成 2 重跑一次：差距里有多少是运气？',
      '把滑块移到 **1,000**，再移到**全部**标签。标签越来越多时，差距变大还是变小？',
      '选择课上的宽度 784-1000-1000-500，和默认的比一比要花多少秒：在这里，大网络值得等吗？',
    ],
    'zh-Hant': [
      '按下頂部的**訓練**，觀察各個階段：每一層的重建損失都先降下來，下一層才開始。微調前 25 步之後，哪個網路領先？',
      '跑完之後，讀一下全部 10,000 張測試數字上的差距。再把種子改成 2 重跑一次：差距裡有多少是運氣？',
      '把滑桿移到 **1,000**，再移到**全部**標籤。標籤越來越多時，差距變大還是變小？',
      '選擇課堂上的寬度 784-1000-1000-500，和預設的比一比要花多少秒：在這裡，大網路值得等嗎？',
    ],
  },
  // Node wasm run (docs/quality/pretraining.md, 784-256-256-128-10, 100 labels, 300 steps):
  // seed 1: 78.64% pretrained vs 73.99% random (+4.65 points); seeds 2 and 3: -0.34 and +1.05.
  // A stack that learned nothing in pretraining is the random network again: about 0 points.
  claim: {
    text: {
      en: 'With 100 labelled digits (seed 1), the pretrained network ends more than 1 percentage point ahead of the same network from random weights on the 10,000 test digits.',
      'zh-Hans': '用 100 张带标签的数字（种子 1）微调之后，在 10,000 张测试数字上，预训练网络的准确率比从随机权重开始的同一网络高出 1 个百分点以上。',
      'zh-Hant': '用 100 張帶標籤的數字（種子 1）微調之後，在 10,000 張測試數字上，預訓練網路的準確率比從隨機權重開始的同一網路高出 1 個百分點以上。',
    },
    check: { metric: 'pretrainGain', compare: 'fixed', relation: 'gt', value: 1, minEpochs: 1 },
  },
};
