// Entry point: the module with its wasm file beside it (http pages, node).
import createGoMapModule from './gomap_wasm.mjs';
import { GoMapModule } from './gomap-api.mjs';

export { GoMap, GoMapModule, SwissGoMap } from './gomap-api.mjs';
export { quoteToken } from './scenario-quote.mjs';

const isNode = typeof process !== 'undefined' && process.versions != null && process.versions.node != null;

export async function loadGoMap() {
  const args = {};
  if (isNode) {
    // Emscripten's loader would fetch() a file path, which node cannot.
    const { readFile } = await import('node:fs/promises');
    args.wasmBinary = await readFile(new URL('./gomap_wasm.wasm', import.meta.url));
  }
  return new GoMapModule(await createGoMapModule(args));
}
