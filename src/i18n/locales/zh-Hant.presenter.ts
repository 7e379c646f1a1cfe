/** 繁體中文: presenter mode, panel focus, keyboard shortcuts and announcements. */
import type { Strings } from './en';

export const presenter: Strings['presenter'] = {
  tools: '檢視',
  presenterMode: '簡報模式',
  presenterHint: '大字體、粗線條，適合用投影機播放（P）',
  shortcutsButton: '鍵盤快速鍵',
  shortcutsHint: '顯示鍵盤快速鍵（?）',
  focusPanel: '讓「{{panel}}」佔滿整個畫面（F）',
  leavePanel: '離開全螢幕（Esc）',
  announce: {
    presenterOn: '簡報模式已開啟。',
    presenterOff: '簡報模式已關閉。',
    panelFocused: '「{{panel}}」已佔滿整個畫面。按 Esc 返回。',
    panelLeft: '所有面板都已恢復顯示。',
    noPanel: '先把滑鼠指向一個面板，或把鍵盤焦點移到面板裡，再按 F。',
    unavailable: '目前無法使用。',
  },
  shortcuts: {
    title: '鍵盤快速鍵',
    intro: '這些按鍵在頁面上任何地方都能用，只有在輸入欄位裡打字時不會觸發。',
    close: '關閉',
    key: '按鍵',
    action: '功能',
    toggleTraining: '訓練或暫停',
    step: '訓練一步（按住不放會持續訓練）',
    reset: '依隨機種子重設模型',
    focusPanel: '讓滑鼠指向的面板（或鍵盤焦點所在的面板）佔滿整個畫面；再按一次返回',
    presenter: '開啟或關閉簡報模式',
    help: '顯示或隱藏這份清單',
    escape: '關閉這份清單，或從全螢幕面板返回',
    mapKeys: '在地圖和網格上（取得焦點後）：方向鍵移動解碼點（按住 Shift 移動更多）；在地圖上，+ 和 − 縮放，0 恢復原始大小。',
  },
};
