// An SVG document as a PNG: drawn onto a canvas through an <img> of a blob:
// URL (the page's CSP allows blob: images; no data is sent anywhere). Big
// maps are scaled down so the canvas stays within what every browser can
// allocate: Safari's limit is 16,777,216 pixels in all, and any browser
// refuses sides beyond 16,384 or so; past either, toBlob gives nothing.

export const MAX_SIDE = 16384;
export const MAX_AREA = 16777216;

/**
 * The canvas size for an image of w × h CSS pixels: `scale` times larger
 * (sharper on high-density screens) unless that would pass a limit.
 * @returns {{ width: number, height: number, scale: number }}
 */
export function rasterSize(w, h, { scale = 2, maxSide = MAX_SIDE, maxArea = MAX_AREA } = {}) {
  if (!(w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h))) throw new RangeError('the picture has no size');
  const s = Math.min(scale, maxSide / w, maxSide / h, Math.sqrt(maxArea / (w * h)));
  const width = Math.max(1, Math.floor(w * s));
  const height = Math.max(1, Math.floor(h * s));
  return { width, height, scale: s };
}

/** The width and height an SVG document declares on its root. */
export function svgSize(svgText) {
  const head = /<svg\b[^>]*>/.exec(svgText)?.[0] ?? '';
  const num = (name) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(head)?.[1]);
  return { width: num('width'), height: num('height') };
}

/**
 * @param {string} svgText a standalone SVG document (web/export/svg.mjs)
 * @param {{ scale?: number, maxSide?: number, maxArea?: number }} [options] as rasterSize
 * @returns {Promise<{ blob: Blob, width: number, height: number, scale: number }>}
 */
export async function svgToPng(svgText, options) {
  const { width: w, height: h } = svgSize(svgText);
  const size = rasterSize(w, h, options);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser could not make a canvas that big');
    ctx.drawImage(img, 0, 0, size.width, size.height);
    const blob = await new Promise((res) => canvas.toBlob(res, 'image/png'));
    if (!blob) throw new Error('this browser could not encode the picture as PNG');
    return { blob, ...size };
  } finally {
    URL.revokeObjectURL(url);
  }
}
