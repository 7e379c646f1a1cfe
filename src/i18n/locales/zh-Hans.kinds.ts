/** 模型种类（issue 4）的简体中文界面文字：模型编辑器里的种类选择、卷积自编码器的设置和特征图面板。 */
import type { Strings } from './en';

export const kinds: Strings['kinds'] = {
  editor: {
    kind: '自编码器的种类',
    kindHint: '各种类沿用编码大小、激活函数和训练设置；每种的课程会讲解它。',
    option: {
      mlp: '全连接（MLP）',
      conv: '卷积',
      vae: '变分（VAE）',
      vq: 'VQ-VAE（离散编码）',
      adversarial: '对抗（AAE）',
      conditional: '条件（解码器得到标签）',
    },
    convLegend: '卷积阶段',
    convChannels: '每个阶段的通道数',
    convChannelsHint: '一到两个阶段，每个是 3×3 卷积加 2×2 最大池化，例如“16, 8”（28×28 → 14×14 → 7×7）。',
    convDecoder: '解码器如何还原池化',
    decoderOption: {
      maxUnpool: '最大反池化（放回最大值原来的位置）',
      repeatUnpool: '重复反池化（在窗口里复制）',
      deconvolution: '反卷积（转置卷积）',
    },
    convNoLayers: '卷积自编码器没有全连接隐藏层：它的各级由上面的通道数决定。',
  },
  exportNotYet: '“显示代码”只写出全连接自编码器及其变体；{{kind}}自编码器还不能导出。',
  featureMaps: {
    title: '特征图',
    help: '每一层对一个测试数字算出了什么：每个小方块是一个通道（暗 = 低，亮 = 高，每层分别缩放）。点另一个数字，看它怎样穿过网络。',
    digit: '数字',
    pick: '显示测试数字 {{n}}',
    waiting: '正在等待模型……',
    channels: '{{count}} 个通道，{{side}}×{{side}}',
    codeValues: '{{count}} 个数',
    canvasLabel: '{{name}}：{{count}} 个 {{side}}×{{side}} 的通道',
    part: {
      encoder: '编码器',
      code: '编码',
      decoder: '解码器',
    },
  },
};
