import type { Lesson } from '../types';
import en from './en.md?raw';
import zhHans from './zh-Hans.md?raw';
import zhHant from './zh-Hant.md?raw';

/**
 * Lesson 11 (issue 4): the convolutional autoencoder. Convolution + max pooling in the encoder;
 * max-unpooling (the switches), repeat-unpooling or deconvolution in the decoder; feature maps
 * drawn live. The claim compares its reconstructions with PCA's of the same size; the lesson
 * text reports the dense autoencoder of the same code size (docs/quality/convLesson.md).
 */
export const lesson: Lesson = {
  id: 'convolutional',
  order: 11,
  title: { en: 'Convolutional autoencoder', 'zh-Hans': '卷积自编码器', 'zh-Hant': '卷積自編碼器' },
  body: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
  // conv 3x3 16 -> pool -> conv 3x3 8 -> pool -> 7x7x8 -> 32, as in the Keras blog's
  // convolutional autoencoder but with a 32-number code; 5,000 digits so wasm trains an epoch
  // in well under a minute.
  preset: {
    model: { kind: 'conv', encoderLayers: [], convChannels: [16, 8], convDecoder: 'maxUnpool', codeSize: 32 },
    train: { trainSize: 5000 },
  },
  controls: ['architecture', 'run', 'lossChart', 'reconstructions', 'pcaCompare', 'predict'],
  experiment: 'mnistAutoencoder',
  panels: ['featureMaps', 'model', 'training', 'reconstructions'],
  measures: ['testSquaredError'],
  prediction: {
    question: {
      en: 'Which way of undoing the pooling will rebuild the digits best (the lowest squared error after two epochs)? Train each to find out.',
      'zh-Hans': '哪种反池化方法重建数字最好（训练两个 epoch 后平方误差最低）？每种都训练一次就知道了。',
      'zh-Hant': '哪種反池化方法重建數字最好（訓練兩個 epoch 後平方誤差最低）？每種都訓練一次就知道了。',
    },
    choices: [
      { id: 'maxUnpool', text: { en: "Max-unpooling (back to the pooling's switches)", 'zh-Hans': '最大反池化（放回池化记下的位置）', 'zh-Hant': '最大反池化（放回池化記下的位置）' }, value: 'maxUnpool' },
      { id: 'repeatUnpool', text: { en: 'Repeat-unpooling (each value into its whole window)', 'zh-Hans': '重复反池化（把每个值复制到整个窗口）', 'zh-Hant': '重複反池化（把每個值複製到整個窗口）' }, value: 'repeatUnpool' },
      { id: 'deconvolution', text: { en: 'Deconvolution (a transposed convolution)', 'zh-Hans': '反卷积（转置卷积）', 'zh-Hant': '反卷積（轉置卷積）' }, value: 'deconvolution' },
    ],
    judge: { kind: 'setting', setting: 'convDecoder', measure: 'testSquaredError', pick: 'min', epoch: 2 },
  },
  tryThis: {
    en: [
      'Press **Train** and watch the feature maps: which channels of the first convolution light up on the strokes, which on the background?',
      'Switch the decoder to **repeat-unpooling**, apply and train again. Are the reconstructions as sharp? Why might max-unpooling have an unfair advantage?',
      'Try **deconvolution**: the decoder learns its own upsampling. Compare its squared error with the other two after the same number of epochs.',
      'Set the kind to **dense (MLP)** with one hidden layer of 256 and the same 32-number code. Which reconstructs better after two epochs, and which has fewer weights?',
    ],
    'zh-Hans': [
      '按下**训练**，看特征图：第一次卷积的哪些通道在笔画上亮起来，哪些在背景上？',
      '把解码器换成**重复反池化**，应用后再训练。重建得一样清楚吗？为什么说最大反池化占了便宜？',
      '试试**反卷积**：解码器自己学怎样放大。训练同样多的 epoch 后，把它的平方误差和另外两种比一比。',
      '把种类设成**全连接（MLP）**，一个 256 的隐藏层，编码同样是 32 个数。训练两个 epoch 后哪个重建得更好？哪个的权重更少？',
    ],
    'zh-Hant': [
      '按下**訓練**，看特徵圖：第一次卷積的哪些通道在筆畫上亮起來，哪些在背景上？',
      '把解碼器換成**重複反池化**，套用後再訓練。重建得一樣清楚嗎？為什麼說最大反池化佔了便宜？',
      '試試**反卷積**：解碼器自己學怎樣放大。訓練同樣多的 epoch 後，把它的平方誤差和另外兩種比一比。',
      '把種類設成**全連接（MLP）**，一個 256 的隱藏層，編碼同樣是 32 個數。訓練兩個 epoch 後哪個重建得更好？哪個的權重更少？',
    ],
  },
  claim: {
    text: {
      en: 'After two epochs, the convolutional autoencoder with max-unpooling, given its 32-number code and where each max sat, rebuilds the test digits with at least 30% less squared error than PCA with as many numbers (32); the switches alone, with the code zeroed, rebuild nothing.',
      'zh-Hans': '训练两个 epoch 之后，用最大反池化的卷积自编码器拿到它 32 个数的编码和每个最大值所在的位置，重建测试数字的平方误差比同样用 32 个数的 PCA 至少小 30%；把编码置零、只留这些位置（开关），什么也重建不出来。',
      'zh-Hant': '訓練兩個 epoch 之後，用最大反池化的卷積自編碼器拿到它 32 個數的編碼和每個最大值所在的位置，重建測試數字的平方誤差比同樣用 32 個數的 PCA 至少小 30%；把編碼置零、只留這些位置（開關），什麼也重建不出來。',
    },
    // quality/convLesson.quality.ts (Node wasm, this preset): 5.76 vs PCA-32's 13.62 after 2 epochs
    // (0.42x); repeat-unpooling 15.6 (1.15x), deconvolution 17.9; the untrained model ~50.
    check: { metric: 'testSquaredError', compare: 'baseline', relation: 'lt', factor: 0.7, margin: 0, minEpochs: 2 },
  },
};
