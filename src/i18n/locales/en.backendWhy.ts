/**
 * English words for the backend report's codes (worker/backendReport.ts): why each backend was
 * or was not chosen, and wasm's threads. Shown in the "Why?" list (components/BackendBadge.tsx).
 */
export const backendWhy = {
  reason: {
    notTried: 'Not tried.',
    crashedEarlier: 'Not tried: it crashed or lost its device earlier in this session.',
    forcedOther: 'Not tried: the address asks for {{forced}} only (?backend={{forced}}).',
    forcedChecked: 'Chosen by the address (?backend=); its self-check passed.',
    noWebGpu: 'This browser has no WebGPU.',
    noAdapter: 'WebGPU offers no adapter here (no usable GPU).',
    noOffscreenCanvas: 'No OffscreenCanvas in workers, so no WebGL here.',
    noWebGl: 'WebGL is disabled or unavailable in this browser.',
    initFailed: 'Failed to start.',
    selfCheckFailed: 'Failed the numerical self-check: its numbers differ from the plain-JavaScript reference.',
    probeLate: 'No result within {{seconds}} s: starting, checking and compiling were too slow.',
    probeCrashed: 'The test worker crashed.',
    trainingFailed: 'Training failed in the test worker.',
    checked: 'Checked.',
    fastest: 'The fastest backend that passed its checks: {{samplesPerSec}} samples/s.',
    onlyPassed: 'The only backend that passed its checks: {{samplesPerSec}} samples/s.',
    slower: 'Works, but slower: {{samplesPerSec}} samples/s against {{chosenSamplesPerSec}} for {{chosen}}.',
    didNotStart: 'Passed in a test worker but did not start in the lab worker.',
    notNeeded: 'Not needed: {{chosen}} passed (plain JavaScript is the last resort).',
    lastResort: 'The only backend left: plain JavaScript, slow but always there.',
  },
  detail: 'Details: {{text}}',
  software: 'A software GPU ({{adapter}}): it computes on the processor.',
  forModel: {
    inUse: 'In use for this model.',
    cannotTrain: 'Cannot train this model: {{detail}}',
  },
  threads: {
    many: 'Threads: {{count}} (the device reports {{cores}} cores).',
    one: 'Threads: 1 (the device reports {{cores}} cores).',
    measured: 'Measured at start-up: {{threaded}} samples/s on {{threads}} threads, {{single}} on one.',
    why: {
      asked: 'The address asks for one (?threads=1).',
      oneCore: 'This device reports a single core.',
      frame: 'The lab is inside a frame, and threads need the embedding page to be cross-origin isolated and to allow it (allow="cross-origin-isolated").',
      firstVisit: 'The page opened before its service worker could add the headers threads need; threads are on from the next load.',
      noHeaders: 'The page was served without the headers threads need (Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy).',
      noSharedMemory: 'This browser offers no shared memory (SharedArrayBuffer).',
      noWasmThreads: 'This browser has no WebAssembly threads.',
      noSimd: 'This browser has no WebAssembly SIMD, which the threaded build needs.',
      failed: 'The threaded build did not start, so the single-threaded one runs.',
      slower: 'Both were measured at start-up and one thread trained faster: the machine is busy, and threads wait for the time other programs take.',
    },
  },
};
