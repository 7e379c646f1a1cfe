/** 繁體中文: 模型檔案按鈕（匯出訓練好的模型、再匯入）與瀏覽器中儲存的模型狀態。 */
import type { Strings } from './en';

export const modelFile: Strings['modelFile'] = {
  label: '模型檔案',
  export: '匯出模型',
  exportHint: '把訓練好的模型（權重和訓練狀態）下載為 .aelab 檔案',
  import: '匯入模型',
  importHint: '把一個 .aelab 模型檔案載入目前的結構',
  exported: '模型已儲存為 {{file}}。',
  imported: '模型已載入：第 {{step}} 步。',
  importWarnings: '已載入，但有以下不同：',
  refused: '這個檔案無法載入目前的模型：',
  failed: '無法匯出模型。',
  saved: '已在此瀏覽器中儲存（第 {{step}} 步）',
  restored: '已從此瀏覽器還原（第 {{step}} 步）',
};
