// Where the offline single file differs from the site, in one list: each
// module of the site that the bundle holds another module in place of, and
// why. build-offline.mjs hands these to the bundler as aliases (paths
// relative to the site's root); tests/web/offline-edition.test.mjs checks
// that both sides exist, export the same names, and that a bundle of the
// page holds the offline side only. (render/style-url.mjs is swapped too,
// for a module the build writes: the sheets as data: URLs.)
export const MODULE_SWAPS = Object.freeze([
  {
    site: 'wasm/gomap.mjs',
    offline: 'wasm/gomap-single.mjs',
    why: 'the wasm inlined as base64: a file:// page cannot fetch the .wasm beside it',
  },
  {
    site: 'app/edition.mjs',
    offline: 'app/edition-offline.mjs',
    why: 'the Share dialog offers no element or iframe: the files they load (go-map-viz.js, embed.html) are not beside a single file',
  },
]);

/**
 * The swaps as the bundler's alias map, for a site rooted at `root`.
 * @param {string} root absolute path of the site (dist/, or web/ in tests)
 * @param {(root: string, rel: string) => string} join path.join
 * @returns {Map<string, string>}
 */
export function swapAliases(root, join) {
  return new Map(MODULE_SWAPS.map((s) => [join(root, s.site), join(root, s.offline)]));
}
