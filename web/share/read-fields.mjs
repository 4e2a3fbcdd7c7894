// Reading fields from outside text into a state, with the warnings the
// page shows beside them. Shared by the URL decoder and the element's
// attribute parser, so both fall back and word their warnings alike.
import { DEFAULT_STATE, FIELDS, crossCheck, isDefault, parseField } from './fields.mjs';

import { excerpt } from './text-rules.mjs';
import { commandName, isSetupCommand, splitScenario } from '../player/scenario-text.mjs';

// A hostile link could carry thousands of bad parameters; a page needs
// only the first few to show what went wrong.
const MAX_WARNINGS = 20;

const FIELD = Object.fromEntries(FIELDS.map((f) => [f.name, f]));

export class Warnings {
  list = [];
  dropped = 0;

  add(field, message) {
    if (this.list.length < MAX_WARNINGS) this.list.push({ field, message });
    else this.dropped++;
  }

  done() {
    if (this.dropped) this.list.push({ field: null, message: `…and ${this.dropped} more problems` });
    return this.list;
  }
}

function fallbackText(field) {
  if (field.name === 'ops') return 'using an empty scenario';
  if (field.name === 'step') return 'showing the last step';
  if (field.def === null) return "using the model's default";
  return `using the default, ${field.format(field.def)}`;
}

export function newState() {
  return { ...DEFAULT_STATE };
}

/**
 * Parses one field's text into state, or leaves the default and warns.
 * label: how the field is called where it came from (URL key or attribute).
 */
export function readField(state, field, raw, label, warnings) {
  const r = parseField(field, raw);
  if (r.error) {
    // The scenario's text is not echoed: it can be long, and the line
    // number in the message already says where to look.
    const shown = field.name === 'ops' || typeof raw !== 'string' ? '' : ` ${excerpt(raw.trim())}`;
    warnings.add(field.name, `${label}:${shown} ${r.error}; ${fallbackText(field)}`);
    return;
  }
  state[field.name] = r.value;
  for (const note of r.notes) warnings.add(field.name, `${label}: ${note}`);
}

const SETUP_FIELD = { map: 'mapType', hasher: 'hasher', hashkey: 'hashkey', seed: 'seed', rand: 'rand', hint: 'hint', version: 'version' };

/**
 * Checks that fields agree with each other and with the scenario's own
 * set-up lines. A scenario may begin with set-up lines (`map[int64]int64`,
 * `seed 7`), as lessons do; toScenarioText() writes a line only for a field
 * that differs from its default, so a conflict is a set-up line in the
 * scenario for a field that is not at its default: the core would refuse
 * the second one.
 * labelOf(field): how a field is called where the state came from.
 */
export function finish(state, warnings, labelOf) {
  const setup = [];
  for (const c of state.ops ? splitScenario(state.ops) : []) {
    if (!isSetupCommand(c.text)) break;
    setup.push(c);
  }
  const typeLine = setup.find((c) => commandName(c.text) === 'map');
  const mapType = typeLine && isDefault(FIELD.mapType, state.mapType) ? typeLine.text : state.mapType;
  // A `version 1.26` line in the scenario makes the map Go 1.26's as the field would.
  const versionLine = setup.find((c) => commandName(c.text) === 'version');
  const version = versionLine && isDefault(FIELD.version, state.version) ? versionLine.text.split(/\s+/)[1] : state.version;
  for (const w of crossCheck(state, mapType, version)) warnings.add(w.field, `${labelOf(FIELD[w.field])}: ${w.message}`);
  for (const c of setup) {
    const name = SETUP_FIELD[commandName(c.text)];
    if (name && !isDefault(FIELD[name], state[name])) {
      warnings.add('ops', `${labelOf(FIELD.ops)}: line ${c.line} sets ${commandName(c.text)}, which ${labelOf(FIELD[name])} ` +
        'sets too; the core will refuse the second set-up when the scenario runs');
    }
  }
}
