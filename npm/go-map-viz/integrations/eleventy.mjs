// <go-map-viz> in an Eleventy site: a shortcode that writes the element from
// a moment's settings, checked at build time with the element's own reader
// (a bad value fails the build with the message the element would show),
// and a transform that adds the one module script to each page that holds
// an element, once.
//
//   // eleventy.config.mjs
//   import goMapViz from 'go-map-viz/eleventy';
//   export default (config) => { config.addPlugin(goMapViz, { src: '…/go-map-viz.js' }); };
//
//   Markdown/Liquid: {% goMapViz moments.growing %}   (an object from front matter or data)
//   Nunjucks:        {% goMapViz mapType="map[int64]int64", ops="fill 20", step="20.3" %}
import { readFileSync } from 'node:fs';
import { OBSERVED, PROPERTY_OF, readSettings } from '../element/settings.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The script from jsDelivr, pinned to this package's exact version. */
export const DEFAULT_SRC = `https://cdn.jsdelivr.net/npm/go-map-viz@${version}/go-map-viz.js`;

const ATTRIBUTE_OF = Object.fromEntries(Object.entries(PROPERTY_OF).map(([attr, prop]) => [prop, attr]));
const EXTRA = { label: 'aria-label', 'aria-label': 'aria-label' };

const escapeAttr = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  // Newlines as references keep the element on one line, which Markdown needs to leave it alone.
  .replace(/\r?\n/g, '&#10;');

/**
 * The element's markup for a moment.
 * @param {Record<string, string | number | boolean>} moment settings by attribute name (map-type) or property (mapType); label: aria-label
 * @param {string} where the page, for messages
 * @param {string} src the script URL (module-src is checked against its origin)
 */
export function goMapVizHtml(moment, where = 'a page', src = DEFAULT_SRC) {
  if (!moment || typeof moment !== 'object') throw new Error(`goMapViz in ${where}: expected the moment's settings as an object, got ${JSON.stringify(moment)}`);
  const attrs = new Map();
  for (const [key, value] of Object.entries(moment)) {
    if (key === '__keywords') continue;
    const attr = OBSERVED.includes(key) ? key : ATTRIBUTE_OF[key] ?? EXTRA[key];
    if (!attr) throw new Error(`goMapViz in ${where}: unknown setting "${key}"; known: ${OBSERVED.join(', ')}, label`);
    if (value === false || value === null || value === undefined) continue;
    attrs.set(attr, value === true ? '' : String(value));
  }
  const { warnings } = readSettings((name) => attrs.get(name) ?? null, null, src);
  if (warnings.length) throw new Error(`goMapViz in ${where}:\n  ${warnings.map((w) => w.message).join('\n  ')}`);
  const order = [...OBSERVED, 'aria-label'].filter((a) => attrs.has(a));
  return `<go-map-viz${order.map((a) => (attrs.get(a) === '' && a === 'autoplay' ? ` ${a}` : ` ${a}="${escapeAttr(attrs.get(a))}"`)).join('')}></go-map-viz>`;
}

/** Adds the script before </head> of an HTML page that holds an element and does not load it yet. */
export function withScript(html, src = DEFAULT_SRC) {
  if (!html.includes('<go-map-viz') || html.includes(`src="${escapeAttr(src)}"`)) return html;
  const tag = `<script type="module" src="${escapeAttr(src)}"></script>`;
  return html.includes('</head>') ? html.replace('</head>', `${tag}\n</head>`) : `${tag}\n${html}`;
}

export default function goMapVizPlugin(eleventyConfig, { src = DEFAULT_SRC, shortcode = 'goMapViz' } = {}) {
  eleventyConfig.addShortcode(shortcode, function goMapViz(moment) {
    return goMapVizHtml(moment, this.page?.inputPath ?? 'a page', src);
  });
  eleventyConfig.addTransform('go-map-viz-script', function addScript(content) {
    const out = this.page?.outputPath;
    return typeof out === 'string' && out.endsWith('.html') ? withScript(content, src) : content;
  });
}
