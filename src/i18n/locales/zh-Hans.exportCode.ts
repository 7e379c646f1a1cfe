/** 简体中文: "Show as code" (the model as Keras and PyTorch scripts). */
import type { exportCode as en } from './en.exportCode';

export const exportCode: { [K in keyof typeof en]: string } = {
  open: '以代码显示',
  title: '这个模型的代码',
  intro:
    '一个 Python 脚本：用同样的 {{trainSize}} 张 MNIST 数字、同样的初始权重和同样的批次顺序，搭建并训练你在这里设置的模型。它得到的每张图片测试误差应该和实验室里的很接近。',
  tabs: '框架',
  keras: 'Keras（Python）',
  pytorch: 'PyTorch',
  codeLabel: '{{architecture}} 自编码器的 {{framework}} 代码',
  copy: '复制代码',
  copied: '已复制',
  copyFailed: '浏览器不允许复制。代码已经选中：请按 Ctrl+C（Mac 上按 ⌘C）。',
  download: '下载 {{file}}',
  close: '关闭',
  run: '运行方法：先执行 {{install}}，再执行 python {{file}}。它会训练 {{epochs}} 个 epoch，每个 epoch 结束后打印每张图片的测试平方误差；想训练更久，就改开头的 EPOCHS。',
};
