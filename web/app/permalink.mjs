// The playground's URL fragment is its permalink: it carries the whole
// state (map type, hasher, seed, the scenario, the step shown, the speed,
// and the look a link gave the page: theme, view, controls) in web/share's
// grammar, is rewritten as the user works (replaceState, at most a few
// times a second, so the back button is not flooded), and is read when the
// page opens or the fragment is edited. A hostile or broken fragment can
// only produce text: its problems are listed in a notice, and a scenario
// that does not run leaves the page on its usual start.
import { decodeState, encodeState, positionOfStep, toScenarioText } from '../share/permalink.mjs';
import { displayOf, refusedMapFields, stateOfPlayer } from './link-state.mjs';
import { h } from '../render/dom.mjs';
import { errorText } from '../player/error-place.mjs';
import { mapTypeRefusal } from '../share/map-type-check.mjs';

const WRITE_EVERY_MS = 300;

export class PermalinkSync {
  /**
   * @param {import('./app.mjs').App} app
   * @param {{ notice: HTMLElement, speedSelect: HTMLSelectElement, showSetup: (lines: string[]) => void,
   *           display: import('./page-display.mjs').PageDisplay, paused?: () => boolean }} ui
   *   paused: true while another part of the page owns the fragment
   */
  constructor(app, { notice, speedSelect, showSetup, display, paused = () => false }) {
    this.app = app;
    this.display = display;
    this.paused = paused;
    this.notice = notice;
    this.speedSelect = speedSelect;
    this.showSetup = showSetup;
    this.timer = 0;
    /** Why the address bar has no state now (a scenario too long for a link), or null. */
    this.problem = null;
  }

  /** The state on screen, for the link and the Share dialog. */
  currentState() {
    return stateOfPlayer(this.app.player, { speed: this.app.speed, display: this.display.current });
  }

  /** Keeps the fragment in step with the page from now on. */
  start() {
    this.started = true;
    this.app.onRender(() => this.schedule());
    this.speedSelect.addEventListener('change', () => this.schedule());
    // The fragment the event is about: by the time it is handled, a
    // throttled write may already have put the current state back.
    // Opens run one after another.
    // Opens run one after another; one that fails (even by throwing) is
    // reported and the next still runs.
    let queue = /** @type {Promise<unknown>} */ (Promise.resolve());
    window.addEventListener('hashchange', (ev) => {
      const hash = new URL(ev.newURL).hash;
      queue = queue.then(() => this.open(hash)).catch((err) => this.#refuse('This link could not be opened:', [String(err?.message ?? err)]));
    });
    this.schedule();
  }

  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = 0;
      // A running fill has no settled state yet; write once it is done.
      if (this.app.busy || !this.app.player) this.schedule();
      else this.write();
    }, WRITE_EVERY_MS);
  }

  write() {
    if (this.paused()) return;
    let target;
    try {
      target = `#${encodeState(this.currentState())}`;
      this.problem = null;
    } catch (err) {
      // No link can hold this state; an old fragment would be a lie.
      target = '';
      this.problem = String(err?.message ?? err);
    }
    if (target === location.hash || (target === '' && !location.hash)) return;
    try {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${target}`);
    } catch {
      // Some file:// pages refuse replaceState; the address then stays as it was.
    }
  }

  /**
   * Opens the state in a fragment (the address's, by default), if there is one.
   * @returns {Promise<boolean>} true if the page now shows the link's state
   */
  async open(hash = location.hash) {
    try {
      return await this.#open(hash);
    } catch (err) {
      // Whatever failed (the module out of memory, a bug), the page stays
      // usable, says so, and the next link opens.
      return this.#refuse('This link could not be opened:', [String(err?.message ?? err)]);
    }
  }

  async #open(hash) {
    if (!isPermalink(hash)) return false;
    const r = decodeState(hash);
    if (!r.ok) return this.#refuse('This link could not be opened:', [r.error]);
    // A link that lost part of its map would show another map than its
    // author's; the map on screen stays, and the notice says why.
    const refused = refusedMapFields(hash, r);
    if (refused.length) {
      // The decoder's messages end with the fallback it took ("; using the
      // default, go114"); the page took none, so that part is left out.
      const why = r.warnings.map((w) => w.message.replace(/; (using|showing) [^;]*$/, ''));
      return this.#refuse('This link was not opened; it describes its map wrongly:', why);
    }
    // A map type the core does not make: its reason, and nothing runs.
    const typeRefused = mapTypeRefusal(this.app.gomap, r.state.mapType, 'type');
    if (typeRefused) return this.#refuse('This link was not opened; it describes its map wrongly:', [typeRefused]);
    // A long scenario takes a while: the page takes the link's palette now.
    this.display.preview(displayOf(r.state));
    const loaded = await this.app.loadScenario(toScenarioText(r.state), { label: 'the link' });
    if (!loaded.ok) {
      const lines = (loaded.errors ?? []).slice(0, 10).map((e) => errorText(e));
      return this.#refuse('The scenario in this link did not run, so nothing of it was used:', [...r.warnings.map((w) => w.message), ...lines]);
    }
    this.showSetup(this.app.player.setup);
    this.#setSpeed(r.state.speed);
    // The link's look, whole: a field it left out or that was refused is
    // at its default (the warning says so), as on the embed page.
    this.display.apply(displayOf(r.state));
    this.app.seek(positionOfStep(r.state.step, this.app.player.history), { announce: true });
    this.showNotice('Some of this link was not used:', r.warnings.map((w) => w.message));
    return true;
  }

  // The map on screen stays, and so does its look (a previewed palette is
  // taken back); the address goes back to saying so.
  #refuse(title, messages) {
    this.display.restore();
    this.showNotice(title, messages);
    if (this.started) this.schedule();
    return false;
  }

  #setSpeed(speed) {
    const value = String(speed);
    if (![...this.speedSelect.options].some((o) => o.value === value)) {
      this.speedSelect.append(h('option', { value, text: `${value} steps/s` }));
    }
    this.speedSelect.value = value;
    this.app.setSpeed(speed);
  }

  /** Problems as a list of text (never markup), with a button to dismiss them. */
  showNotice(title, messages) {
    const box = this.notice;
    if (!messages.length) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const dismiss = h('button', { type: 'button', class: 'notice-dismiss', text: 'Dismiss' });
    dismiss.addEventListener('click', () => this.showNotice('', []));
    box.replaceChildren(h('p', { text: title }), h('ul', {}, messages.map((m) => h('li', { text: m }))), dismiss);
    box.hidden = false;
  }
}

// An in-page anchor (the skip link's #map-view) is not a state, and a
// lesson's fragment (#lesson=…) belongs to the lessons (web/lessons-ui).
function isPermalink(hash) {
  if (hash.length <= 1 || document.getElementById(decodeURIComponentSafe(hash.slice(1)))) return false;
  return !/^#(?:[^&]*&)*lesson=/.test(hash);
}

/**
 * The look of the permalink in `hash` (theme, view, controls), for the page
 * to preview before its map module has loaded; null when there is no
 * permalink or the page would refuse it for its map. open() decides.
 */
export function earlyLook(hash) {
  if (!isPermalink(hash)) return null;
  const r = decodeState(hash);
  if (!r.ok || refusedMapFields(hash, r).length) return null;
  return displayOf(r.state);
}

function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
