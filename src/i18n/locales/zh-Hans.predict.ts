/** “先预测，再运行”的简体中文字符串（en.predict.ts 是源文本）。 */
import type { Strings } from './en';

export const predict: Strings['predict'] = {
  title: '先预测',
  hint: '按下训练之前先回答：实验室会测量它，你的答案会和测量结果摆在一起。（不回答也可以直接训练。）',
  yours: '你的预测',
  measured: '测量结果',
  none: '没有预测',
  outcome: {
    right: '你的预测是对的。',
    wrong: '和你的预测不一样：看看这些数字。',
  },
  pending: {
    training: '训练 {{epochs}} 个 epoch 后测量（现在 {{epoch}}）。请按训练。',
    trials: '用每个选项把本课的模型各训练 {{epochs}} 个 epoch，实验室会比较这几次运行。',
    waiting: {
      measure: '正在等待测量结果……',
      anomalyDigits: '正在等待每个测试数字的异常分数……',
      embeddingMaps: '训练之后按“生成地图”：那时会测量这三张地图。',
      gridHoles: '在 VAE 面板里按“在旁边训练一个普通自编码器”：那时会测量它的网格。',
    },
  },
  detail: {
    value: '训练到 {{epoch}} 个 epoch 时，{{measure}}：{{value}}。',
    ratio: '训练到 {{epoch}} 个 epoch 时，{{measure}}：{{value}}，{{baselineName}}为 {{baseline}}（{{ratio}}）。',
    difference: '训练到 {{epoch}} 个 epoch 时，{{measure}}：{{value}}，{{baselineName}}为 {{baseline}}（{{difference}}）。',
    extreme: {
      min: '训练到 {{epoch}} 个 epoch 时，{{name}}：{{best}} 最低（{{value}}）。',
      max: '训练到 {{epoch}} 个 epoch 时，{{name}}：{{best}} 最高（{{value}}）。',
    },
    setting: {
      min: '训练 {{epochs}} 个 epoch 后的{{measure}}：{{best}} 最低（{{value}}）。',
      max: '训练 {{epochs}} 个 epoch 后的{{measure}}：{{best}} 最高（{{value}}）。',
    },
  },
  items: {
    anomalyDigits: '每个数字相对正常数字的 AUROC',
    embeddingMaps: '每张地图的 5 近邻准确率',
    gridHoles: '每个网格里空格子的比例',
  },
  trial: {
    measured: '{{value}}（训练 {{epoch}} 个 epoch）',
    now: '正在训练',
    switch: '切换到这个',
  },
  note: {
    late: '你是在训练了 {{epoch}} 个 epoch 之后才回答的。',
    changed: '测量时用的设置和本课的不同（随机种子除外）。',
    again: '按重置，就可以重新预测并测量新的一次运行。',
  },
};
