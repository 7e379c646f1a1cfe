/** 自编码器变体（issue 4）的简体中文界面文字：模型编辑器里的设置和各变体的面板。 */
import type { Strings } from './en';

export const variants: Strings['variants'] = {
  unit: {
    dB: '分贝',
  },
  editor: {
    legend: '变体',
    noise: '输入噪声（去噪）',
    noiseHint: '用加了噪声的数字训练，要求模型还原出干净的数字。',
    noiseLevel: '噪声强度',
    noiseLevelHint: {
      none: '选了噪声类型才会用到。',
      gaussian: '高斯噪声的 σ（像素取值从 0 到 1）。',
      saltPepper: '被改成纯黑或纯白的像素所占比例。',
      mask: '被抹掉的像素所占比例。',
    },
    option: {
      none: '无',
      gaussian: '高斯噪声',
      saltPepper: '椒盐噪声',
      mask: '遮挡（掩码）',
    },
    contractive: '收缩惩罚',
    contractiveDepth: '收缩惩罚要求编码器最多只有一个隐藏层：请删掉编码器的层，或把惩罚设为 0。',
    contractiveHint: '‖dz/dx‖² 的权重（编码器最多一个隐藏层）；设为 0 即关闭。',
  },
  denoising: {
    title: '去噪',
    help: '同一批测试数字：干净的、加了噪声的，以及模型根据带噪版本画出的结果。模型的输入永远只有带噪的版本。',
    clean: '干净',
    noisy: '带噪输入',
    denoised: '输出',
    canvasLabel: '{{count}} 个测试数字（{{labels}}）：干净的、加噪声的、模型去噪后的',
    waiting: '正在等待第一次测量…',
    noisyPsnr: '带噪输入的 PSNR',
    outputPsnr: '输出的 PSNR',
    gain: '提升',
    psnrNote: '峰值信噪比，在前 {{count}} 个测试数字上与干净数字比较（每次都是同样的噪声）；数值越高，越接近干净的数字。',
  },
  contractive: {
    title: '编码移动了多少',
    helpOn: '已开启收缩惩罚（权重 {{weight}}）：训练时还会压低编码对输入微小变化的反应。',
    helpOff: '没有收缩惩罚：这是普通的自编码器。可以在模型面板里设置惩罚来比较。',
    deep: '只对最多一个隐藏层的编码器进行测量。',
    relative: '相对敏感度',
    sensitivity: '敏感度',
    sensitivityUnit: '编码变化 ÷ 输入变化',
    spread: '编码的分布范围',
    jacobian: '雅可比矩阵范数 ‖dz/dx‖',
    chart: '训练过程中的相对敏感度（现在是第 {{epoch}} 个 epoch）',
    note: '前 1,000 个测试数字都加上同一份极小的随机变化（每个像素 σ = 0.01）。敏感度：编码移动的距离除以这份变化的大小。相对敏感度：再除以不同数字的编码离平均编码有多远。',
  },
};
