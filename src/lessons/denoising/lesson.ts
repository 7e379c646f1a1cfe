import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/**
 * Lesson 5 (issue 4): the denoising autoencoder. Trained on noisy digits against the clean ones;
 * the claim: the output's PSNR is clearly above the noisy input's.
 */
export const lesson: Lesson = {
  id: 'denoising',
  order: 5,
  title: { en: 'Denoising autoencoder', 'zh-Hans': '去噪自编码器', 'zh-Hant': '去雜訊自編碼器' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  // Gaussian σ = 0.5 as in the Keras blog's denoising example, a 32-number code.
  preset: {
    model: { encoderLayers: [256, 64], codeSize: 32, noise: 'gaussian', noiseLevel: 0.5 },
    train: { trainSize: 5000 },
  },
  controls: ['architecture', 'variants', 'run', 'lossChart', 'reconstructions', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['denoising', 'model', 'training', 'reconstructions'],
  measures: ['psnrGain', 'testSquaredError'],
  prediction: {
    question: {
      en: 'Every input gets Gaussian noise (σ = 0.5). After two epochs, how much cleaner than the noisy input will the output be (its PSNR gain)?',
      'zh-Hans': '每张输入图都加上高斯噪声（σ = 0.5）。训练两个 epoch 之后，输出会比带噪声的输入干净多少（PSNR 的提升）？',
      'zh-Hant': '每張輸入圖都加上高斯雜訊（σ = 0.5）。訓練兩個 epoch 之後，輸出會比帶雜訊的輸入乾淨多少（PSNR 的提升）？',
    },
    choices: [
      { id: 'none', text: { en: 'Not cleaner (below 0 dB)', 'zh-Hans': '不会更干净（低于 0 dB）', 'zh-Hant': '不會更乾淨（低於 0 dB）' } },
      { id: '0to3', text: { en: '0 to 3 dB cleaner', 'zh-Hans': '干净 0 到 3 dB', 'zh-Hant': '乾淨 0 到 3 dB' } },
      { id: '3to6', text: { en: '3 to 6 dB cleaner', 'zh-Hans': '干净 3 到 6 dB', 'zh-Hant': '乾淨 3 到 6 dB' } },
      { id: 'over6', text: { en: 'More than 6 dB cleaner', 'zh-Hans': '干净 6 dB 以上', 'zh-Hant': '乾淨 6 dB 以上' } },
    ],
    judge: { kind: 'range', measure: 'psnrGain', of: 'value', bounds: [0, 3, 6], epoch: 2 },
  },
  tryThis: {
    en: [
      'Press **Train** and watch the bottom row of the denoising panel turn from grey blobs into digits.',
      'Switch the noise to **masking** with level 0.5, apply, and train again: half of every digit is missing, yet the output fills it in, as BERT fills in masked words.',
      'Try **salt and pepper** with level 0.3. Which noise is the hardest for the model, judging by the PSNR gain?',
      'Set the noise to **none**: the denoising panel disappears. Is a plain autoencoder a denoiser too? (Think about what it has learned.)',
    ],
    'zh-Hans': [
      '按下**训练**，看去噪面板最下面一行从灰色的一团慢慢变成数字。',
      '把噪声换成**遮挡**、强度 0.5，应用后再训练：每个数字都少了一半，输出却能补回来，就像 BERT 补回被遮住的词。',
      '试试**椒盐噪声**、强度 0.3。从 PSNR 的提升来看，哪种噪声对模型最难？',
      '把噪声设成**无**：去噪面板会消失。普通的自编码器算不算去噪器？（想想它学到了什么。）',
    ],
    'zh-Hant': [
      '按下**訓練**，看去雜訊面板最下面一列從灰色的一團慢慢變成數字。',
      '把雜訊換成**遮蔽**、強度 0.5，套用後再訓練：每個數字都少了一半，輸出卻能補回來，就像 BERT 補回被遮住的詞。',
      '試試**椒鹽雜訊**、強度 0.3。從 PSNR 的提升來看，哪種雜訊對模型最難？',
      '把雜訊設成**無**：去雜訊面板會消失。一般的自編碼器算不算去雜訊器？（想想它學到了什麼。）',
    ],
  },
  // Trainer, Node wasm, this preset, PSNR on the first 1,000 test digits with the fixed test
  // noise: noisy input 9.35 dB; the untrained model (the mean digit) 11.89 dB (+2.5);
  // output 13.84 / 14.48 / 14.87 dB after epochs 1 / 2 / 3 (+4.5 / +5.1 / +5.5).
  claim: {
    text: {
      en: 'After one epoch, the PSNR of the model\'s output is at least 4 dB above that of the noisy input it was given.',
      'zh-Hans': '训练一个 epoch 之后，模型输出的 PSNR 比它收到的带噪输入至少高 4 分贝。',
      'zh-Hant': '訓練一個 epoch 之後，模型輸出的 PSNR 比它收到的含雜訊輸入至少高 4 分貝。',
    },
    check: { metric: 'psnrGain', compare: 'fixed', relation: 'gt', value: 4, minEpochs: 1 },
  },
};
