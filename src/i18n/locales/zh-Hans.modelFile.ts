/** 简体中文: 模型文件按钮（导出训练好的模型、再导入）与浏览器中保存的模型状态。 */
import type { Strings } from './en';

export const modelFile: Strings['modelFile'] = {
  label: '模型文件',
  export: '导出模型',
  exportHint: '把训练好的模型（权重和训练状态）下载为 .aelab 文件',
  import: '导入模型',
  importHint: '把一个 .aelab 模型文件载入当前结构',
  exported: '模型已保存为 {{file}}。',
  imported: '模型已载入：第 {{step}} 步。',
  importWarnings: '已载入，但有以下不同：',
  refused: '这个文件无法载入当前模型：',
  failed: '无法导出模型。',
  saved: '已在此浏览器中保存（第 {{step}} 步）',
  restored: '已从此浏览器恢复（第 {{step}} 步）',
};
