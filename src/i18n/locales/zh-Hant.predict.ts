/** 「先預測，再執行」的繁體中文字串（en.predict.ts 是來源文字）。 */
import type { Strings } from './en';

export const predict: Strings['predict'] = {
  title: '先預測',
  hint: '按下訓練之前先回答：實驗室會測量它，你的答案會和測量結果擺在一起。（不回答也可以直接訓練。）',
  yours: '你的預測',
  measured: '測量結果',
  none: '沒有預測',
  outcome: {
    right: '你的預測是對的。',
    wrong: '和你的預測不一樣：看看這些數字。',
  },
  pending: {
    training: '訓練 {{epochs}} 個 epoch 後測量（現在 {{epoch}}）。請按訓練。',
    trials: '用每個選項把本課的模型各訓練 {{epochs}} 個 epoch，實驗室會比較這幾次執行。',
    waiting: {
      measure: '正在等待測量結果……',
      anomalyDigits: '正在等待每個測試數字的異常分數……',
      embeddingMaps: '訓練之後按「產生地圖」：那時會測量這三張地圖。',
      gridHoles: '在 VAE 面板裡按「在旁邊訓練一個普通自編碼器」：那時會測量它的網格。',
    },
  },
  detail: {
    value: '訓練到 {{epoch}} 個 epoch 時，{{measure}}：{{value}}。',
    ratio: '訓練到 {{epoch}} 個 epoch 時，{{measure}}：{{value}}，{{baselineName}}為 {{baseline}}（{{ratio}}）。',
    difference: '訓練到 {{epoch}} 個 epoch 時，{{measure}}：{{value}}，{{baselineName}}為 {{baseline}}（{{difference}}）。',
    extreme: {
      min: '訓練到 {{epoch}} 個 epoch 時，{{name}}：{{best}} 最低（{{value}}）。',
      max: '訓練到 {{epoch}} 個 epoch 時，{{name}}：{{best}} 最高（{{value}}）。',
    },
    setting: {
      min: '訓練 {{epochs}} 個 epoch 後的{{measure}}：{{best}} 最低（{{value}}）。',
      max: '訓練 {{epochs}} 個 epoch 後的{{measure}}：{{best}} 最高（{{value}}）。',
    },
  },
  items: {
    anomalyDigits: '每個數字相對正常數字的 AUROC',
    embeddingMaps: '每張地圖的 5 近鄰準確率',
    gridHoles: '每個網格裡空格子的比例',
  },
  trial: {
    measured: '{{value}}（訓練 {{epoch}} 個 epoch）',
    now: '正在訓練',
    switch: '切換到這個',
  },
  note: {
    late: '你是在訓練了 {{epoch}} 個 epoch 之後才回答的。',
    changed: '測量時用的設定和本課的不同（隨機種子除外）。',
    again: '按重設，就可以重新預測並測量新的一次執行。',
  },
};
