/** 後端報告代碼的繁體中文措辭（worker/backendReport.ts）：各後端為何被選用或未被選用，以及 wasm 的執行緒。 */
import type { Strings } from './en';

export const backendWhy: Strings['backendWhy'] = {
  reason: {
    notTried: '未嘗試。',
    crashedEarlier: '未嘗試：它在本次使用中曾當機或遺失裝置。',
    forcedOther: '未嘗試：頁面網址只要求 {{forced}}（?backend={{forced}}）。',
    forcedChecked: '由頁面網址（?backend=）指定；數值自我檢查已通過。',
    noWebGpu: '此瀏覽器沒有 WebGPU。',
    noAdapter: 'WebGPU 在這裡沒有可用的介面卡（沒有可用的 GPU）。',
    noOffscreenCanvas: 'Worker 中沒有 OffscreenCanvas，因此這裡不能用 WebGL。',
    noWebGl: '此瀏覽器的 WebGL 已停用或無法使用。',
    initFailed: '啟動失敗。',
    selfCheckFailed: '數值自我檢查未通過：它算出的數與純 JavaScript 參考結果不同。',
    probeLate: '{{seconds}} 秒內沒有結果：啟動、自我檢查和編譯太慢。',
    probeCrashed: '測試用的 Worker 當機了。',
    trainingFailed: '在測試用的 Worker 中訓練失敗。',
    checked: '已檢查。',
    fastest: '通過檢查的後端中最快的：每秒 {{samplesPerSec}} 個樣本。',
    onlyPassed: '唯一通過檢查的後端：每秒 {{samplesPerSec}} 個樣本。',
    slower: '可以用，但較慢：每秒 {{samplesPerSec}} 個樣本，{{chosen}} 為 {{chosenSamplesPerSec}} 個。',
    didNotStart: '在測試 Worker 中通過，但在實驗 Worker 中沒能啟動。',
    notNeeded: '不需要：{{chosen}} 已通過（純 JavaScript 是最後的選擇）。',
    lastResort: '只剩這個後端：純 JavaScript，慢，但總能用。',
  },
  detail: '詳情：{{text}}',
  software: '軟體 GPU（{{adapter}}）：它用處理器計算。',
  forModel: {
    inUse: '此模型正在使用它。',
    cannotTrain: '不能訓練此模型：{{detail}}',
  },
  threads: {
    many: '執行緒：{{count}} 個（裝置回報 {{cores}} 個核心）。',
    one: '執行緒：1 個（裝置回報 {{cores}} 個核心）。',
    why: {
      asked: '頁面網址要求只用一個（?threads=1）。',
      oneCore: '此裝置只回報一個核心。',
      frame: '實驗室位於框架（iframe）中；多執行緒需要外層頁面本身是跨來源隔離的，並允許框架隔離（allow="cross-origin-isolated"）。',
      firstVisit: '頁面在 Service Worker 加上多執行緒所需的回應標頭之前就已開啟；下次載入起啟用多執行緒。',
      noHeaders: '頁面送達時沒有多執行緒所需的回應標頭（Cross-Origin-Opener-Policy 和 Cross-Origin-Embedder-Policy）。',
      noSharedMemory: '此瀏覽器不提供共用記憶體（SharedArrayBuffer）。',
      noWasmThreads: '此瀏覽器不支援 WebAssembly 執行緒。',
      noSimd: '此瀏覽器不支援多執行緒版本所需的 WebAssembly SIMD。',
      failed: '多執行緒版本沒能啟動，因此改用單執行緒版本。',
    },
  },
};
