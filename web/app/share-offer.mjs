// What the Share dialog offers for the moment on screen, by edition
// (edition.mjs). On the site: a link to the playground at this moment (the
// Embed dialog, embed-offer.mjs, makes the element and the iframe). The
// offline single file offers what works from the file: a link to the file
// itself at this moment, and the scenario text, which rebuilds the map in
// any copy of the playground; its Embed dialog holds only a note saying
// where embeds come from, since the element and the iframe need files that
// are not beside it. While a lesson is open, both editions offer first a
// link to the lesson at its step: the address bar holds that link, and the
// permalink (the map alone, without the lesson's words) stays beside it.
// No DOM, so node tests hold both editions to this.
import { DEFAULT_STATE, permalinkTo } from '../share/permalink.mjs';
import { lessonFragment } from '../lessons-ui/fragment.mjs';
import { DISPLAY_FIELDS } from './link-state.mjs';

/** The fields of the dialog, in order, for each edition. */
export const OFFERS = Object.freeze({
  site: Object.freeze(['link']),
  offline: Object.freeze(['link', 'scenario']),
});

export const HINTS = Object.freeze({
  site: 'Whoever opens the link sees this map at this step, in the playground. ' +
    'To show it on another page (a blog post, course notes), use Embed.',
  offline: 'The link opens this file at this step, on a computer where the file is at the same place. ' +
    'The scenario rebuilds the map in any copy of the playground: paste it into the Scenario box and run it.',
});

/** Why the offline file's Embed dialog offers no snippet (null on the site). */
export const EMBED_NOTES = Object.freeze({
  site: null,
  offline: 'Embeds are not offered in this single file. The <go-map-viz> element and the iframe load ' +
    'go-map-viz.js, embed.html and the map module from where the playground is hosted, and none of them ' +
    'is beside this file. To embed this map, open the hosted playground, run this scenario there and use its Embed button.',
});

function offerOf(edition) {
  if (!Object.hasOwn(OFFERS, edition)) throw new TypeError(`unknown edition ${JSON.stringify(String(edition))}`);
  return OFFERS[edition];
}

/** The link to the lesson open, at its step; offered before the edition's own fields. */
export const LESSON_OFFER = 'lesson';

/**
 * The fields of the dialog, in order, for this moment: with a lesson
 * open, the link to its step comes first, then the edition's own.
 * @param {{ id: string, step: number } | null} [lesson] the lesson open, step from 1
 */
export function offerFor(edition, lesson = null) {
  const fields = offerOf(edition);
  return lesson ? Object.freeze([LESSON_OFFER, ...fields]) : fields;
}

/** What the lesson link opens, and what the others do not carry (null without a lesson). */
export function lessonHint(lesson) {
  if (!lesson) return null;
  const of = lesson.steps ? ` of ${lesson.steps}` : '';
  const name = lesson.title ? `the lesson “${lesson.title}”` : 'this lesson';
  return `The lesson link opens ${name} at step ${lesson.step}${of}. The others pass on the map alone, without the lesson.`;
}

/** This page without its fragment. */
export function pageUrl(href) {
  const page = new URL(href);
  page.hash = '';
  return page.href;
}

/** The URLs of the page, the element's script and the embed page, beside this page (the site). */
export function siteUrls(href) {
  const page = pageUrl(href);
  return {
    pageUrl: page,
    elementScriptUrl: new URL('go-map-viz.js', page).href,
    embedPageUrl: new URL('embed.html', page).href,
  };
}

/**
 * The text of each field offered for this moment (offerFor), or null where
 * it could not be made; problem says why (a state too long for a link).
 * @param {'site' | 'offline'} edition
 * @param {{ href: string, state: Partial<import('../share/fields.mjs').ShareState>, scenario: string, lesson?: { id: string, step: number } | null }} moment
 *   href: the page's address; state: link-state.mjs's; scenario: the whole history as text;
 *   lesson: the lesson open, if any, and its step from 1
 * @returns {{ texts: Record<string, string | null>, problem: string | null }}
 */
export function shareTexts(edition, { href, state, scenario, lesson = null }) {
  const fields = offerFor(edition, lesson);
  const texts = Object.fromEntries(fields.map((f) => [f, null]));
  // The lesson's own link, to this page (the site or this very file): short,
  // so it is there even when the map is too long for a permalink.
  if (lesson) texts[LESSON_OFFER] = `${pageUrl(href)}#${lessonFragment(lesson.id, lesson.step)}`;
  let problem = null;
  try {
    texts.link = permalinkTo(pageUrl(href), state);
  } catch (err) {
    problem = String(err?.message ?? err);
  }
  // The scenario needs no link: it is there even when the state is too long for one.
  if (fields.includes('scenario')) texts.scenario = String(scenario ?? '');
  return { texts, problem };
}

/**
 * What the snippets carry of the look this page took from a link (theme,
 * view, controls off their defaults), as a sentence; null when nothing.
 */
export function carriedNote(edition, state) {
  offerOf(edition);
  const carried = DISPLAY_FIELDS.filter((f) => state?.[f] !== undefined && state[f] !== DEFAULT_STATE[f]);
  if (!carried.length) return null;
  const list = carried.map((f) => `${f} ${state[f]}`).join(', ');
  const controls = carried.includes('controls')
    ? (edition === 'site'
      ? ' Controls set the element\'s and the iframe\'s own buttons; this page keeps all of its own.'
      : ' Controls would set an embed\'s own buttons; this page keeps all of its own.')
    : '';
  return `Carried over from the link this page opened: ${list}.${controls}`;
}
