/**
 * 简体中文 UI strings. Typed by `Strings`, so a key missing here (or one en.ts does not have)
 * is a type error; locales.test.ts lists them too. The code-space views keep theirs in
 * zh-Hans.latent.ts, mirroring en.ts.
 */
import type { Strings } from './en';
import { classroom } from './zh-Hans.classroom';
import { applications } from './zh-Hans.applications';
import { vae } from './zh-Hans.vae';
import { exportCode } from './zh-Hans.exportCode';
import { latent } from './zh-Hans.latent';
import { modelFile } from './zh-Hans.modelFile';
import { presenter } from './zh-Hans.presenter';
import { variants } from './zh-Hans.variants';
import { kinds } from './zh-Hans.kinds';
import { pretraining } from './zh-Hans.pretraining';
import { text } from './zh-Hans.text';
import { vq } from './zh-Hans.vq';
import { conditional } from './zh-Hans.conditional';
import { backendWhy } from './zh-Hans.backendWhy';
import { messages } from './zh-Hans.messages';
import { problems } from './zh-Hans.problems';
import { predict } from './zh-Hans.predict';
import { math } from './zh-Hans.math';

export const zhHans: Strings = {
  app: {
    title: '自编码器实验室',
    tagline: '在浏览器里用真实的 MNIST 手写数字训练一个自编码器。',
    skipToContent: '跳到实验区',
    panels: {
      model: '模型',
    },
  },
  controls: {
    label: '训练控制',
    train: '训练',
    pause: '暂停',
    step: '单步',
    stepHint: '只训练一步',
    reset: '重置',
    resetHint: '按随机种子重新初始化权重，从头开始',
    seed: '随机种子',
    seedHint: '换一个种子会重新初始化模型（按回车生效）。',
    state: {
      booting: '正在加载数据…',
      idle: '就绪',
      running: '训练中',
      paused: '已暂停',
      diverged: '已发散',
      unavailable: '无法使用',
      done: '已完成',
    },
  },
  metrics: {
    label: '训练数据',
    step: '步数',
    epoch: 'Epoch',
    samplesPerSec: '样本 / 秒',
    trainLoss: '训练损失',
    testLoss: '测试损失',
    testSquaredError: '每张测试图片的平方误差',
    pca: 'PCA 基准（k = {{k}}）',
    perImage: '每张图片的平方误差',
    lossUnit: {
      bce: '每个像素的二元交叉熵',
      mse: '每个像素的均方误差',
    },
    squaredErrorUnit: '784 个像素的 (x − x̂)² 之和',
    vsPca: {
      better: '自编码器胜过 PCA：PCA 的误差是它的 {{ratio}} 倍。',
      worse: 'PCA 暂时更好：自编码器的误差是 PCA 的 {{ratio}} 倍。',
      level: '自编码器和 PCA 不相上下（相差不到 5%）。',
      pending: 'PCA 基准拟合完成后会显示在这里。',
      untrained: '训练模型之后，就能和 PCA 比一比。',
    },
    none: '—',
  },
  backend: {
    label: '后端',
    checking: '检测中…',
    none: '无',
    forced: '指定',
    forcedHint: '由页面地址中的 ?backend= 参数指定。',
    why: '为什么？',
    whyLong: '为什么用这个后端？列出每个尝试过的后端，以及选用或没选用它的原因。',
    hideWhy: '收起',
    listTitle: '按顺序尝试过的后端',
    status: {
      chosen: '使用中',
      passed: '可用，未选用',
      failed: '失败',
      skipped: '未尝试',
    },
    speed: '{{value}} 样本/秒',
    selfCheck: '自检误差 {{value}}',
    adapter: '适配器：{{value}}',
  },
  notices: {
    label: '消息',
    booting: '正在加载 70,000 张 MNIST 手写数字，并检测哪个后端算得既准又快…',
    dismiss: '关闭',
    kind: {
      data: '无法加载 MNIST 数据',
      backend: '后端出了问题',
      internal: '出错了',
    },
    diverged: '训练已自动停止',
    divergedFallback: '损失变成了 NaN 或急剧增大。请把学习率调低，再重置模型。',
    resetNow: '重置模型',
  },
  architecture: {
    intro: '编码器把每张 784 像素的数字压缩成一小串编码；解码器只凭这串编码把数字重建出来。',
    layers: '编码器各层宽度',
    layersHint: '解码器与之镜像对称。',
    encoderLayer: '第 {{n}} 层',
    removeLayer: '删除第 {{n}} 层',
    addLayer: '添加一层',
    noLayers: '没有隐藏层：编码是像素的线性映射，就像 PCA。',
    codeSize: '编码大小（瓶颈）',
    codeL2: '编码的 L2 惩罚',
    codeL2Hint: '把编码拉向零点；设为 0 即关闭。',
    activations: '激活函数与损失',
    hiddenActivation: '隐藏层激活函数',
    outputActivation: '输出层激活函数',
    loss: '损失函数',
    training: '训练',
    optimizer: '优化器',
    learningRate: '学习率',
    momentum: '动量',
    momentumSgdOnly: '只有 SGD 会用到。',
    batchSize: '批大小',
    trainSize: '训练集大小',
    seed: '随机种子',
    apply: '应用',
    revert: '撤销修改',
    applyHint: '应用后会新建模型并重新开始训练。',
    unchanged: '这就是当前使用的模型。',
    pending: '修改尚未应用。',
    invalid: '请先改正标出的字段再应用。',
    option: {
      relu: 'ReLU',
      elu: 'ELU',
      tanh: 'tanh',
      sigmoid: 'sigmoid',
      linear: '线性',
      bce: '二元交叉熵',
      mse: '均方误差',
      adam: 'Adam',
      sgd: '带动量的 SGD',
      rmsprop: 'RMSprop',
    },
  },
  diagram: {
    label: '自编码器结构图：{{widths}}',
    input: '输入',
    output: '重建',
    codeBottleneck: '编码（瓶颈）',
    encoder: '编码器',
    decoder: '解码器',
    draft: '修改预览',
  },
  lossChart: {
    title: '学习曲线',
    label: '随训练步数变化的损失',
    logScale: '对数坐标',
    unit: '显示',
    unitLoss: '每个像素的损失',
    unitSquaredError: '每张图片的平方误差',
    train: '训练',
    test: '测试（1,000 张）',
    pca: 'PCA（k = {{k}}）',
    xAxis: '训练步数',
    yLoss: '每个像素的 {{loss}}',
    ySquaredError: '每张图片的平方误差',
    empty: '按下“训练”，曲线就会出现在这里。',
  },
  latent,
  presenter,
  modelFile,
  classroom,
  exportCode,
  variants,
  kinds,
  applications,
  pretraining,
  text,
  vq,
  vae,
  conditional,
  backendWhy,
  messages,
  problems,
  predict,
  math,
};
