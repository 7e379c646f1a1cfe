/** 繁體中文：預訓練面板（預訓練一課）。 */
import type { Strings } from './en';

export const pretraining: Strings['pretraining'] = {
  title: '用自編碼器做預訓練',
  help: '先用 {{n}} 張訓練數字（不看標籤）逐層訓練一疊自編碼器；再在最上面加一個 softmax 層，只用 N 張帶標籤的數字做反向傳播微調。旁邊是同樣的網路從隨機權重開始，用相同的標籤、批次和步數訓練。',
  labelsLabel: '帶標籤的數字 N：',
  widthsLabel: '各層寬度：',
  widths: {
    small: '{{widths}}（快：本課預設）',
    lecture: '{{widths}}（課堂上的：約慢 5 倍）',
  },
  layer: '第 {{n}} 層：自編碼器 {{shape}}',
  steps: '第 {{done}} 步，共 {{total}} 步',
  loss: {
    bce: '重建損失（每個像素的交叉熵）',
    mse: '重建損失（每個單元的平方誤差）',
  },
  fineTune: '用 {{labels}} 張帶標籤的數字微調兩個網路',
  pretrained: '預訓練',
  random: '隨機初始化',
  chartLabel: '預訓練網路和隨機初始化網路在微調過程中的測試準確率',
  chartCaption: '前 {{count}} 張測試數字上的準確率',
  stepAxis: '微調步數',
  difference: '差距',
  points: '個百分點',
  finalBasis: '全部 {{count}} 張測試數字，微調第 {{step}} 步之後：',
  liveBasis: '即時：前 {{count}} 張測試數字，微調第 {{step}} 步：',
  timing: '執行 {{first}} 秒後得到第一組準確率；到目前共 {{total}} 秒。',
  verdictPretrained: '這次執行中預訓練有幫助：測試數字的正確率高了 {{points}} 個百分點。',
  verdictRandom: '這次執行中隨機初始化一樣好甚至更好（差 {{points}} 個百分點）。課文解釋了為什麼會這樣。',
};
