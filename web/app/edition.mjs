// Which build of the playground this page is: 'site' here. The site
// (scripts/build-site.mjs) serves the page beside the files an embed
// loads (go-map-viz.js, embed.html, the element's modules and the map
// module), so the Share dialog can offer the element and the iframe. The
// offline single file (scripts/build-offline.mjs) holds none of them; its
// bundler puts edition-offline.mjs in this module's place
// (scripts/offline/swaps.mjs). What differs between the two asks this
// module instead of guessing from the address (file:// alone proves
// nothing: a copy of the site can be opened from disk too).
export const EDITION = 'site';
