/** 条件自编码器“风格互换”面板的简体中文界面文字（课程 style-swap）。 */
import type { Strings } from './en';

export const conditional: Strings['conditional'] = {
  title: '风格互换',
  help: '编码器只看图片；解码器拿到编码和要画的数字。这里把一个数字的编码分别画成 0–9 每个数字：如果编码里存的是笔迹而不是数字本身，这一行就是同一个人写出的十个数字。',
  source: '笔迹来自',
  testDigit: '测试数字 #{{index}}（是 {{label}}）',
  previous: '上一个测试数字',
  next: '下一个测试数字',
  useDrawing: '用我画的数字',
  drawingSource: '你画的数字',
  noDrawing: '在画板上写一个数字，就能用你自己的笔迹。',
  sourceImage: '取用编码的数字：{{source}}',
  row: '它的编码分别画成数字 0 到 9',
  asDigit: '画成 {{digit}}',
  waiting: '先训练模型：有了编码，这一行就会出现。',
  codeKnn: '从编码读出数字',
  codeKnnUnit: '5-NN，随机猜为 10%',
  swapRead: '互换结果被认成所要求的数字',
  ownRead: '重建结果被认成原来的数字',
  readUnit: '像素 5-NN 判定',
  note: '编码取前 1,000 个测试数字，互换取前 500 个。从编码读出数字：只看编码的 5 近邻分类器（留一法）；普通自编码器的编码能让它读出多得多。互换：每个编码画成另一个数字，再用像素空间里最近的 5 个真实测试数字来判定。',
  decodeLabel: '潜在网格和滑块画的数字',
  notConditional: '这些数字属于条件自编码器（模型种类“conditional”）。',
};
