// Running the oracle or gomap on a scenario text and reading their JSON lines.

import { spawnSync } from 'node:child_process';

const MAX_OUTPUT = 1 << 30; // large-B scenarios print big dumps; a cut-off would look like a bug

// Returns { status, records, stderr }. A line that is not JSON is kept as {unparsed: text} so
// the caller can report it instead of silently dropping output.
export function runTool(binary, args, scenarioText, env) {
  const r = spawnSync(binary, [...args, '-'], {
    input: scenarioText, env, encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: 300_000,
  });
  if (r.error) throw new Error(`${binary}: ${r.error.message}`);
  const records = [];
  for (const line of r.stdout.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      records.push({ unparsed: line });
    }
  }
  return { status: r.status, signal: r.signal, records, stderr: r.stderr };
}
