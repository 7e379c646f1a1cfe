/** Simplified Chinese strings of the variational autoencoder's panels (lessons 12 and 16). */
export const vae = {
  "title": "变分自编码器",
  "help": "损失是重建 + β × KL，单位是每张图像的奈特数；β = 1 时它的相反数就是 ELBO。每次测试评估后在 1,000 个实时测试数字上测量。",
  "beta": "β（KL 项的权重）",
  "betaHint": "0 去掉 KL 项（带噪声的普通自编码器）；大于 1 是 β-VAE。改变 β 会开始新的一次训练。",
  "elbo": "测试 ELBO",
  "reconstruction": "重建",
  "kl": "KL",
  "nats": "奈特 / 张",
  "emptyCells": "空的网格格子（先验分位数上的 10 × 10）",
  "measuredOn": "在训练 {{epoch}} 个 epoch 后测得。",
  "sample": "采样",
  "samplesLabel": "从 N(0, I) 抽取编码并解码得到的 {{count}} 个数字",
  "curve": {
    "waiting": "两次测试评估之后会出现 ELBO 曲线。",
    "label": "测试 ELBO 随 epoch 的变化；最新为 {{epoch}} 个 epoch 后每张图像 {{elbo}} 奈特",
    "caption": "测试 ELBO（每张图像的奈特数）随 epoch 的变化：越高越好。"
  },
  "compare": {
    "title": "与普通自编码器并排",
    "help": "用同样的数字训练一个形状相同的普通自编码器，训练的 epoch 数与 VAE 相同，然后显示它在自身编码范围上的网格和在先验分位数上的网格。空格子：10 × 10 个格子中没有任何实时测试数字的编码落入的比例，解码器从没学过在那里画什么。",
    "start": "在旁边训练一个普通自编码器（{{epochs}} 个 epoch）",
    "training": "正在训练普通自编码器…",
    "vaeGrid": "VAE，先验分位数",
    "plainBox": "普通自编码器，自身编码范围",
    "plainPrior": "普通自编码器，先验分位数",
    "empty": "空格子",
    "trained": "普通自编码器：{{epochs}} 个 epoch，用时 {{seconds}} 秒。"
  },
  "traversal": {
    "title": "潜在遍历",
    "help": "每一行把一个编码数字从 −3 扫到 +3，其余数字保持所选测试数字的编码。KL：这个数字在实时测试数字上的平均 KL；颜色变淡的行几乎不携带信息，解码器会忽略它们。",
    "digit": "测试数字",
    "refresh": "重新绘制",
    "used": "{{total}} 个编码数字中有 {{used}} 个携带超过 {{nats}} 奈特。",
    "dimension": "编码数字",
    "rowLabel": "对一个测试数字 {{label}}，把第 {{dimension}} 个编码数字从 −3 扫到 +3"
  }
};
