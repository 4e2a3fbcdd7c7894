// The playground's state in web/share's terms, for its permalink: the map's
// set-up as fields (type, hasher, seed, hint, version), its history as the
// scenario, the moment shown as the step, the playback speed, and the look
// a link gave the page (theme, view, controls). No DOM, so node tests check
// that a player's link replays into the same map.
import { DEFAULT_STATE, FIELDS, parseField } from '../share/fields.mjs';
import { stepOfFrame } from '../share/permalink.mjs';
import { commandName, tokenize } from '../player/scenario-text.mjs';

const FIELD = Object.fromEntries(FIELDS.map((f) => [f.name, f]));
// Set-up commands that have a field of their own. hashkey and rand stay as
// set-up lines at the head of the scenario, which the grammar allows.
const AS_FIELD = { map: 'mapType', hasher: 'hasher', seed: 'seed', hint: 'hint', version: 'version' };

/**
 * The fields of a link that decide how the page looks, not which map it
 * shows. The page takes them from a link it opens, keeps them in the
 * address it writes and passes them on in its Share and Embed snippets.
 */
export const DISPLAY_FIELDS = Object.freeze(['theme', 'view', 'controls']);

/** A link's look: its display fields, each at its default when the link left it out or it was refused. */
export function displayOf(state) {
  return Object.fromEntries(DISPLAY_FIELDS.map((name) => [name, state?.[name] ?? DEFAULT_STATE[name]]));
}

/**
 * @param {import('../player/player.mjs').Player} player
 * @param {{ speed?: number, display?: { theme?: string, view?: string, controls?: string } }} extras
 * @returns {Partial<import('../share/fields.mjs').ShareState>} a state for encodeState() (fields left out: their defaults)
 */
export function stateOfPlayer(player, { speed, display } = {}) {
  /** @type {Partial<import('../share/fields.mjs').ShareState>} */
  const state = {};
  const kept = [];
  for (const line of player.setup) {
    const name = commandName(line);
    const t = tokenize(line);
    const field = FIELD[AS_FIELD[name]];
    const text = name === 'map' ? t[0] : t[1];
    // The hasher field's default stands for the map's own hasher, so a Go
    // 1.26 map hashed with go114 keeps that line in its ops.
    const keep = player.swiss && name === 'hasher' && text === 'go114';
    const r = field && !keep && (name === 'map' ? t.length === 1 : t.length === 2) ? parseField(field, text ?? '') : null;
    if (r && !r.error && state[field.name] === undefined) state[field.name] = r.value;
    else kept.push(line);
  }
  // '; ' keeps a link readable; commands never hold a bare ';' (the
  // scenario splitter would have split them), only inside quotes.
  state.ops = [...kept, ...player.history.ops.map((o) => o.command)].join('; ');
  state.step = stepOfFrame(player.frame());
  if (speed !== undefined && speed !== null) state.speed = speed;
  if (display) Object.assign(state, displayOf(display));
  return state;
}

// Fields that decide which map a link makes (the rest decide how it is shown).
const MAP_FIELDS = new Set(['mapType', 'hasher', 'seed', 'hashkey', 'rand', 'hint', 'version', 'ops']);

function atDefault(field, value) {
  if (value === null || value === undefined) return field.def === null;
  return field.def !== null && field.format(value) === field.format(field.def);
}

/**
 * The warnings of a decoded link that refused part of its map: a field the
 * link set, whose value was not taken (the decoder fell back to the
 * default). Such a link would make another map than its author's, so the
 * page does not open it. Notes about values that were taken (bidirectional
 * controls kept in the scenario), unknown keys and display fields (step,
 * speed, view, theme…) do not count.
 * @param {string} fragment the raw fragment, with or without '#'
 * @param {{ state: import('../share/fields.mjs').ShareState, warnings: { field: string|null, message: string }[] }} decoded decodeState()'s answer
 */
export function refusedMapFields(fragment, decoded) {
  const keys = new Set(String(fragment).replace(/^#/, '').split('&').map((p) => (p.includes('=') ? p.slice(0, p.indexOf('=')) : p)));
  return decoded.warnings.filter((w) => MAP_FIELDS.has(w.field) && keys.has(FIELD[w.field].key) && atDefault(FIELD[w.field], decoded.state[w.field]));
}
