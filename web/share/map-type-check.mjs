// The core's word on a map type from a link, an attribute or an iframe's
// fragment. fields.mjs only checks that the text is one map[K]V word; which
// types Go has and this playground models (comparable keys, array lengths,
// nesting, sizes) is core/map_type.h's answer, asked through the module's
// mapLayout before any map is made, and its message is passed on as is.
import { excerpt } from './text-rules.mjs';

/**
 * @param {{ mapLayout: (text: string) => { ok: boolean, error?: string } }} gomap the loaded module
 * @param {string} mapType
 * @param {string} label how the field is called where the type came from (type, map-type)
 * @returns {string | null} null when the core makes such a map; otherwise a
 *   sentence naming the field, the type and the core's reason
 */
export function mapTypeRefusal(gomap, mapType, label) {
  const r = gomap.mapLayout(mapType);
  if (r.ok) return null;
  return `${label}: ${excerpt(mapType, 60)} was refused: ${r.error}`;
}
