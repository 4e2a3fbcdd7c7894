// The lesson part of the page's URL fragment: `#lesson=<id>&step=<n>`
// (n from 1, as the page counts steps). Other keys belong to the
// permalink (web/share) and are ignored here, as that code ignores
// `lesson`. Never throws: a hostile link yields null or step 1.

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function decode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** @returns {{ id: string, step: number } | null} step is 1-based; bad or absent → 1 */
export function readLessonFragment(hash) {
  if (typeof hash !== 'string') return null;
  const fields = new Map();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    if (key === null || fields.has(key)) continue;
    fields.set(key, eq < 0 ? '' : decode(part.slice(eq + 1)));
  }
  const id = fields.get('lesson');
  if (!id || !ID.test(id) || id.length > 64) return null;
  const raw = fields.get('step') ?? '';
  const step = /^\d{1,3}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
  return { id, step };
}

/** The fragment for a lesson step (without '#'). */
export function lessonFragment(id, step) {
  return `lesson=${encodeURIComponent(id)}&step=${step}`;
}
