// A standalone <go-map-viz> builds its own map: the map module is loaded
// once per page (per module URL) and shared by every element, each of
// which then owns one Player, so several elements on a page are as
// independent as several maps in one Go program.
import { loadGoMap } from '../wasm/gomap.mjs';
import { Player } from '../player/player.mjs';
import { yieldToEventLoop } from '../player/bulk.mjs';
import { setupLinesOf, toScenarioText } from '../share/permalink.mjs';

const modules = new Map();
const BUILT_IN = 'built-in';

/**
 * The loaded map module; one load per page however many elements ask.
 * src: a module-src URL (settings.mjs checked it), or null for the module
 * beside the element, imported statically so that a bundler (the offline
 * single file) can swap it for its inlined twin.
 */
export function loadModule(src = null) {
  const key = src ?? BUILT_IN;
  if (!modules.has(key)) {
    const loading = src === null ? loadGoMap() : import(src).then((m) => m.loadGoMap());
    // A failed load may be retried by the next element that asks.
    loading.catch(() => modules.delete(key));
    modules.set(key, loading);
  }
  return modules.get(key);
}

/**
 * Replays the settings' scenario into a new Player.
 * Errors carry the line of the `ops` attribute they are on (0: one of the
 * set-up attributes, map-type, hasher or seed) and the command that failed.
 * @param {import('../../wasm/gomap').GoMapModule} gomap
 * @param {import('./settings.mjs').Settings} settings
 * @param {{ signal?: AbortSignal }} [options]
 * @returns {Promise<{ ok: true, player: Player } | { ok: false, errors: { line: number, command?: string, message: string }[] }>}
 */
export async function buildPlayer(gomap, settings, { signal } = {}) {
  const setup = setupLinesOf(settings).length;
  const r = await Player.load(gomap, toScenarioText(settings), { yieldToEventLoop, signal });
  if (r.ok) return /** @type {{ ok: true, player: Player }} */ (r);
  /** @type {{ line: number, command?: string, message: string }[]} */
  const errors = (r.errors ?? []).map((e) => ({ line: Math.max(0, e.line - setup), command: e.command, message: e.message }));
  if (!errors.length) errors.push({ line: 0, message: r.aborted ? 'the load was replaced by a newer one' : 'the scenario did not run' });
  return { ok: false, errors };
}
