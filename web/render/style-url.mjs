// Where a stylesheet of web/styles/ is, for a shadow root that links it.
// One module with one job so that the offline single file
// (scripts/build-offline.mjs) can swap it for one that returns data: URLs:
// that file has no styles/ folder beside it.
export function styleURL(sheet) {
  return new URL(`../styles/${sheet}`, import.meta.url).href;
}
