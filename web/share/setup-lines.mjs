// The set-up lines a state stands for, in the scenario language
// (docs/scenario-format.md), so a shared state replays through the
// same Player.load() as any scenario text.
import { FIELDS, isDefault } from './fields.mjs';

const SETUP_ORDER = ['mapType', 'hasher', 'hashkey', 'seed', 'rand', 'hint', 'version'];

/**
 * The set-up lines a state stands for, in scenario language: one per field
 * that differs from its default (the defaults are the core's own).
 * @returns {string[]}
 */
export function setupLinesOf(state) {
  const lines = [];
  const byName = Object.fromEntries(FIELDS.map((f) => [f.name, f]));
  for (const name of SETUP_ORDER) {
    const field = byName[name];
    const v = state[name];
    // The hasher's default (go114) stands for each map's own: go126 under
    // version 1.26 (a Swiss map hashed with go114 carries `hasher go114`
    // in its ops; app/link-state.mjs).
    if (isDefault(field, v)) continue;
    if (name === 'mapType') lines.push(v);
    else if (name === 'hashkey') lines.push(`hashkey ${v.map((w) => `0x${BigInt(w).toString(16)}`).join(' ')}`);
    else if (name === 'rand') lines.push(`rand ${v[0]} ${v[1]}`);
    else lines.push(`${field.key} ${field.format(v)}`);
  }
  return lines;
}

/** The whole scenario a state stands for: its set-up lines, then its ops. */
export function toScenarioText(state) {
  return [...setupLinesOf(state), state.ops ?? ''].filter((l) => l !== '').join('\n');
}
