// The published npm package of the element (built by scripts/build-package.mjs
// from npm/go-map-viz/, which must carry this name and version; the build stops
// otherwise) and where a blogger loads it from: a package CDN pinned to this
// exact version (jsDelivr and unpkg serve a package's files at
// /<name>@<version>/<file>), so an embed never changes under a post.
export const PACKAGE_NAME = 'go-map-viz';
export const PACKAGE_VERSION = '0.2.0';
/** The package's one script, the file its `jsdelivr`/`unpkg` fields name. */
export const PACKAGE_SCRIPT = 'go-map-viz.js';

export const PACKAGE_CDNS = Object.freeze({
  jsdelivr: Object.freeze({ label: 'jsDelivr', base: 'https://cdn.jsdelivr.net/npm/' }),
  unpkg: Object.freeze({ label: 'unpkg', base: 'https://unpkg.com/' }),
});

/** The URL of the package's script on a CDN (a key of PACKAGE_CDNS). */
export function packageScriptUrl(cdn) {
  const c = PACKAGE_CDNS[cdn];
  if (!c) throw new TypeError(`unknown package CDN ${JSON.stringify(String(cdn))}`);
  return `${c.base}${PACKAGE_NAME}@${PACKAGE_VERSION}/${PACKAGE_SCRIPT}`;
}
