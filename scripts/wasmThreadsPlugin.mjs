// A Vite plugin that lets tfjs-backend-wasm 4.22's threaded build run in the lab's bundle.
//
// The cause (tensorflow/tfjs#4253, #4539; the "JS Minification" section of the package's
// README): the threaded build starts each pthread worker from the SOURCE TEXT of its
// Emscripten factory, `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])`
// (dist/backend_wasm.js), and the worker evaluates that text at its global scope. In the
// package the factory is a closure over one variable of its wrapper,
//
//   var WasmBackendModuleThreadedSimd = (() => {
//     var _scriptDir = typeof document !== 'undefined' && document.currentScript ? ... : undefined;
//     if (typeof __filename !== 'undefined') _scriptDir = _scriptDir || __filename;
//     return (function(WasmBackendModuleThreadedSimd) { ... typeof _scriptDir !== "undefined" && _scriptDir ... });
//   })();
//
// which is safe only while the reference stays a `typeof` test: in the worker the name is
// undeclared and `typeof` of an undeclared name is "undefined". A minifier renames the local
// (`_scriptDir` -> `e`) and, knowing it is declared, rewrites the test as `e !== void 0`; in the
// worker that throws `ReferenceError: e is not defined` and the backend never starts. The
// package's advice is to turn that rewrite off (terser's `typeofs`); Vite 8's minifier (Oxc)
// has no such switch. So this plugin makes the factory self-contained instead: the two lines
// that compute `_scriptDir` move from the wrapper into the factory itself, where the minifier
// may rename and rewrite them freely. It changes nothing else: in the lab the factory runs in
// Web Workers and module scripts, where `document.currentScript` is null at load time and at
// call time alike, so `_scriptDir` is undefined either way.
//
// A second, smaller change to the same file: tfjs-wasm's C++ (backend.cc) sizes its thread pool
// as at most `emscripten_num_logical_cores() / 2` ("many x86-64 processors have 2 threads per
// core"), a cap that setThreadsCount cannot lift; on a machine that reports 2 cores it never
// runs more than one thread. The JavaScript import behind that call reads
// navigator.hardwareConcurrency; doubling it there cancels the halving, so the count the lab asks
// for with setThreadsCount (src/worker/wasmThreads.ts: the reported cores, at most 8) is the
// count it gets. Nothing else reads that import.
//
// Used for the app, the workers (Vite bundles those with `worker.plugins`) and the dev
// server's dependency pre-bundling; a tfjs version whose file no longer has the shape fails
// the build loudly instead of shipping a broken threaded backend.

/** The threaded Emscripten factory inside @tensorflow/tfjs-backend-wasm. */
export const THREADED_FACTORY = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

const WRAPPER_HEAD =
  /(var WasmBackendModuleThreadedSimd = \(\(\) => \{\s*)(var _scriptDir = [^\n]+\n\s*if \(typeof __filename !== 'undefined'\) _scriptDir = _scriptDir \|\| __filename;\n)(\s*return \(\s*function\(WasmBackendModuleThreadedSimd\) \{\n)/;

const LOGICAL_CORES = 'function _emscripten_num_logical_cores(){if(ENVIRONMENT_IS_NODE)return require("os").cpus().length;return navigator["hardwareConcurrency"]}';
const LOGICAL_CORES_UNHALVED = LOGICAL_CORES.replace('return navigator["hardwareConcurrency"]', 'return 2*navigator["hardwareConcurrency"]');

function unexpectedShape(what) {
  return new Error(
    `wasmThreadsPlugin: tfjs-backend-wasm-threaded-simd.js does not have the shape this plugin fixes (${what}; ` +
      'see scripts/wasmThreadsPlugin.mjs); check whether the new tfjs version still needs it.',
  );
}

/**
 * The factory's source with `_scriptDir` declared inside the factory, and the logical-core
 * count doubled where the C++ halves it.
 * @throws when the file does not have the expected shape (another tfjs version).
 */
export function patchThreadedFactory(code) {
  const match = WRAPPER_HEAD.exec(code);
  if (!match) throw unexpectedShape('the wrapper that computes _scriptDir');
  if (code.split(LOGICAL_CORES).length !== 2) throw unexpectedShape('_emscripten_num_logical_cores');
  const [whole, head, scriptDir, factoryHead] = match;
  return code.replace(whole, `${head}${factoryHead}${scriptDir}`).replace(LOGICAL_CORES, LOGICAL_CORES_UNHALVED);
}

/** The Vite (and Rolldown) plugin. */
export function wasmThreadsPlugin() {
  return {
    name: 'autoencoder-lab:wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!THREADED_FACTORY.test(id.split('?')[0])) return null;
      return { code: patchThreadedFactory(code), map: null };
    },
  };
}
