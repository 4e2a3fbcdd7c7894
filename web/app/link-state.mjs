// The playground's state in web/share's terms, for its permalink: the map's
// set-up as fields (type, hasher, seed, hint, version), its history as the
// scenario, the moment shown as the step, and the playback speed. No DOM,
// so node tests check that a player's link replays into the same map.
import { FIELDS, parseField } from '../share/fields.mjs';
import { stepOfFrame } from '../share/permalink.mjs';
import { commandName, tokenize } from '../player/scenario-text.mjs';

const FIELD = Object.fromEntries(FIELDS.map((f) => [f.name, f]));
// Set-up commands that have a field of their own. hashkey and rand stay as
// set-up lines at the head of the scenario, which the grammar allows.
const AS_FIELD = { map: 'mapType', hasher: 'hasher', seed: 'seed', hint: 'hint', version: 'version' };

/**
 * @param {import('../player/player.mjs').Player} player
 * @param {{ speed?: number }} extras
 * @returns {object} a state for encodeState()
 */
export function stateOfPlayer(player, { speed } = {}) {
  const state = {};
  const kept = [];
  for (const line of player.setup) {
    const name = commandName(line);
    const t = tokenize(line);
    const field = FIELD[AS_FIELD[name]];
    const text = name === 'map' ? t[0] : t[1];
    const r = field && (name === 'map' ? t.length === 1 : t.length === 2) ? parseField(field, text ?? '') : null;
    if (r && !r.error && state[field.name] === undefined) state[field.name] = r.value;
    else kept.push(line);
  }
  // '; ' keeps a link readable; commands never hold a bare ';' (the
  // scenario splitter would have split them), only inside quotes.
  state.ops = [...kept, ...player.history.ops.map((o) => o.command)].join('; ');
  state.step = stepOfFrame(player.frame());
  if (speed !== undefined && speed !== null) state.speed = speed;
  return state;
}
