// The playground page: loads the map module, makes an empty map, and wires
// the controls, the player and the panels around <go-map-viz>.
import { loadGoMap } from '../wasm/gomap.mjs';
import '../element/go-map-viz.mjs';
import { App } from './app.mjs';
import { wireControls } from './controls.mjs';
import { wireTransport } from './transport.mjs';
import { installIcons } from './icons.mjs';
import { lessonScenario } from '../lessons/check.mjs';

const $ = (id) => document.getElementById(id);
const WELCOME = 'map[string]int64\nset apple 1\nset banana 2\nset cherry 3\nset date 4\nset elderberry 5';

async function lessonPresets() {
  try {
    const { lessons } = await import('../lessons/index.mjs');
    return lessons.map((l) => ({ id: `lesson-${l.id}`, title: l.title, text: lessonScenario(l).text }));
  } catch {
    return []; // the lessons are optional; the playground works without them
  }
}

async function main() {
  installIcons(document);
  const els = {
    viz: $('map-view'),
    stepCount: $('step-count'),
    stepFn: $('step-fn'),
    narration: $('narration'),
    announcer: $('announcer'),
    hashView: $('hash-view'),
    iteratorView: $('iterator-view'),
    iteratorCard: $('iterator-card'),
    statsView: $('stats-view'),
    tableView: $('table-view'),
    tableToggle: $('table-toggle'),
  };
  let gomap;
  try {
    gomap = await loadGoMap();
  } catch (err) {
    els.stepCount.textContent = 'The map module could not be loaded.';
    els.narration.textContent = String(err?.message ?? err);
    return;
  }
  const app = new App(gomap, { viz: els.viz, els });
  wireTransport(app);
  const lessons = await lessonPresets();
  wireControls(app, { lessons });
  // A few fruit to start with, so the first view already shows a bucket.
  const r = await app.loadScenario(WELCOME);
  if (!r.ok) app.newMap(['map[string]int64']);
  $('app').setAttribute('aria-busy', 'false');
  // For the end-to-end tests and the curious: the live objects.
  window.goMapPlayground = { app, gomap };
  document.documentElement.dataset.ready = 'true';
}

main();
