// A tiny element builder. Text always goes in as text nodes (never parsed
// as HTML), so a key full of markup is shown as the characters it is.
// Inline styles are set through the CSSOM (el.style), which the page's
// Content-Security-Policy allows; a style attribute would not be.

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style') Object.assign(el.style, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/**
 * Sets text only when it differs (a write costs a style recalculation); an
 * element holding one text node keeps that node and changes its characters.
 */
export function setText(el, text) {
  if (el.textContent === text) return;
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === 3 && text !== '') /** @type {Text} */ (only).data = text;
  else el.textContent = text;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
}

export const prefersReducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
