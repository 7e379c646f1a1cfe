/** 「帶數字的數學」的繁體中文字串（en.math.ts 是來源文字）。 */
import type { Strings } from './en';

export const math: Strings['math'] = {
  layer: {
    input: '輸入像素',
    encoder: '編碼器第 {{n}} 層',
    code: '編碼',
    decoder: '解碼器第 {{n}} 層',
    output: '輸出像素',
  },
  unit: {
    hint: '把滑鼠指向某一層（或用 Tab 鍵聚焦後按方向鍵），就能看到一個單元對某個數字的權重和數值。',
    title: '{{name}}，第 {{unit}} 個單元',
    valueText: '第 {{unit}} 個單元，共 {{count}} 個',
    pixel: '數字第 {{row}} 列、第 {{col}} 行的像素：',
    reading: '正在讀取模型……',
    noDigit: '正在等待測試數字……',
    weightsLabel: '這個單元的 {{count}} 個輸入權重畫成的圖',
    weightsPixels: '它的 {{count}} 個輸入權重，每個像素一個：深色處的筆畫會讓單元激活，淺色處會抑制它。',
    weightsUnits: '它的 {{count}} 個輸入權重，按上一層單元的順序排列：深色為正，淺色為負。',
    outputPixel: '這就是重建影像第 {{row}} 列、第 {{col}} 行的像素：{{value}}。',
    label: '解碼器還讀入了標籤 {{label}}（最後 10 個權重）。',
  },
  digit: {
    label: '數字',
    test: '測試數字 {{label}}（第 {{index}} 號）',
    drawing: '你畫的圖',
  },
  loss: {
    title: '一個數字的損失',
    original: '數字',
    reconstruction: '它的重建',
    largest: '代價最大的像素：第 {{pixel}} 號（第 {{row}} 列、第 {{col}} 行），已圈出：',
    curve: '訓練曲線顯示的是許多數字的這個損失的平均值。',
  },
  weights: {
    title: '第一層的權重',
    help: '每個小圖是第一層的一個單元：它的 784 個輸入權重畫成 28 × 28 的影像。深色像素讓單元激活，淺色像素抑制它。訓練時看它們從雜亂的雜訊變成筆畫。',
    label: '第一層 {{total}} 個單元中前 {{units}} 個的輸入權重，畫成 28 × 28 的影像',
    caption: '{{total}} 個單元中的前 {{units}} 個，第 {{step}} 步（第 {{epoch}} 個 epoch）；每個小圖按它自己最大的權重縮放。',
  },
};
