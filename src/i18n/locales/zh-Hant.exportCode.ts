/** 繁體中文: "Show as code" (the model as Keras and PyTorch scripts). */
import type { exportCode as en } from './en.exportCode';

export const exportCode: { [K in keyof typeof en]: string } = {
  open: '以程式碼顯示',
  title: '這個模型的程式碼',
  intro:
    '一支 Python 程式：用同樣的 {{trainSize}} 張 MNIST 數字、同樣的初始權重和同樣的批次順序，建立並訓練你在這裡設定的模型。它得到的每張圖片測試誤差應該和實驗室裡的很接近。',
  tabs: '框架',
  keras: 'Keras（Python）',
  pytorch: 'PyTorch',
  codeLabel: '{{architecture}} 自編碼器的 {{framework}} 程式碼',
  copy: '複製程式碼',
  copied: '已複製',
  copyFailed: '瀏覽器不允許複製。程式碼已經選取：請按 Ctrl+C（Mac 上按 ⌘C）。',
  download: '下載 {{file}}',
  close: '關閉',
  run: '執行方式：先執行 {{install}}，再執行 python {{file}}。它會訓練 {{epochs}} 個 epoch，每個 epoch 結束後印出每張圖片的測試平方誤差；想訓練更久，就修改開頭的 EPOCHS。',
};
