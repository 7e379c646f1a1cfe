/** 简体中文：预训练面板（预训练一课）。 */
import type { Strings } from './en';

export const pretraining: Strings['pretraining'] = {
  title: '用自编码器做预训练',
  help: '先用 {{n}} 张训练数字（不看标签）逐层训练一叠自编码器；再在最上面加一个 softmax 层，只用 N 张带标签的数字做反向传播微调。旁边是同样的网络从随机权重开始，用相同的标签、批次和步数训练。',
  labelsLabel: '带标签的数字 N：',
  widthsLabel: '各层宽度：',
  widths: {
    small: '{{widths}}（快：本课默认）',
    lecture: '{{widths}}（课上的：约慢 5 倍）',
  },
  layer: '第 {{n}} 层：自编码器 {{shape}}',
  steps: '第 {{done}} 步，共 {{total}} 步',
  loss: {
    bce: '重建损失（每个像素的交叉熵）',
    mse: '重建损失（每个单元的平方误差）',
  },
  fineTune: '用 {{labels}} 张带标签的数字微调两个网络',
  pretrained: '预训练',
  random: '随机初始化',
  chartLabel: '预训练网络和随机初始化网络在微调过程中的测试准确率',
  chartCaption: '前 {{count}} 张测试数字上的准确率',
  stepAxis: '微调步数',
  difference: '差距',
  points: '个百分点',
  finalBasis: '全部 {{count}} 张测试数字，微调第 {{step}} 步之后：',
  liveBasis: '实时：前 {{count}} 张测试数字，微调第 {{step}} 步：',
  timing: '运行 {{first}} 秒后得到第一组准确率；到目前共 {{total}} 秒。',
  verdictPretrained: '这次运行中预训练有帮助：测试数字的正确率高了 {{points}} 个百分点。',
  verdictRandom: '这次运行中随机初始化一样好甚至更好（差 {{points}} 个百分点）。课文解释了为什么会这样。',
};
