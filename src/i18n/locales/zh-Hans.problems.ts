/** 简体中文：某个值为何被拒绝（core/kinds/problems.ts 的代码和编辑器自己的 notANumber），见 en.problems.ts。 */
import type { Strings } from './en';

export const problems: Strings['problems'] = {
  notANumber: '请输入一个数。',
  invalid: '这里不允许这个值。',
  range: '必须在 {{min}} 到 {{max}} 之间。',
  wholeNumber: '请输入整数。',
  tooMany: '最多 {{max}} 项。',
  tooFew: '至少 {{min}} 项。',
  loss: {
    bceNeedsSigmoid: '二元交叉熵需要 sigmoid 输出：请选 sigmoid 输出，或改用均方误差。',
  },
  contractive: {
    depth: '收缩惩罚要求编码器最多只有一个隐藏层：请删掉编码器的层，或把惩罚设为 0。',
    linearCode: '收缩惩罚需要线性的编码层：把编码激活函数设为线性，或者把收缩惩罚设为 0。',
  },
  sparsity: {
    klNeedsSigmoid: 'KL 惩罚把平均激活值和 ρ 比较，所以它们必须介于 0 和 1 之间：把编码激活函数设为 sigmoid，或者改用 L1。',
  },
  kind: {
    contractiveMlpOnly: '收缩惩罚只用于全连接自编码器：请把它设为 0，或选择全连接类型。',
    noDenseLayers: '卷积自编码器没有全连接隐藏层：它的各级由通道数决定。',
    needsBernoulli: '$t(messages.kinds.{{kind}})自编码器把每个像素看作一次抛硬币：它需要 sigmoid 输出和二元交叉熵。',
  },
  vq: {
    codeSizeMultiple: '编码由 {{positions}} 个等长的码本向量组成：编码长度必须是 {{positions}} 的倍数。',
  },
  adversarial: {
    priorNeeds2d: '先验“$t(variants.adversarial.priors.{{prior}})”画在二维平面上：编码长度必须是 2，或者改选高斯先验。',
    cleanCode: '对抗自编码器用干净的数字训练，由判别器塑造编码：不加输入噪声，也不加编码的 L2 惩罚。',
  },
};
