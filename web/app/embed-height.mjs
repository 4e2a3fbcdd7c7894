// The Embed dialog's iframe snippet comes with a fixed height, which a
// host page that strips scripts keeps (the snippet's own listener resizes
// it everywhere else). So the dialog measures: it loads the snippet's page
// in a frame nobody sees, at the snippet's width, takes the height the
// embed reports once it has settled, and writes that into the snippet.

const QUIET_MS = 400;      // no new height for this long: the map is drawn
const GIVE_UP_MS = 10000;  // a map that takes longer keeps the default
const FRAME_HEIGHT = 4000;

/** The iframe snippet with its height attribute set to `height`. */
export function withHeight(snippet, height) {
  return snippet.replace(/(<iframe\b[^>]*?\sheight=")\d+(")/, `$1${height}$2`);
}

/** The src (entities undone) and width of an iframe snippet; null if it has none. */
export function frameOf(snippet) {
  const src = /<iframe\b[^>]*?\ssrc="([^"]*)"/.exec(snippet);
  const width = /<iframe\b[^>]*?\swidth="(\d+)"/.exec(snippet);
  if (!src || !width) return null;
  const decoded = src[1].replace(/&(amp|quot|lt|gt|#39);/g, (m, e) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" })[e]);
  return { src: decoded, width: Number(width[1]) };
}

/**
 * The height, in CSS pixels, that the embed page at `src` reports at
 * `width` once it stops changing; null if it never does in time.
 * @returns {Promise<number|null>}
 */
export function measureEmbedHeight(src, width) {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.width = String(width);
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    frame.title = 'measuring the embed';
    // On screen, so its rendering is not paused, but invisible and behind
    // everything (the open dialog makes the page inert around it). Tall:
    // the map's arrays may take up to 74% of the viewport's height, and
    // the frame's viewport should not be what stops them.
    frame.style.cssText = `position:fixed;left:0;top:0;height:${FRAME_HEIGHT}px;border:0;opacity:0;pointer-events:none;z-index:-1`;
    let last = null;
    let quiet = 0;
    // The first heights come before the map is drawn (the page's loading
    // text). The embed page is this site's, so its element can be watched:
    // the height counts once it has measured its stable height
    // (gomap-height). A frame it cannot see into counts at once.
    let settled = null;
    let viz = null;
    let idle = 0;
    const watch = () => {
      if (settled !== null) return;
      try {
        viz = frame.contentDocument?.getElementById('viz') ?? null;
        settled = !viz;
        viz?.addEventListener('gomap-height', () => { settled = true; }, { once: true });
      } catch {
        settled = true;
      }
    };
    const onQuiet = () => {
      // A map on screen and nothing new for a while counts too (in case its event came first).
      if (settled === true || (viz?.player?.map && ++idle >= 5)) {
        finish();
        return;
      }
      // Not drawn yet: ask again (the answer restarts the wait) and keep waiting.
      frame.contentWindow?.postMessage({ type: 'go-map-viz:request-height' }, '*');
      quiet = setTimeout(onQuiet, QUIET_MS);
    };
    const finish = () => {
      clearTimeout(quiet);
      clearTimeout(giveUp);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(last);
    };
    const onMessage = (e) => {
      if (e.source !== frame.contentWindow || e.data?.type !== 'go-map-viz:height' || !Number.isInteger(e.data.height)) return;
      last = e.data.height;
      watch();
      clearTimeout(quiet);
      quiet = setTimeout(onQuiet, QUIET_MS);
    };
    const giveUp = setTimeout(() => { last = null; finish(); }, GIVE_UP_MS);
    addEventListener('message', onMessage);
    document.body.append(frame);
  });
}
