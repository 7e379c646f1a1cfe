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
};
