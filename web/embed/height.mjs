// The embed page's conversation with its host page, both directions:
//
//   out: { type: 'go-map-viz:height', height }   height in CSS pixels, an
//        integer, sent to the parent whenever the page's height changes;
//   in:  { type: 'go-map-viz:request-height' }   asks for the height again
//        (a host that attached its listener late).
//
// Anything else that arrives is ignored: a message must come from the
// parent window and be a plain object of exactly that shape. Nothing in a
// message is ever used as more than that one comparison.

export const HEIGHT = 'go-map-viz:height';
export const REQUEST_HEIGHT = 'go-map-viz:request-height';

/** True for the one message the embed page accepts, and nothing else. */
export function isHeightRequest(data) {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  if (Object.getPrototypeOf(data) !== Object.prototype) return false;
  const keys = Object.keys(data);
  return keys.length === 1 && keys[0] === 'type' && data.type === REQUEST_HEIGHT;
}

/** The message the embed page sends; height rounded up to whole pixels. */
export function heightMessage(height) {
  return { type: HEIGHT, height: Math.max(0, Math.ceil(Number(height) || 0)) };
}

/**
 * Reports the height of `box` to the parent window, now and on every change.
 * A browser may pause rendering (and so ResizeObserver) in a cross-origin
 * iframe that is off screen, so the page also calls the returned function
 * whenever it knows its content changed; measuring forces a layout.
 * @param {Window} win the embed page's window
 * @param {HTMLElement} box what decides the page's height (the body)
 * @returns {() => void} sends the height now if it changed
 */
export function reportHeight(win, box) {
  const parent = win.parent;
  if (!parent || parent === win) return () => {};
  let last = -1;
  // The height is no secret and the host may be any site, hence '*'.
  const send = (force) => {
    const msg = heightMessage(box.getBoundingClientRect().height);
    if (!force && msg.height === last) return;
    last = msg.height;
    parent.postMessage(msg, '*');
  };
  const observer = new ResizeObserver(() => send(false));
  observer.observe(box);
  const onMessage = (ev) => {
    if (ev.source !== parent || !isHeightRequest(ev.data)) return;
    send(true);
  };
  win.addEventListener('message', onMessage);
  send(false);
  return () => send(false);
}
