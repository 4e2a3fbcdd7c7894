// The map at one moment as JSON, with the scenario that made it, for a
// person to keep or a tool to read. Indented like any pretty JSON down to
// the chains; each bucket stays on one line, which keeps a 1,000-bucket
// export readable instead of a number per line.

export const JSON_FORMAT = 'go-map-playground/1';

function write(value, indent, inline) {
  if (inline || value === null || typeof value !== 'object') return JSON.stringify(value);
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    // Arrays of numbers or strings (a tophash row, a key list) and chains
    // (arrays of buckets) are short enough to read on one line each.
    return `[\n${value.map((v) => pad + write(v, indent + 1, isLeafy(v))).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${write(v, indent + 1, isLeafy(v))}`).join(',\n')}\n${end}}`;
}

function isLeafy(v) {
  if (!Array.isArray(v)) return false;
  return v.every((x) => x === null || typeof x !== 'object' || (typeof x === 'object' && !Array.isArray(x) && 't' in x));
}

/**
 * @param {object} state map.state() (compare mode: both sides')
 * @param {string} scenarioText the scenario that leads to it
 * @returns {string}
 */
export function stateToJson(state, scenarioText) {
  return `${write({ format: JSON_FORMAT, scenario: String(scenarioText ?? ''), state }, 0, false)}\n`;
}
