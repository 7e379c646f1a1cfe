/** 简体中文：应用部分的面板（相似图片检索、异常检测）。 */
import type { Strings } from './en';

export const applications: Strings['applications'] = {
  imageSearch: {
    title: '相似图片检索',
    help: '选一个测试数字，或者用你自己画的数字来检索：找出和它最接近的十个训练数字。一次比较全部 784 个像素，一次只比较编码。',
    pickLabel: '用来检索的测试数字',
    pick: '用第 {{index}} 个测试数字检索（它是 {{label}}）',
    useDrawing: '用我画的数字检索',
    noDrawing: '先在画板上画一个数字，就能用它来检索。',
    query: '查询',
    drawing: '你画的数字',
    queryDigit: '数字 {{label}}',
    inPixels: '按像素最接近的（每张图 {{dims}} 个数）',
    inCodes: '按编码最接近的（每张图 {{dims}} 个数）',
    matches: '{{k}} 个里有 {{count}} 个也是 {{label}}',
    labels: '标签：{{labels}}',
    neighboursLabel: '最接近的 {{count}} 个训练数字，由近到远：{{labels}}',
    searched: '检索范围：这次训练用的 {{reference}} 个训练数字；编码来自第 {{step}} 步的模型。',
    waiting: '选一个数字开始检索。',
    measureTitle: '在 {{queries}} 个测试查询上的 precision@10',
    measureHelp: '前 {{queries}} 个测试数字各自在这次训练用的 {{reference}} 个训练数字里检索。precision@10 指最接近的十个里和查询是同一个数字的比例。内存指整个被检索集合所占的空间，每个数 4 字节。',
    start: '测量检索效果',
    startHint: '一边训练一边测量 precision@10（会占用一部分时间）',
    col: {
      representation: '在什么上检索',
      dims: '每张图的数字个数',
      precision: 'precision@10',
      time: '每次查询耗时',
      memory: '被检索集合的内存',
    },
    row: {
      pixels: '像素',
      pca: 'PCA 编码',
      autoencoder: '自编码器编码',
    },
    measuring: '正在测量…',
    partial: '目前已测 {{done}} / {{total}} 个查询',
    atEpoch: '第 {{epoch}} 个 epoch 的模型',
    ms: '{{value}} 毫秒',
    mb: '{{value}} MB（兆字节）',
  },
};
