// The layout panel under the map-type field: what the type decides about the
// map's memory, read from the core's own answer (gomap.mapLayout, the same
// JSON as `gomap --layout`), never worked out here.
import { h } from '../render/dom.mjs';

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Rows [label, value] for a layout, under Go 1.14 (buckets) or 1.26 (Swiss groups). */
export function layoutRows(layout, version) {
  const { key, elem } = layout;
  const type = (t) => `${t.name}: ${plural(t.size, 'byte')}, align ${t.align}` +
    (t.padding ? `, ${plural(t.padding, 'padding byte')}` : '');
  const rows = [['Key', type(key)], ['Value', type(elem)]];
  if (version === '1.26') {
    const s = layout.swiss;
    rows.push(['Slot', `${plural(s.slotSize, 'byte')} (key, then value at +${s.elemOff})`]);
    rows.push(['Group', `${plural(s.groupSize, 'byte')}: 8 control bytes + 8 slots`]);
  } else {
    rows.push(['Slot', `key ${plural(layout.keysize, 'byte')}, value ${plural(layout.elemsize, 'byte')}`]);
    rows.push(['Bucket', `${plural(layout.bucketsize, 'byte')}: tophash 8, keys at ${layout.keysOffset}, values at ${layout.elemsOffset}, overflow pointer at ${layout.overflowOffset}`]);
  }
  const indirect = [layout.indirectKey && 'key', layout.indirectElem && 'value'].filter(Boolean);
  rows.push(['Indirect', indirect.length ? `${indirect.join(' and ')} stored behind a pointer (over 128 bytes)` : 'no: stored in place']);
  rows.push(['Hash', layout.hasher]);
  if (version !== '1.26') rows.push(['Variant', layout.variant]);
  return rows;
}

/** Fills `panel` with the layout of `mapType`, or empties it when there is none. */
export function showLayout(panel, gomap, mapType, version) {
  const r = gomap?.mapLayout?.(mapType);
  panel.replaceChildren();
  if (!r?.ok) {
    panel.hidden = true;
    return r ?? null;
  }
  panel.hidden = false;
  panel.append(h('h3', {}, `Layout of ${r.layout.type}`),
    h('dl', {}, ...layoutRows(r.layout, version).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  return r;
}
