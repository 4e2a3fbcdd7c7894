// Entries are keyed by identity (their key), so when a step moves a key —
// evacuation carrying it to its X or Y bucket — the picture shows it
// travelling there instead of vanishing in one place and appearing in
// another. A "ghost" copy flies from the old cell to the new one (FLIP:
// measure first and last, animate the difference). Skipped when the reader
// asked for reduced motion, or when a jump moved too many keys to follow.
import { h, prefersReducedMotion } from './dom.mjs';

const MAX_FLIGHTS = 24;
const flights = new WeakMap(); // layer → its running animations

/** Lands every key still in the air over this layer (the next step is about to draw). */
export function landAll(layer) {
  for (const anim of [...(flights.get(layer) ?? [])]) anim.finish();
}

/** Before the DOM changes: where do the keys that are about to move sit now? */
export function measureMoves(prevCells, nextLocs, dups) {
  if (prefersReducedMotion()) return [];
  const moves = [];
  for (const [key, loc] of nextLocs) {
    if (dups.has(key)) continue;
    const el = prevCells.get(key);
    if (!el || !el.isConnected || el.dataset.loc === loc) continue;
    moves.push({ key, loc, from: el.getBoundingClientRect() });
    if (moves.length > MAX_FLIGHTS) return [];
  }
  return moves;
}

/** After the DOM changed: fly each moved key from where it was to its cell. */
export function playMoves(moves, cellFor, layer) {
  if (!flights.has(layer)) flights.set(layer, new Set());
  const flying = flights.get(layer);
  for (const m of moves) {
    const target = cellFor(m.loc);
    if (!target) continue;
    const to = target.getBoundingClientRect();
    if (!to.width || !m.from.width) continue;
    const ghost = h('div', { class: 'ghost', text: m.key, 'aria-hidden': 'true' });
    Object.assign(ghost.style, { left: `${to.left}px`, top: `${to.top}px`, width: `${to.width}px`, height: `${to.height}px` });
    layer.append(ghost);
    target.classList.add('arriving');
    const dx = m.from.left - to.left;
    const dy = m.from.top - to.top;
    const anim = ghost.animate(
      [{ transform: `translate(${dx}px, ${dy}px)`, opacity: 0.95 }, { transform: 'translate(0, 0)', opacity: 1 }],
      { duration: 520, easing: 'cubic-bezier(.3,.7,.2,1)' },
    );
    flying.add(anim);
    const done = () => {
      flying.delete(anim);
      ghost.remove();
      target.classList.remove('arriving');
    };
    anim.onfinish = done;
    anim.oncancel = done;
  }
}
