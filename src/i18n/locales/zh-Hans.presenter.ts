/** 简体中文: presenter mode, panel focus, keyboard shortcuts and announcements. */
import type { Strings } from './en';

export const presenter: Strings['presenter'] = {
  tools: '视图',
  presenterMode: '演示模式',
  presenterHint: '大字号、粗线条，适合投影（P）',
  shortcutsButton: '键盘快捷键',
  shortcutsHint: '显示键盘快捷键（?）',
  focusPanel: '让“{{panel}}”占满屏幕（F）',
  leavePanel: '退出全屏（Esc）',
  announce: {
    presenterOn: '演示模式已开启。',
    presenterOff: '演示模式已关闭。',
    panelFocused: '“{{panel}}”已占满屏幕。按 Esc 返回。',
    panelLeft: '所有面板已恢复显示。',
    noPanel: '先把鼠标指向一个面板，或把键盘焦点移到面板里，再按 F。',
    unavailable: '现在无法使用。',
  },
  shortcuts: {
    title: '键盘快捷键',
    intro: '这些按键在页面上任何地方都能用，只有在输入框里打字时不会触发。',
    close: '关闭',
    key: '按键',
    action: '作用',
    toggleTraining: '训练或暂停',
    step: '训练一步（按住不放会一直训练）',
    reset: '按随机种子重置模型',
    focusPanel: '让鼠标指向的面板（或键盘焦点所在的面板）占满屏幕；再按一次返回',
    presenter: '开启或关闭演示模式',
    help: '显示或隐藏这个列表',
    escape: '关闭这个列表，或从全屏面板返回',
    mapKeys: '在地图和网格上（获得焦点后）：方向键移动解码点（按住 Shift 步子更大）；在地图上，+ 和 − 缩放，0 恢复原始大小。',
  },
};
