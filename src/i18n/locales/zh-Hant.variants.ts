/** 自編碼器變體（issue 4）的繁體中文介面文字：模型編輯器裡的設定和各變體的面板。 */
import type { Strings } from './en';

export const variants: Strings['variants'] = {
  unit: {
    dB: '分貝',
  },
  editor: {
    legend: '變體',
    noise: '輸入雜訊（去雜訊）',
    noiseHint: '用加了雜訊的數字訓練，要求模型還原出乾淨的數字。',
    noiseLevel: '雜訊強度',
    noiseLevelHint: {
      none: '選了雜訊類型才會用到。',
      gaussian: '高斯雜訊的 σ（像素值從 0 到 1）。',
      saltPepper: '被改成純黑或純白的像素所占比例。',
      mask: '被抹掉的像素所占比例。',
    },
    option: {
      none: '無',
      gaussian: '高斯雜訊',
      saltPepper: '椒鹽雜訊',
      mask: '遮蔽（遮罩）',
    },
    contractive: '收縮懲罰',
    contractiveDepth: '收縮懲罰要求編碼器最多只有一個隱藏層：請刪掉編碼器的層，或把懲罰設為 0。',
    contractiveHint: '‖dz/dx‖² 的權重（編碼器最多一個隱藏層）；設為 0 即關閉。',
  },
  denoising: {
    title: '去雜訊',
    help: '同一批測試數字：乾淨的、加了雜訊的，以及模型根據含雜訊版本畫出的結果。模型的輸入永遠只有含雜訊的版本。',
    clean: '乾淨',
    noisy: '含雜訊輸入',
    denoised: '輸出',
    canvasLabel: '{{count}} 個測試數字（{{labels}}）：乾淨的、加雜訊的、模型去雜訊後的',
    waiting: '正在等待第一次測量…',
    noisyPsnr: '含雜訊輸入的 PSNR',
    outputPsnr: '輸出的 PSNR',
    gain: '提升',
    psnrNote: '峰值訊雜比，在前 {{count}} 個測試數字上與乾淨數字比較（每次都是同樣的雜訊）；數值越高，越接近乾淨的數字。',
  },
  contractive: {
    title: '編碼移動了多少',
    helpOn: '已開啟收縮懲罰（權重 {{weight}}）：訓練時還會壓低編碼對輸入微小變化的反應。',
    helpOff: '沒有收縮懲罰：這是一般的自編碼器。可以在模型面板裡設定懲罰來比較。',
    deep: '只對最多一個隱藏層的編碼器進行測量。',
    relative: '相對敏感度',
    sensitivity: '敏感度',
    sensitivityUnit: '編碼變化 ÷ 輸入變化',
    spread: '編碼的分布範圍',
    jacobian: '雅可比矩陣範數 ‖dz/dx‖',
    chart: '訓練過程中的相對敏感度（現在是第 {{epoch}} 個 epoch）',
    note: '前 1,000 個測試數字都加上同一份極小的隨機變化（每個像素 σ = 0.01）。敏感度：編碼移動的距離除以這份變化的大小。相對敏感度：再除以不同數字的編碼離平均編碼有多遠。',
  },
};
