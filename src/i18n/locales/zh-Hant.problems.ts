/** 繁體中文：某個值為何被拒絕（core/kinds/problems.ts 的代碼和編輯器自己的 notANumber），見 en.problems.ts。 */
import type { Strings } from './en';

export const problems: Strings['problems'] = {
  notANumber: '請輸入一個數字。',
  invalid: '這裡不允許這個值。',
  range: '必須介於 {{min}} 到 {{max}} 之間。',
  wholeNumber: '請輸入整數。',
  tooMany: '最多 {{max}} 項。',
  tooFew: '至少 {{min}} 項。',
  loss: {
    bceNeedsSigmoid: '二元交叉熵需要 sigmoid 輸出：請選 sigmoid 輸出，或改用均方誤差。',
  },
  contractive: {
    depth: '收縮懲罰要求編碼器最多只有一個隱藏層：請刪掉編碼器的層，或把懲罰設為 0。',
    linearCode: '收縮懲罰需要線性的編碼層：把編碼激活函數設為線性，或者把收縮懲罰設為 0。',
  },
  sparsity: {
    klNeedsSigmoid: 'KL 懲罰把平均激活值和 ρ 比較，所以它們必須介於 0 和 1 之間：把編碼激活函數設為 sigmoid，或者改用 L1。',
  },
  kind: {
    contractiveMlpOnly: '收縮懲罰只用於全連接自編碼器：請把它設為 0，或選擇全連接類型。',
    noDenseLayers: '卷積自編碼器沒有全連接隱藏層：它的各級由通道數決定。',
    needsBernoulli: '$t(messages.kinds.{{kind}})自編碼器把每個像素看作一次擲硬幣：它需要 sigmoid 輸出和二元交叉熵。',
  },
  vq: {
    codeSizeMultiple: '編碼由 {{positions}} 個等長的碼本向量組成：編碼長度必須是 {{positions}} 的倍數。',
  },
  adversarial: {
    priorNeeds2d: '先驗「$t(variants.adversarial.priors.{{prior}})」畫在二維平面上：編碼長度必須是 2，或者改選高斯先驗。',
    cleanCode: '對抗自編碼器用乾淨的數字訓練，由判別器塑造編碼：不加輸入雜訊，也不加編碼的 L2 懲罰。',
  },
};
