// Makes the playground's index.html self-contained: stylesheets become
// <style> blocks (their url()s data: URLs, their id and media kept), the
// icon a data: URL, module preloads go, and the module script becomes one
// inline script holding the bundle. Then it checks that the markup names
// nothing outside itself, and adds a Content-Security-Policy that forbids
// the page any network access, so "works offline" is enforced by the
// browser, not just hoped for.
// Pure text in, text out: the caller reads the files (see build-offline.mjs).

const MIME = {
  svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon', gif: 'image/gif', jpg: 'image/jpeg', jpeg: 'image/jpeg',
  webp: 'image/webp', woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', css: 'text/css',
};

// Inline scripts may use data: (the wasm is a data: URL the loader fetches)
// and nothing else; styles may be data: URLs (shadow roots link them).
export const OFFLINE_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'unsafe-inline' data:",
  'img-src data: blob:',
  'font-src data:',
  'connect-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function mimeOf(path) {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const type = MIME[ext];
  if (!type) throw new Error(`no data: URL type for ${path}`);
  return type;
}

export function dataURL(path, bytes) {
  return `data:${mimeOf(path)};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** Text that cannot end or confuse the <script> element it sits in. */
export function escapeScript(code) {
  // Only string, template, regex or comment text can hold these, and in all
  // of them \x3C reads as "<" (or is a comment), so meaning is kept.
  return code.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) out[m[1].toLowerCase()] = m[2];
  return out;
}

const isLocalRef = (url) => url.startsWith('#') || url.startsWith('data:');

// What a linked sheet keeps on its <style>: its media query (a dark
// palette that applied always would be a different page) and its id (the
// page finds the sheet by it to set the theme; a <style> has .media too).
function styleAttrs(a) {
  return ['id', 'media'].filter((k) => a[k] !== undefined).map((k) => ` ${k}="${a[k]}"`).join('');
}

/**
 * The CSS with every import rule replaced by the sheet it names (inside an
 * at-rule media block when the import has a media query) and every url() a data: URL.
 * @param {string} css
 * @param {string} name the sheet's name, for messages
 * @param {{ asset: (ref: string) => { path: string, bytes: Uint8Array }, sheet: (ref: string) => string }} io
 *   `sheet` gives an imported sheet's CSS, itself already inlined
 */
export function inlineCss(css, name, { asset, sheet }) {
  if (/<\/style/i.test(css)) throw new Error(`${name}: "</style" would end the inline <style>`);
  const imported = css.replace(/@import\s+(?:url\(\s*(['"]?)([^'")]+)\1\s*\)|(['"])([^'"]+)\3)\s*([^;]*);/g, (all, q1, url, q2, str, media) => {
    const ref = url ?? str;
    const condition = media.trim();
    if (/\b(layer|supports)\b/.test(condition)) throw new Error(`${name}: @import with layer() or supports() cannot be inlined`);
    const text = `/* ${ref} */\n${sheet(ref)}`;
    return condition ? `@media ${condition} {\n${text}\n}` : text;
  });
  if (/@import\b/.test(imported)) throw new Error(`${name}: an @import the inliner cannot read`);
  return imported.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (all, q, ref) => {
    if (isLocalRef(ref)) return all;
    const { path, bytes } = asset(ref);
    return `url("${dataURL(path, bytes)}")`;
  });
}

/**
 * @param {string} html the page
 * @param {object} io
 * @param {(href: string) => string} io.stylesheet the CSS of a linked sheet, already inlined
 * @param {(href: string) => { path: string, bytes: Uint8Array }} io.asset a file the markup names
 * @param {(src: string) => string} io.script the bundled code for a module script
 * @param {string} [io.csp] the policy (OFFLINE_CSP by default)
 */
export function inlineHtml(html, { stylesheet, asset, script, csp = OFFLINE_CSP }) {
  const bodies = [];
  const hold = (text) => `\u0000${bodies.push(text) - 1}\u0000`;
  let out = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const a = attrs(tag);
    const rel = (a.rel ?? '').toLowerCase();
    if (rel === 'modulepreload' || rel === 'preload' || rel === 'prefetch') return '';
    if (rel === 'stylesheet') return `<style${styleAttrs(a)}>${hold(stylesheet(a.href))}</style>`;
    if (a.href && !isLocalRef(a.href)) {
      const { path, bytes } = asset(a.href);
      return tag.replace(`href="${a.href}"`, `href="${dataURL(path, bytes)}"`);
    }
    return tag;
  });
  out = out.replace(/<script\b([^>]*)><\/script>/gi, (tag) => {
    const a = attrs(tag);
    if (!a.src) return tag;
    if (a.type !== 'module') throw new Error(`<script src="${a.src}"> is not a module; only module scripts are bundled`);
    return `<script type="module">${hold(escapeScript(script(a.src)))}</script>`;
  });
  out = out.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = attrs(tag).src;
    if (!src || isLocalRef(src)) return tag;
    const { path, bytes } = asset(src);
    return tag.replace(`src="${src}"`, `src="${dataURL(path, bytes)}"`);
  });
  if (csp) {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
    if (!/<meta charset[^>]*>/i.test(out)) throw new Error('the page has no <meta charset>; the policy goes after it');
    out = out.replace(/<meta charset[^>]*>/i, (m) => `${m}\n  ${meta}`);
  }
  // Whatever still points somewhere would be a request from a file that
  // promises to make none.
  for (const m of out.matchAll(/\s(src|href|srcset|action|poster|background|data)\s*=\s*"([^"]*)"/gi)) {
    if (!isLocalRef(m[2])) throw new Error(`the offline page still refers to ${m[2]} (${m[1]}=)`);
  }
  if (/<(iframe|object|embed|base)\b/i.test(out)) throw new Error('the offline page has an iframe, object, embed or base element');
  return out.replace(/\u0000(\d+)\u0000/g, (all, i) => bodies[Number(i)]);
}
