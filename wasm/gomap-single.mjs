// Entry point: the wasm inlined, for pages opened from file:// and offline.
import createGoMapModule from './gomap_wasm_single.mjs';
import { GoMapModule } from './gomap-api.mjs';

export { GoMap, GoMapModule, SwissGoMap } from './gomap-api.mjs';
export { quoteToken } from './scenario-quote.mjs';

export async function loadGoMap() {
  return new GoMapModule(await createGoMapModule({}));
}
