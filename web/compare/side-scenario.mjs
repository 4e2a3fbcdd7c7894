// Compare mode's two sides from one scenario, and its side names. A module
// of its own (no Player), so that the lessons' checks (lessons/check.mjs,
// on the page's first load) set up a lesson's sides as compare mode does
// without loading compare mode.

export const SIDES = ['1.14', '1.26'];

/** The scenario for one side: a version line of its own, the rest as given. */
export function sideScenario(text, version) {
  // go126 is Go 1.26's own hasher; the bucket map keeps its default.
  const lines = text.split('\n').filter((line) => !/^\s*version\s/.test(line) && !(version !== '1.26' && /^\s*hasher\s+go126\s*$/.test(line)));
  // The type line comes first; the version goes right after it.
  const at = lines.findIndex((line) => line.trim() && !line.trim().startsWith('#'));
  if (version === '1.26') lines.splice(at + 1, 0, 'version 1.26');
  return lines.join('\n');
}
