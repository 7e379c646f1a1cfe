/** 模型種類（issue 4）的繁體中文介面文字：模型編輯器裡的種類選擇、卷積自編碼器的設定和特徵圖面板。 */
import type { Strings } from './en';

export const kinds: Strings['kinds'] = {
  editor: {
    kind: '自編碼器的種類',
    kindHint: '各種類沿用編碼大小、激活函數和訓練設定；每種的課程會講解它。',
    option: {
      mlp: '全連接（MLP）',
      conv: '卷積',
      vae: '變分（VAE）',
      vq: 'VQ-VAE（離散編碼）',
      adversarial: '對抗（AAE）',
      conditional: '條件（解碼器得到標籤）',
    },
    convLegend: '卷積階段',
    convChannels: '每個階段的通道數',
    convChannelsHint: '一到兩個階段，每個是 3×3 卷積加 2×2 最大池化，例如「16, 8」（28×28 → 14×14 → 7×7）。',
    convDecoder: '解碼器如何還原池化',
    decoderOption: {
      maxUnpool: '最大反池化（放回最大值原來的位置）',
      repeatUnpool: '重複反池化（在窗口裡複製）',
      deconvolution: '反卷積（轉置卷積）',
    },
    convNoLayers: '卷積自編碼器沒有全連接隱藏層：它的各級由上面的通道數決定。',
  },
  exportNotYet: '「顯示程式碼」只寫出全連接自編碼器及其變體；{{kind}}自編碼器還不能匯出。',
  featureMaps: {
    title: '特徵圖',
    help: '每一層對一個測試數字算出了什麼：每個小方塊是一個通道（暗 = 低，亮 = 高，每層分別縮放）。點另一個數字，看它怎樣穿過網路。',
    digit: '數字',
    pick: '顯示測試數字 {{n}}',
    waiting: '正在等待模型……',
    channels: '{{count}} 個通道，{{side}}×{{side}}',
    codeValues: '{{count}} 個數',
    canvasLabel: '{{name}}：{{count}} 個 {{side}}×{{side}} 的通道',
    part: {
      encoder: '編碼器',
      code: '編碼',
      decoder: '解碼器',
    },
  },
};
