/**
 * The threaded tfjs-wasm factory, bundled and minified by Vite as in the app, then started the
 * way a pthread worker starts it: from its source text, at the global scope of a fresh context
 * (a worker's, with `importScripts` and no `document`). Without the plugin that throws the
 * ReferenceError of the lab's broken threaded build; with it, the factory gets past its
 * start-up to where it needs the memory a real worker is sent.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { patchThreadedFactory, THREADED_FACTORY, wasmThreadsPlugin } from './wasmThreadsPlugin.mjs';

const FACTORY_FILE = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');

/** An entry module that exports the factory, as dist/backend_wasm.js imports it. */
function entryFile(): string {
  const dir = join(FACTORY_FILE, '..', '..', '..', '..', '.cache', 'autoencoder-lab', 'wasm-threads-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'entry.js');
  writeFileSync(file, `import f from ${JSON.stringify(FACTORY_FILE)};\nexport const factory = f.default || f;\n`);
  return file;
}

/** The factory's source text after a minified production build, with or without the plugin. */
async function bundledFactorySource(withPlugin: boolean): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'error',
    plugins: withPlugin ? [wasmThreadsPlugin()] : [],
    build: { write: false, minify: true, lib: { entry: entryFile(), formats: ['es'], fileName: 'factory' } },
  })) as Rolldown.RolldownOutput[];
  const code = out[0].output[0].code;
  const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { factory: () => unknown };
  // What tfjs-backend-wasm hands each pthread worker as a Blob (dist/backend_wasm.js).
  return `var WasmBackendModuleThreadedSimd = ${mod.factory.toString()}`;
}

/** Runs the factory as a pthread worker does; returns the error it throws first, if any. */
function startAsPthread(source: string): unknown {
  const context = vm.createContext({ self: { location: { href: 'http://localhost/lab/assets/worker.js' } }, importScripts() {}, console, URL, WebAssembly });
  vm.runInContext(source, context);
  try {
    const ready = vm.runInContext('WasmBackendModuleThreadedSimd({ ENVIRONMENT_IS_PTHREAD: true })', context) as Promise<unknown>;
    ready.catch(() => undefined);
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('wasmThreadsPlugin', () => {
  it('reproduces the broken pthread start-up without the plugin and fixes it with', async () => {
    const broken = startAsPthread(await bundledFactorySource(false));
    expect(broken).toBeDefined();
    expect((broken as Error).constructor.name).toBe('ReferenceError');
    expect((broken as Error).message).toMatch(/^\w+ is not defined$/);

    const fixed = startAsPthread(await bundledFactorySource(true));
    // Past `_scriptDir`: the next thing missing in this bare context is the shared memory.
    expect((fixed as Error | undefined)?.constructor.name).not.toBe('ReferenceError');
  });

  it('moves only the two lines that compute _scriptDir into the factory, and doubles the logical cores', () => {
    const code = readFileSync(FACTORY_FILE, 'utf8');
    const fixed = patchThreadedFactory(code);
    expect(fixed.length).toBe(code.length + '2*'.length);
    expect(fixed).toContain('return 2*navigator["hardwareConcurrency"]}');
    expect(fixed.match(/hardwareConcurrency/g)).toHaveLength(1);
    const factoryStart = fixed.indexOf('function(WasmBackendModuleThreadedSimd) {');
    expect(fixed.indexOf('var _scriptDir =')).toBeGreaterThan(factoryStart);
    expect(fixed.slice(0, factoryStart)).not.toContain('_scriptDir');
  });

  it('applies to the threaded factory only and refuses a file of another shape', () => {
    expect(THREADED_FACTORY.test(FACTORY_FILE)).toBe(true);
    expect(THREADED_FACTORY.test(FACTORY_FILE.replace('-threaded-simd', ''))).toBe(false);
    expect(() => patchThreadedFactory('var WasmBackendModuleThreadedSimd = function() {};')).toThrow(/does not have the shape/);
    const code = readFileSync(FACTORY_FILE, 'utf8');
    expect(() => patchThreadedFactory(code.replace('navigator["hardwareConcurrency"]', 'navigator.hardwareConcurrency'))).toThrow(/_emscripten_num_logical_cores/);
  });
});
