// The offline single file's answer to edition.mjs (the build swaps this
// module in; see scripts/offline/swaps.mjs): no file sits beside the page,
// so nothing it offers may point at one.
export const EDITION = 'offline';
