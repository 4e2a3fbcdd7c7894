// The Export buttons: the moment on screen as SVG (web/export/svg.mjs), as
// PNG (that SVG drawn on a canvas, raster.mjs) and as JSON (the scenario
// and map.state()). Files are made in the page and downloaded from blob:
// URLs; nothing leaves the browser.
import { h } from '../render/dom.mjs';
import { momentName } from '../share/step.mjs';

const $ = (id) => document.getElementById(id);

// The file makers load on the first export: drawing the page needs none of
// them (issues 12 and 15: the page's weight at first load).
let makers = null;
const loadMakers = () => (makers ??= Promise.all([import('../export/svg.mjs'), import('../export/svg-swiss.mjs'), import('./raster.mjs')])
  .then(([svg, swiss, raster]) => ({ ...svg, ...swiss, ...raster }))
  .catch((err) => { makers = null; throw err; }));

/** Saves a blob under a file name, through a temporary download link. */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy by the time this runs.
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** A heading for the moment: which operation, which micro-step. */
export function momentTitle(frame, typeName) {
  const name = momentName(frame);
  if (frame.op < 0) return `Go map: ${typeName}, step 0, before any operation`;
  const what = `operation ${frame.op + 1} (${frame.command})`;
  return frame.phase === 'done' ? `Go map: ${typeName}, step ${name}, after ${what}` : `Go map: ${typeName}, step ${name}: ${what}, micro-step ${frame.step}`;
}

function fileBase(frame, typeName) {
  const type = typeName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `go-map-${type}-step-${momentName(frame)}`;
}

/**
 * @param {import('./app.mjs').App} app
 * @param {{ theme: () => 'light' | 'dark' }} look the palette on screen (page-display.mjs), which exports are drawn in
 */
export function wireExport(app, { theme }) {
  const status = $('share-status');
  const moment = () => {
    const p = app.player;
    const { frame, header } = p.moment();
    const typeName = header.type.name;
    return { p, frame, typeName, base: fileBase(frame, typeName) };
  };
  // Go 1.26: every group up to SVG_MAX_GROUPS, past it each table as a bar.
  const svgOf = ({ p, frame, typeName }, { stateToSvg, swissStateToSvg, SVG_MAX_GROUPS }) => (p.swiss
    ? swissStateToSvg(p.map.state({ near: [], maxGroups: SVG_MAX_GROUPS }), { theme: theme(), title: momentTitle(frame, typeName) })
    : stateToSvg(p.map.state(), { theme: theme(), title: momentTitle(frame, typeName) }));
  const guard = (what, fn) => async () => {
    if (!app.player || app.busy) return;
    status.textContent = '';
    try {
      await fn();
      app.announce(`${what} downloaded.`);
    } catch (err) {
      status.textContent = `The ${what} could not be made: ${err?.message ?? err}`;
    }
  };
  // The moment is read before the makers load, so a step taken meanwhile
  // does not change the file.
  $('export-svg').addEventListener('click', guard('SVG', async () => {
    const m = moment();
    const make = await loadMakers();
    download(new Blob([svgOf(m, make)], { type: 'image/svg+xml' }), `${m.base}.svg`);
  }));
  $('export-png').addEventListener('click', guard('PNG', async () => {
    const m = moment();
    const make = await loadMakers();
    const png = await make.svgToPng(svgOf(m, make));
    download(png.blob, `${m.base}.png`);
    if (png.scale < 1) status.textContent = `The map is big: the PNG is drawn at ${Math.round(png.scale * 100)}% to fit what a browser canvas can hold. The SVG has every detail.`;
  }));
  $('export-json').addEventListener('click', guard('JSON', async () => {
    const m = moment();
    const state = m.p.map.state();
    const scenario = app.scenarioText();
    const { stateToJson } = await loadMakers();
    download(new Blob([stateToJson(state, scenario)], { type: 'application/json' }), `${m.base}.json`);
  }));
}
