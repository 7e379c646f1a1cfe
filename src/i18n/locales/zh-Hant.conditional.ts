/** 條件自編碼器「風格互換」面板的繁體中文介面文字（課程 style-swap）。 */
import type { Strings } from './en';

export const conditional: Strings['conditional'] = {
  title: '風格互換',
  help: '編碼器只看圖片；解碼器拿到編碼和要畫的數字。這裡把一個數字的編碼分別畫成 0–9 每個數字：如果編碼裡存的是筆跡而不是數字本身，這一行就是同一個人寫出的十個數字。',
  source: '筆跡來自',
  testDigit: '測試數字 #{{index}}（是 {{label}}）',
  previous: '上一個測試數字',
  next: '下一個測試數字',
  useDrawing: '用我畫的數字',
  drawingSource: '你畫的數字',
  noDrawing: '在畫板上寫一個數字，就能用你自己的筆跡。',
  sourceImage: '取用編碼的數字：{{source}}',
  row: '它的編碼分別畫成數字 0 到 9',
  asDigit: '畫成 {{digit}}',
  waiting: '先訓練模型：有了編碼，這一行就會出現。',
  codeKnn: '從編碼讀出數字',
  codeKnnUnit: '5-NN，隨機猜為 10%',
  swapRead: '互換結果被認成所要求的數字',
  ownRead: '重建結果被認成原來的數字',
  readUnit: '像素 5-NN 判定',
  note: '編碼取前 1,000 個測試數字，互換取前 500 個。從編碼讀出數字：只看編碼的 5 近鄰分類器（留一法）；一般自編碼器的編碼能讓它讀出多得多。互換：每個編碼畫成另一個數字，再用像素空間裡最近的 5 個真實測試數字來判定。',
  decodeLabel: '潛在網格和滑桿畫的數字',
  notConditional: '這些數字屬於條件自編碼器（模型種類「conditional」）。',
};
