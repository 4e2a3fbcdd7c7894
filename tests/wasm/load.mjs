// Loads the wasm build the way an application does, for the node tests.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// GOMAP_WASM_DIR points the tests at another build (a private one while iterating).
export const buildDir = process.env.GOMAP_WASM_DIR
  ? `${process.env.GOMAP_WASM_DIR.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../build/wasm-release/wasm/', import.meta.url));
// GOMAP_CLI likewise points at another native gomap.
export const gomapCli = process.env.GOMAP_CLI ?? fileURLToPath(new URL('../../build/native-release/gomap', import.meta.url));

export async function loadModule() {
  const entry = new URL('gomap.mjs', `file://${buildDir}`);
  if (!existsSync(fileURLToPath(entry))) {
    throw new Error(`wasm build missing at ${buildDir}: run npm run build`);
  }
  const { loadGoMap } = await import(entry.href);
  return loadGoMap();
}

export function newMap(gomap, options) {
  const r = gomap.createMap(options);
  if (!r.ok) throw new Error(r.error);
  return r.map;
}
