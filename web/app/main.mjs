// The playground page: loads the map module, makes an empty map, and wires
// the controls, the player and the panels around <go-map-viz>.
import { loadGoMap } from '../wasm/gomap.mjs';
import '../element/define.mjs';
import { App } from './app.mjs';
import { wireControls } from './controls.mjs';
import { wireTransport } from './transport.mjs';
import { installIcons } from '../render/icons.mjs';
import { lessonScenario } from '../lessons/check.mjs';
import { wireLessons } from '../lessons-ui/lessons-ui.mjs';
import { PermalinkSync, earlyLook } from './permalink.mjs';
import { PageDisplay } from './page-display.mjs';
import { wireExport } from './export-actions.mjs';
import { wireUndo } from './undo-ui.mjs';
import { PageLayout } from './page-layout.mjs';

const $ = (id) => document.getElementById(id);
const WELCOME = 'map[string]int64\nset apple 1\nset banana 2\nset cherry 3\nset date 4\nset elderberry 5';

async function loadLessons() {
  try {
    return (await import('../lessons/index.mjs')).lessons;
  } catch {
    return []; // the lessons are optional; the playground works without them
  }
}

async function main() {
  const startHash = location.hash; // read before the permalink code rewrites it
  installIcons(document);
  const els = {
    viz: /** @type {import('../element/go-map-viz.mjs').GoMapViz} */ ($('map-view')),
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
  // The look a permalink asks for (theme, view, controls). Its palette
  // shows at once; the rest comes when the link opens (PermalinkSync).
  const display = new PageDisplay({
    root: document.documentElement, darkSheet: /** @type {HTMLLinkElement} */ ($('dark-tokens')), viz: els.viz, tableCard: $('table-card'),
  });
  const look = earlyLook(location.hash);
  if (look) display.preview(look);
  let gomap;
  try {
    gomap = await loadGoMap();
  } catch (err) {
    els.stepCount.textContent = 'The map module could not be loaded.';
    els.narration.textContent = String(err?.message ?? err);
    return;
  }
  const app = new App(gomap, { viz: els.viz, els });
  // The map fitted to the screen, and the step's focus kept in view.
  const layout = new PageLayout({ viz: els.viz, player: document.querySelector('.player') });
  app.onRender((e) => { if (e.frame) layout.updateLater(); });
  wireTransport(app);
  const lessonList = await loadLessons();
  const lessons = lessonList.map((l) => ({ id: `lesson-${l.id}`, title: l.title, text: lessonScenario(l).text }));
  const controls = wireControls(app, { lessons });
  wireUndo(app, { loadPreset: controls.loadPreset });
  const tour = wireLessons(app, { lessons: lessonList, showSetup: controls.showSetup, gomap });
  // While a lesson is open its own fragment is the link to it; once the
  // reader changes the map, the address follows their map again.
  const link = new PermalinkSync(app, {
    notice: $('link-notice'), speedSelect: /** @type {HTMLSelectElement} */ ($('speed')), showSetup: controls.showSetup, display, paused: () => Boolean(tour?.lesson) && !tour.detached,
  });
  // The Share dialog's code loads on its first use (it then answers the
  // button itself), like the Embed dialog's below: issue 12's page weight.
  $('share-btn').addEventListener('click', async () => {
    const { wireShareDialog } = await import('./share-dialog.mjs');
    wireShareDialog(app, () => link.currentState(), { lessonStep: () => tour?.openStep ?? null }).open();
  }, { once: true });
  // The Embed dialog's code loads on its first use.
  let embed = null;
  $('embed-btn').addEventListener('click', async () => {
    embed ??= (await import('./embed-dialog.mjs')).makeEmbedDialog(() => link.currentState());
    embed.open();
  });
  wireExport(app, { theme: () => display.resolvedTheme() });
  // Compare mode (compare/): the same operations on both models.
  const compare = await import('../compare/compare-page.mjs').then((m) => m.wireCompare(app, gomap, { linkState: () => link.currentState() })).catch((err) => { console.warn('compare mode is unavailable:', err); return null; });
  // A link to a lesson (#lesson=<id>&step=<n>) opens it, a permalink
  // (#v=1&type=…) its map and step; otherwise a few fruit to start with,
  // so the first view already shows a bucket.
  if (!(await tour?.openFragment(location.hash)) && !(await link.open())) {
    const r = await app.loadScenario(WELCOME);
    if (!r.ok) app.newMap(['map[string]int64']);
  }
  link.start();
  await compare?.fromLink(startHash);
  $('app').setAttribute('aria-busy', 'false');
  // For the end-to-end tests and the curious: the live objects.
  Object.assign(window, { goMapPlayground: { app, gomap, lessons: tour, display, compare } });
  document.documentElement.dataset.ready = 'true';
}

main();
