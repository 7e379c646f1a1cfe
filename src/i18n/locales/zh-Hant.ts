/**
 * 繁體中文 UI strings, in the usage of Taiwan (資料, 預設, 滑桿, 重設 ...). Typed by `Strings`,
 * so a key missing here (or one en.ts does not have) is a type error; locales.test.ts lists them
 * too. The code-space views keep theirs in zh-Hant.latent.ts, mirroring en.ts.
 */
import type { Strings } from './en';
import { classroom } from './zh-Hant.classroom';
import { applications } from './zh-Hant.applications';
import { vae } from './zh-Hant.vae';
import { exportCode } from './zh-Hant.exportCode';
import { latent } from './zh-Hant.latent';
import { modelFile } from './zh-Hant.modelFile';
import { presenter } from './zh-Hant.presenter';
import { variants } from './zh-Hant.variants';
import { kinds } from './zh-Hant.kinds';
import { pretraining } from './zh-Hant.pretraining';
import { text } from './zh-Hant.text';
import { vq } from './zh-Hant.vq';
import { conditional } from './zh-Hant.conditional';
import { backendWhy } from './zh-Hant.backendWhy';
import { messages } from './zh-Hant.messages';
import { problems } from './zh-Hant.problems';
import { predict } from './zh-Hant.predict';
import { math } from './zh-Hant.math';

export const zhHant: Strings = {
  app: {
    title: '自編碼器實驗室',
    tagline: '在瀏覽器裡用真實的 MNIST 手寫數字訓練一個自編碼器。',
    skipToContent: '跳到實驗區',
    panels: {
      model: '模型',
    },
  },
  controls: {
    label: '訓練控制',
    train: '訓練',
    pause: '暫停',
    step: '單步',
    stepHint: '只訓練一步',
    reset: '重設',
    resetHint: '依隨機種子重新初始化權重，從頭開始',
    seed: '隨機種子',
    seedHint: '換一個種子會重新初始化模型（按 Enter 套用）。',
    state: {
      booting: '正在載入資料…',
      idle: '就緒',
      running: '訓練中',
      paused: '已暫停',
      diverged: '已發散',
      unavailable: '無法使用',
      done: '已完成',
    },
  },
  metrics: {
    label: '訓練數據',
    step: '步數',
    epoch: 'Epoch',
    samplesPerSec: '樣本 / 秒',
    trainLoss: '訓練損失',
    testLoss: '測試損失',
    testSquaredError: '每張測試圖片的平方誤差',
    pca: 'PCA 基準（k = {{k}}）',
    perImage: '每張圖片的平方誤差',
    lossUnit: {
      bce: '每個像素的二元交叉熵',
      mse: '每個像素的均方誤差',
    },
    squaredErrorUnit: '784 個像素的 (x − x̂)² 總和',
    vsPca: {
      better: '自編碼器勝過 PCA：PCA 的誤差是它的 {{ratio}} 倍。',
      worse: 'PCA 暫時比較好：自編碼器的誤差是 PCA 的 {{ratio}} 倍。',
      level: '自編碼器和 PCA 不相上下（相差不到 5%）。',
      pending: 'PCA 基準擬合完成後會顯示在這裡。',
      untrained: '訓練模型之後，就能和 PCA 比一比。',
    },
    none: '—',
  },
  backend: {
    label: '後端',
    checking: '檢查中…',
    none: '無',
    forced: '指定',
    forcedHint: '由網址中的 ?backend= 參數指定。',
    why: '為什麼？',
    whyLong: '為什麼用這個後端？列出每個試過的後端，以及選用或沒有選用它的原因。',
    hideWhy: '收合',
    listTitle: '依序試過的後端',
    status: {
      chosen: '使用中',
      passed: '可用，未選用',
      failed: '失敗',
      skipped: '未嘗試',
    },
    speed: '每秒 {{value}} 個樣本',
    selfCheck: '自我檢查誤差 {{value}}',
    adapter: '介面卡：{{value}}',
  },
  notices: {
    label: '訊息',
    booting: '正在載入 70,000 張 MNIST 手寫數字，並檢查哪個後端算得又準又快…',
    dismiss: '關閉',
    kind: {
      data: '無法載入 MNIST 資料',
      backend: '後端發生問題',
      internal: '發生錯誤',
    },
    diverged: '訓練已自動停止',
    divergedFallback: '損失變成了 NaN 或急遽變大。請把學習率調低，再重設模型。',
    resetNow: '重設模型',
  },
  architecture: {
    intro: '編碼器把每張 784 像素的數字壓縮成一小串編碼；解碼器只靠這串編碼就把數字重建回來。',
    layers: '編碼器各層寬度',
    layersHint: '解碼器與它左右對稱。',
    encoderLayer: '第 {{n}} 層',
    removeLayer: '刪除第 {{n}} 層',
    addLayer: '新增一層',
    noLayers: '沒有隱藏層：編碼是像素的線性映射，就像 PCA。',
    codeSize: '編碼大小（瓶頸）',
    codeL2: '編碼的 L2 懲罰',
    codeL2Hint: '把編碼拉向零點；設為 0 即關閉。',
    activations: '活化函數與損失',
    hiddenActivation: '隱藏層活化函數',
    outputActivation: '輸出層活化函數',
    loss: '損失函數',
    training: '訓練',
    optimizer: '最佳化器',
    learningRate: '學習率',
    momentum: '動量',
    momentumSgdOnly: '只有 SGD 會用到。',
    batchSize: '批次大小',
    trainSize: '訓練集大小',
    seed: '隨機種子',
    apply: '套用',
    revert: '還原',
    applyHint: '套用後會建立新模型，並重新開始訓練。',
    unchanged: '這就是目前使用的模型。',
    pending: '變更尚未套用。',
    invalid: '請先修正標示的欄位再套用。',
    option: {
      relu: 'ReLU',
      elu: 'ELU',
      tanh: 'tanh',
      sigmoid: 'sigmoid',
      linear: '線性',
      bce: '二元交叉熵',
      mse: '均方誤差',
      adam: 'Adam',
      sgd: '帶動量的 SGD',
      rmsprop: 'RMSprop',
    },
  },
  diagram: {
    label: '自編碼器結構圖：{{widths}}',
    input: '輸入',
    output: '重建',
    codeBottleneck: '編碼（瓶頸）',
    encoder: '編碼器',
    decoder: '解碼器',
    draft: '變更預覽',
  },
  lossChart: {
    title: '學習曲線',
    label: '隨訓練步數變化的損失',
    logScale: '對數刻度',
    unit: '顯示',
    unitLoss: '每個像素的損失',
    unitSquaredError: '每張圖片的平方誤差',
    train: '訓練',
    test: '測試（1,000 張）',
    pca: 'PCA（k = {{k}}）',
    xAxis: '訓練步數',
    yLoss: '每個像素的 {{loss}}',
    ySquaredError: '每張圖片的平方誤差',
    empty: '按下「訓練」，曲線就會出現在這裡。',
  },
  latent,
  presenter,
  modelFile,
  classroom,
  exportCode,
  variants,
  kinds,
  applications,
  pretraining,
  text,
  vq,
  vae,
  conditional,
  backendWhy,
  messages,
  problems,
  predict,
  math,
};
