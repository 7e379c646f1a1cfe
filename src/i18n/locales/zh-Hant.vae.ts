/** Traditional Chinese strings of the variational autoencoder's panels (lessons 12 and 16). */
export const vae = {
  "title": "變分自編碼器",
  "help": "損失是重建 + β × KL，單位是每張圖像的奈特數；β = 1 時它的相反數就是 ELBO。每次測試評估後在 1,000 個即時測試數字上測量。",
  "beta": "β（KL 項的權重）",
  "betaHint": "0 去掉 KL 項（帶雜訊的普通自編碼器）；大於 1 是 β-VAE。改變 β 會開始新的一次訓練。",
  "elbo": "測試 ELBO",
  "reconstruction": "重建",
  "kl": "KL",
  "nats": "奈特 / 張",
  "emptyCells": "空的網格格子（先驗分位數上的 10 × 10）",
  "measuredOn": "在訓練 {{epoch}} 個 epoch 後測得。",
  "sample": "取樣",
  "samplesLabel": "從 N(0, I) 抽取編碼並解碼得到的 {{count}} 個數字",
  "curve": {
    "waiting": "兩次測試評估之後會出現 ELBO 曲線。",
    "label": "測試 ELBO 隨 epoch 的變化；最新為 {{epoch}} 個 epoch 後每張圖像 {{elbo}} 奈特",
    "caption": "測試 ELBO（每張圖像的奈特數）隨 epoch 的變化：越高越好。"
  },
  "compare": {
    "title": "與普通自編碼器並排",
    "help": "用同樣的數字訓練一個形狀相同的普通自編碼器，訓練的 epoch 數與 VAE 相同，然後顯示它在自身編碼範圍上的網格和在先驗分位數上的網格。空格子：10 × 10 個格子中沒有任何即時測試數字的編碼落入的比例，解碼器從沒學過在那裡畫什麼。",
    "start": "在旁邊訓練一個普通自編碼器（{{epochs}} 個 epoch）",
    "training": "正在訓練普通自編碼器…",
    "vaeGrid": "VAE，先驗分位數",
    "plainBox": "普通自編碼器，自身編碼範圍",
    "plainPrior": "普通自編碼器，先驗分位數",
    "empty": "空格子",
    "trained": "普通自編碼器：{{epochs}} 個 epoch，用時 {{seconds}} 秒。"
  },
  "traversal": {
    "title": "潛在遍歷",
    "help": "每一列把一個編碼數字從 −3 掃到 +3，其餘數字保持所選測試數字的編碼。KL：這個數字在即時測試數字上的平均 KL；顏色變淡的列幾乎不攜帶資訊，解碼器會忽略它們。",
    "digit": "測試數字",
    "refresh": "重新繪製",
    "used": "{{total}} 個編碼數字中有 {{used}} 個攜帶超過 {{nats}} 奈特。",
    "dimension": "編碼數字",
    "rowLabel": "對一個測試數字 {{label}}，把第 {{dimension}} 個編碼數字從 −3 掃到 +3"
  }
};
