/** 后端报告代码的简体中文措辞（worker/backendReport.ts）：各后端为何被选用或未被选用，以及 wasm 的线程。 */
import type { Strings } from './en';

export const backendWhy: Strings['backendWhy'] = {
  reason: {
    notTried: '未尝试。',
    crashedEarlier: '未尝试：它在本次使用中曾崩溃或丢失设备。',
    forcedOther: '未尝试：页面地址只要求 {{forced}}（?backend={{forced}}）。',
    forcedChecked: '由页面地址（?backend=）指定；数值自检已通过。',
    noWebGpu: '此浏览器没有 WebGPU。',
    noAdapter: 'WebGPU 在这里没有可用的适配器（没有可用的 GPU）。',
    noOffscreenCanvas: 'Worker 中没有 OffscreenCanvas，因此这里不能用 WebGL。',
    noWebGl: '此浏览器的 WebGL 已停用或不可用。',
    initFailed: '启动失败。',
    selfCheckFailed: '数值自检未通过：它算出的数与纯 JavaScript 参考结果不同。',
    probeLate: '{{seconds}} 秒内没有结果：启动、自检和编译太慢。',
    probeCrashed: '测试用的 Worker 崩溃了。',
    trainingFailed: '在测试用的 Worker 中训练失败。',
    checked: '已检查。',
    fastest: '通过检查的后端中最快的：每秒 {{samplesPerSec}} 个样本。',
    onlyPassed: '唯一通过检查的后端：每秒 {{samplesPerSec}} 个样本。',
    slower: '可以用，但较慢：每秒 {{samplesPerSec}} 个样本，{{chosen}} 为 {{chosenSamplesPerSec}} 个。',
    didNotStart: '在测试 Worker 中通过，但在实验 Worker 中没能启动。',
    notNeeded: '不需要：{{chosen}} 已通过（纯 JavaScript 是最后的选择）。',
    lastResort: '只剩这个后端：纯 JavaScript，慢，但总能用。',
  },
  detail: '详情：{{text}}',
  software: '软件 GPU（{{adapter}}）：它用处理器计算。',
  forModel: {
    inUse: '此模型正在使用它。',
    cannotTrain: '不能训练此模型：{{detail}}',
  },
  threads: {
    many: '线程：{{count}} 个（设备报告 {{cores}} 个核心）。',
    one: '线程：1 个（设备报告 {{cores}} 个核心）。',
    why: {
      asked: '页面地址要求只用一个（?threads=1）。',
      oneCore: '此设备只报告一个核心。',
      frame: '实验室位于框架（iframe）中；多线程需要外层页面本身是跨源隔离的，并允许框架隔离（allow="cross-origin-isolated"）。',
      firstVisit: '页面在 Service Worker 加上多线程所需的响应头之前就已打开；下次加载起启用多线程。',
      noHeaders: '页面送达时没有多线程所需的响应头（Cross-Origin-Opener-Policy 和 Cross-Origin-Embedder-Policy）。',
      noSharedMemory: '此浏览器不提供共享内存（SharedArrayBuffer）。',
      noWasmThreads: '此浏览器不支持 WebAssembly 线程。',
      noSimd: '此浏览器不支持多线程版本所需的 WebAssembly SIMD。',
      failed: '多线程版本没能启动，因此改用单线程版本。',
    },
  },
};
