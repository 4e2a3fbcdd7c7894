// The Export buttons: the moment on screen as SVG (web/export/svg.mjs), as
// PNG (that SVG drawn on a canvas, raster.mjs) and as JSON (the scenario
// and map.state()). Files are made in the page and downloaded from blob:
// URLs; nothing leaves the browser.
import { stateToSvg, stateToJson } from '../export/svg.mjs';
import { swissStateToSvg, SVG_MAX_GROUPS } from '../export/svg-swiss.mjs';
import { svgToPng } from './raster.mjs';
import { h } from '../render/dom.mjs';
import { momentName } from '../share/step.mjs';

const $ = (id) => document.getElementById(id);

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
  const svgOf = ({ p, frame, typeName }) => (p.swiss
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
  $('export-svg').addEventListener('click', guard('SVG', () => {
    const m = moment();
    download(new Blob([svgOf(m)], { type: 'image/svg+xml' }), `${m.base}.svg`);
  }));
  $('export-png').addEventListener('click', guard('PNG', async () => {
    const m = moment();
    const png = await svgToPng(svgOf(m));
    download(png.blob, `${m.base}.png`);
    if (png.scale < 1) status.textContent = `The map is big: the PNG is drawn at ${Math.round(png.scale * 100)}% to fit what a browser canvas can hold. The SVG has every detail.`;
  }));
  $('export-json').addEventListener('click', guard('JSON', () => {
    const m = moment();
    download(new Blob([stateToJson(m.p.map.state(), app.scenarioText())], { type: 'application/json' }), `${m.base}.json`);
  }));
}
