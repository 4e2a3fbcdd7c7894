// Loads the built wasm module for tests (build/wasm-release/wasm by default;
// GOMAP_WASM_DIR points elsewhere, e.g. a separate build).
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const dir = process.env.GOMAP_WASM_DIR ?? resolve(import.meta.dirname, '../../build/wasm-release/wasm');

export async function loadModule() {
  const { loadGoMap } = await import(pathToFileURL(resolve(dir, 'gomap.mjs')).href);
  return loadGoMap();
}
