/** “带数字的数学”的简体中文字符串（en.math.ts 是源文本）。 */
import type { Strings } from './en';

export const math: Strings['math'] = {
  layer: {
    input: '输入像素',
    encoder: '编码器第 {{n}} 层',
    code: '编码',
    decoder: '解码器第 {{n}} 层',
    output: '输出像素',
  },
  unit: {
    hint: '把鼠标指向某一层（或用 Tab 键聚焦后按方向键），就能看到一个单元对某个数字的权重和数值。',
    title: '{{name}}，第 {{unit}} 个单元',
    valueText: '第 {{unit}} 个单元，共 {{count}} 个',
    pixel: '数字第 {{row}} 行、第 {{col}} 列的像素：',
    reading: '正在读取模型……',
    noDigit: '正在等待测试数字……',
    weightsLabel: '这个单元的 {{count}} 个输入权重画成的图',
    weightsPixels: '它的 {{count}} 个输入权重，每个像素一个：深色处的笔画会让单元激活，浅色处会抑制它。',
    weightsUnits: '它的 {{count}} 个输入权重，按上一层单元的顺序排列：深色为正，浅色为负。',
    outputPixel: '这就是重建图像第 {{row}} 行、第 {{col}} 列的像素：{{value}}。',
    label: '解码器还读入了标签 {{label}}（最后 10 个权重）。',
  },
  digit: {
    label: '数字',
    test: '测试数字 {{label}}（第 {{index}} 号）',
    drawing: '你画的图',
  },
  loss: {
    title: '一个数字的损失',
    original: '数字',
    reconstruction: '它的重建',
    largest: '代价最大的像素：第 {{pixel}} 号（第 {{row}} 行、第 {{col}} 列），已圈出：',
    curve: '训练曲线显示的是许多数字的这个损失的平均值。',
  },
  weights: {
    title: '第一层的权重',
    help: '每个小图是第一层的一个单元：它的 784 个输入权重画成 28 × 28 的图像。深色像素让单元激活，浅色像素抑制它。训练时看它们从杂乱的噪声变成笔画。',
    label: '第一层 {{total}} 个单元中前 {{units}} 个的输入权重，画成 28 × 28 的图像',
    caption: '{{total}} 个单元中的前 {{units}} 个，第 {{step}} 步（第 {{epoch}} 个 epoch）；每个小图按它自己最大的权重缩放。',
  },
};
