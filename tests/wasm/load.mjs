// Loads the wasm build the way an application does, for the node tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// GOMAP_WASM_DIR points the tests at another build (a private one while iterating).
export const buildDir = process.env.GOMAP_WASM_DIR
  ? `${process.env.GOMAP_WASM_DIR.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../build/wasm-release/wasm/', import.meta.url));
// GOMAP_CLI likewise points at another native gomap.
export const gomapCli = process.env.GOMAP_CLI ?? fileURLToPath(new URL('../../build/native-release/gomap', import.meta.url));

// A test's skip reason when the native gomap is not built (node:test's `skip`), else false.
export const noCli = !existsSync(gomapCli) && 'native gomap not built';

// The gomap CLI's dump of the map once every command of `text` has run.
export function cliDump(text) {
  const out = execFileSync(gomapCli, ['--dumps-only'], { input: `${text}\ndump`, encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out.trim().split('\n').at(-1));
}

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
