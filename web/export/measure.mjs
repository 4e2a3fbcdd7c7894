// Sizes shared by the parts of the picture. Text widths are estimates (an
// export cannot measure fonts it does not carry): generic monospace is 0.6
// em per column everywhere; generic sans-serif averages under 0.6 em, so
// estimating with 0.6 leaves room rather than overlapping.

export const PAD = 16;
export const MONO = 'monospace';
export const SANS = 'sans-serif';

export function textWidth(text, size) {
  return Array.from(String(text)).length * size * 0.6;
}

/** Lays out boxes of given widths left to right, wrapping at maxWidth. */
export function flow(widths, { maxWidth, gap, rowHeight }) {
  const at = [];
  let x = 0;
  let y = 0;
  let width = 0;
  for (const w of widths) {
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += rowHeight;
    }
    at.push({ x, y });
    x += w + gap;
    width = Math.max(width, x - gap);
  }
  return { at, width, height: widths.length ? y + rowHeight : 0 };
}
