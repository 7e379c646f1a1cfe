/** 繁體中文：應用部分的面板（相似圖片檢索、異常偵測）。 */
import type { Strings } from './en';

export const applications: Strings['applications'] = {
  imageSearch: {
    title: '相似圖片檢索',
    help: '選一個測試數字，或者用你自己畫的數字來檢索：找出和它最接近的十個訓練數字。一次比較全部 784 個像素，一次只比較編碼。',
    pickLabel: '用來檢索的測試數字',
    pick: '用第 {{index}} 個測試數字檢索（它是 {{label}}）',
    useDrawing: '用我畫的數字檢索',
    noDrawing: '先在畫板上畫一個數字，就能用它來檢索。',
    query: '查詢',
    drawing: '你畫的數字',
    queryDigit: '數字 {{label}}',
    inPixels: '按像素最接近的（每張圖 {{dims}} 個數）',
    inCodes: '按編碼最接近的（每張圖 {{dims}} 個數）',
    matches: '{{k}} 個裡有 {{count}} 個也是 {{label}}',
    labels: '標籤：{{labels}}',
    neighboursLabel: '最接近的 {{count}} 個訓練數字，由近到遠：{{labels}}',
    searched: '檢索範圍：這次訓練用的 {{reference}} 個訓練數字；編碼來自第 {{step}} 步的模型。',
    waiting: '選一個數字開始檢索。',
    measureTitle: '在 {{queries}} 個測試查詢上的 precision@10',
    measureHelp: '前 {{queries}} 個測試數字各自在這次訓練用的 {{reference}} 個訓練數字裡檢索。precision@10 指最接近的十個裡和查詢是同一個數字的比例。記憶體指整個被檢索集合所佔的空間，每個數 4 位元組。',
    start: '測量檢索效果',
    startHint: '一邊訓練一邊測量 precision@10（會佔用一部分時間）',
    col: {
      representation: '在什麼上檢索',
      dims: '每張圖的數字個數',
      precision: 'precision@10',
      time: '每次查詢耗時',
      memory: '被檢索集合的記憶體',
    },
    row: {
      pixels: '像素',
      pca: 'PCA 編碼',
      autoencoder: '自編碼器編碼',
    },
    measuring: '正在測量…',
    partial: '目前已測 {{done}} / {{total}} 個查詢',
    atEpoch: '第 {{epoch}} 個 epoch 的模型',
    ms: '{{value}} 毫秒',
    mb: '{{value}} MB（百萬位元組）',
  },
};
