/**
 * The tfjs backend for Node tests of the engine: wasm (the backend most machines without a GPU
 * train on in the browser), a few times faster than the plain-JS cpu backend, so training tests
 * stay short on a loaded machine. Node-only (reads the .wasm files from node_modules).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export async function useWasmInNode(): Promise<void> {
  if (tf.getBackend() === 'wasm') return;
  const require = createRequire(import.meta.url);
  // The package's main file sits in dist/ next to the .wasm files; the trailing slash matters.
  setWasmPaths(`${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/')}`);
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend did not initialise in Node');
}
