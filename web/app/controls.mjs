// The forms on the left: the map's set-up and presets, single operations,
// fill and collide, iteration, and the scenario box. Every field is checked
// before anything runs; a bad value gets a message next to it and the map
// stays as it was.
import { keyToken, valueToken, countValue, seedValue, isIntegerKey, parseMapType } from '../player/inputs.mjs';
import { tokenize, splitScenario, isSetupCommand } from '../player/scenario-text.mjs';
import { setupLines } from '../player/player.mjs';
import { errorText } from '../player/error-place.mjs';
import { showError, clearError, showBoxError } from './field-errors.mjs';
import { PRESETS } from './presets.mjs';
import { h } from '../render/dom.mjs';
import { wireCopyButton } from './copy-button.mjs';
import { showLayout } from './layout-panel.mjs';
import { MAX_HINT } from '../share/fields.mjs';

const $ = (id) => document.getElementById(id);
const input = (id) => /** @type {HTMLInputElement} */ ($(id));
const select = (id) => /** @type {HTMLSelectElement} */ ($(id));
const button = (id) => /** @type {HTMLButtonElement} */ ($(id));
const MAX_FILL = 2_000_000;
const DEFAULT_FILL = 20;

// An example key for the field, by the kind of key (player/inputs.mjs).
const PLACEHOLDER = { string: 'fig', int64: '42', int32: '7', integer: '7', float64: '1.5 or NaN', float32: '1.5 or NaN', bool: 'true', bytes: 'abcd', literal: '{1, 2}' };
const placeholderFor = (mt) => PLACEHOLDER[parseMapType(mt)?.key.kind] ?? '';

export function wireControls(app, { lessons = [] } = {}) {
  const typeField = input('map-type');
  const layoutPanel = $('layout-panel');
  const hasher = select('hasher');
  const seed = input('seed');
  const hint = input('hint');
  const version = select('version');
  const key = input('key');
  const value = input('value');
  const scenario = /** @type {HTMLTextAreaElement} */ ($('scenario'));

  const mapType = () => app.player?.map.header().type.name ?? typeField.value.trim();
  // The type as the core names it (map[struct{X, Y int32}]bool is
  // map[struct{X int32; Y int32}]bool), or { error } with the core's message.
  const pickedType = () => {
    const r = app.gomap.mapLayout(typeField.value.trim());
    return r.ok ? { name: r.layout.type } : { error: r.error };
  };
  const refreshLayout = () => showLayout(layoutPanel, app.gomap, typeField.value.trim(), version.value);

  // ---- set-up ----
  function readSetup() {
    let ok = true;
    const picked = pickedType();
    if (picked.error) {
      showError(typeField, `Go has no such map here: ${picked.error}`);
      return null;
    }
    clearError(typeField);
    const mt = picked.name;
    const swiss = version.value === '1.26';
    const s = seedValue(seed.value, { wide: swiss });
    if (s.error) {
      showError(seed, s.error);
      ok = false;
    } else clearError(seed);
    if (hasher.value === 'go126' && !swiss) {
      showError(hasher, 'go126 is Go 1.26\'s hash: pick Go 1.26 (Swiss table) as the map, or another hasher.');
      ok = false;
    } else if (hasher.value === 'identity' && !isIntegerKey(mt)) {
      showError(hasher, 'The identity hasher uses the key\'s own bits as its hash, so it needs int64 or int32 keys.');
      ok = false;
    } else clearError(hasher);
    let hintValue = 0;
    if (hint.value.trim()) {
      const hv = countValue(hint.value, { max: MAX_HINT, what: 'hint' });
      if (hv.error) {
        showError(hint, hv.error);
        ok = false;
      } else {
        clearError(hint);
        hintValue = hv.value;
      }
    } else clearError(hint);
    if (!ok) return null;
    return setupLines({
      mapType: mt,
      // Each map's own default hasher goes unsaid.
      hasher: hasher.value === (swiss ? 'go126' : 'go114') ? undefined : hasher.value,
      seed: s.value,
      hint: hintValue || undefined,
      version: version.value === '1.14' ? undefined : version.value,
    });
  }

  $('setup-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const lines = readSetup();
    if (!lines) return;
    const r = app.newMap(lines, { label: `a new ${lines[0]}` });
    if (!r.ok) showError(seed, r.error);
    else forgetStaleInputs();
  });
  // The map picker (Go 1.14's bucket map or Go 1.26's Swiss table) makes
  // the new map at once, with that version's own default hasher.
  version.addEventListener('change', () => {
    const swiss = version.value === '1.26';
    if (swiss && hasher.value === 'go114') hasher.value = 'go126';
    if (!swiss && hasher.value === 'go126') hasher.value = 'go114';
    const lines = readSetup();
    if (!lines) return;
    const r = app.newMap(lines, { label: `a new ${lines[0]}` });
    if (!r.ok) showError(seed, r.error);
    else forgetStaleInputs();
  });
  // The key and value pickers say what map the next Insert goes into: a
  // change makes that map at once (Undo brings the old one back, and the
  // notice says so when it had operations).
  const typeChanged = () => {
    refreshLayout();
    key.placeholder = placeholderFor(typeField.value.trim());
    const lines = readSetup();
    if (!lines) return;
    if (lines[0] === app.player?.map.header().type.name) return;
    const r = app.newMap(lines, { label: `a new ${lines[0]}` });
    if (!r.ok) showError(typeField, r.error);
    else forgetStaleInputs();
  };
  typeField.addEventListener('change', typeChanged);
  // While typing: the layout (or the core's refusal) follows each keystroke;
  // the map itself changes on Enter or when the field is left.
  typeField.addEventListener('input', () => {
    const r = refreshLayout();
    if (r && !r.ok) showError(typeField, `Go has no such map here: ${r.error}`);
    else clearError(typeField);
  });
  typeField.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      typeChanged();
    }
  });
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('.type-choices [data-type]'))) {
    b.addEventListener('click', () => {
      typeField.value = b.dataset.type;
      typeChanged();
    });
  }
  version.addEventListener('change', refreshLayout);
  refreshLayout();
  // The map the pickers show, or an error when the map on screen is another.
  const pickedMismatch = () => {
    const picked = pickedType();
    const actual = app.player?.map.header().type.name;
    return actual && picked.name !== actual
      ? `The map type field says ${typeField.value.trim()} but the map is ${actual}: press Enter in the field or New map, or set the field back.` : null;
  };
  // A key typed for the last map ("k2") may not fit the new one (int64
  // keys): clear it rather than leave an Insert that can only fail.
  function forgetStaleInputs() {
    const mt = mapType();
    if (key.value && keyToken(mt, key.value).error) key.value = '';
    if (value.value && valueToken(mt, value.value).error) value.value = '';
    clearError(key);
    clearError(value);
  }
  key.placeholder = placeholderFor(typeField.value.trim());

  // Reflects a map's set-up in the form (after a scenario or preset).
  function showSetup(lines) {
    for (const line of lines) {
      const t = tokenize(line);
      if (parseMapType(t[0])) typeField.value = t[0];
      if (t[0] === 'hasher') hasher.value = t[1];
      if (t[0] === 'seed') seed.value = t[1];
      if (t[0] === 'hint') hint.value = t[1];
      if (t[0] === 'version') version.value = t[1];
    }
    if (!lines.some((l) => l.startsWith('version'))) version.value = '1.14';
    if (!lines.some((l) => l.startsWith('hasher'))) hasher.value = version.value === '1.26' ? 'go126' : 'go114';
    if (!lines.some((l) => l.startsWith('seed'))) seed.value = '';
    if (!lines.some((l) => l.startsWith('hint'))) hint.value = '';
    key.placeholder = placeholderFor(typeField.value.trim());
    refreshLayout();
    clearError(typeField);
    forgetStaleInputs();
  }

  // ---- presets and lessons ----
  const preset = select('preset');
  const group = (label, items) => h('optgroup', { label }, items.map((p) => h('option', { value: p.id, text: p.title })));
  const all = new Map(PRESETS.map((p) => [p.id, p.text]));
  preset.append(group('Playground', PRESETS));
  if (lessons.length) {
    preset.append(group('Lessons', lessons));
    for (const l of lessons) all.set(l.id, l.text);
  }
  async function loadPreset(id) {
    const text = all.get(id);
    if (!text) return;
    const title = preset.querySelector(`option[value="${CSS.escape(id)}"]`)?.textContent ?? id;
    scenario.value = text;
    const ok = await runScenario({ label: `the preset “${title}”` });
    preset.value = '';
    // A preset stops just before its last operation, ready to be played.
    if (ok && app.player.history.length > 1) {
      app.seek(app.player.history.donePosition(app.player.history.length - 2));
      app.announce('Preset loaded. Press Play or the right arrow to watch its last operation.');
    }
  }
  // A closed list changes its value with the arrow keys as the reader
  // looks through it: that must not replace the history. The keyboard
  // loads with Enter; a pick with the pointer loads at once.
  let browsing = false;
  const presetHint = h('p', { class: 'hint', id: 'preset-hint', role: 'status' });
  preset.after(presetHint);
  preset.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      browsing = false;
      presetHint.textContent = '';
      loadPreset(preset.value);
    } else if (!ev.altKey && ev.key !== 'Tab' && ev.key !== 'Escape') browsing = true;
  });
  preset.addEventListener('pointerdown', () => { browsing = false; });
  preset.addEventListener('change', () => {
    if (browsing) {
      const title = preset.selectedOptions[0]?.textContent;
      presetHint.textContent = preset.value ? `Press Enter to load “${title}”.` : '';
      return;
    }
    loadPreset(preset.value);
  });
  preset.addEventListener('blur', () => {
    if (browsing) preset.value = '';
    browsing = false;
    presetHint.textContent = '';
  });

  // ---- single operations ----
  async function op(kind) {
    const mismatch = pickedMismatch();
    if (mismatch) {
      showError(key, mismatch);
      return;
    }
    const mt = mapType();
    const k = keyToken(mt, key.value);
    if (k.error) {
      showError(key, k.error);
      return;
    }
    clearError(key);
    let cmd = `${kind} ${k.token}`;
    if (kind === 'set') {
      const v = valueToken(mt, value.value);
      if (v.error) {
        showError(value, v.error);
        return;
      }
      clearError(value);
      if (v.token) cmd += ` ${v.token}`;
    }
    // A promise when a big map copies its heap first (App.perform).
    const r = await app.perform(cmd);
    if (!r.ok) showError(key, r.error);
    else if (kind === 'set') suggestNextKey(mt);
  }

  // After an insert, offer the next key in a series (k9 → k10, 41 → 42).
  function suggestNextKey(mt) {
    const m = /^(.*?)(\d+)$/.exec(key.value);
    const t = parseMapType(mt);
    if (!m || !t || t.key.kind.startsWith('float')) return;
    key.value = `${m[1]}${BigInt(m[2]) + 1n}`;
    if (/^\d+$/.test(value.value)) value.value = String(Number(value.value) + 1);
  }

  $('ops-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    op('set');
  });
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('#ops-form [data-op]'))) {
    if (b.type === 'button') b.addEventListener('click', () => op(b.dataset.op));
  }

  // ---- fill / collide / clear ----
  const fillN = input('fill-n');
  // Few enough keys that every insert can be watched micro-step by
  // micro-step (more than 32 play as one step).
  fillN.value = fillN.defaultValue = String(DEFAULT_FILL);
  const progress = $('bulk-progress');
  const bar = /** @type {HTMLProgressElement} */ ($('bulk-bar'));
  const barText = $('bulk-text');
  $('bulk-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const n = countValue(fillN.value, { min: 1, max: MAX_FILL, what: 'number of keys' });
    if (n.error || pickedMismatch()) {
      showError(fillN, n.error ?? pickedMismatch());
      return;
    }
    clearError(fillN);
    progress.hidden = false;
    bar.value = 0;
    barText.textContent = `0 of ${n.value.toLocaleString('en-US')}`;
    let last = 0;
    const r = await app.fill(n.value, {
      onProgress: (f) => {
        bar.value = f;
        const now = performance.now();
        if (now - last > 250 || f === 1) {
          last = now;
          barText.textContent = `${Math.round(f * n.value).toLocaleString('en-US')} of ${n.value.toLocaleString('en-US')}`;
        }
      },
    });
    progress.hidden = true;
    if (!r.ok) showError(fillN, r.error);
  });
  $('bulk-cancel').addEventListener('click', () => app.cancelBulk());

  const collideN = input('collide-n');
  const collideB = input('collide-bucket');
  $('collide-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const header = app.player.map.header();
    // Go 1.26: the groups of the table at directory entry 0.
    const buckets = app.player.swiss ? (header.created ? header.groups0 ?? 1 : 1)
      : header.created && header.buckets !== '0' ? 2 ** header.B : 1;
    const n = countValue(collideN.value, { min: 1, max: 10000, what: 'number of keys' });
    const b = countValue(collideB.value, { min: 0, max: buckets - 1, what: 'bucket' });
    /** @type {[HTMLInputElement, string] | null} */
    const bad = pickedMismatch() ? [collideN, pickedMismatch()] : n.error ? [collideN, n.error] : b.error ? [collideB, `${b.error.replace(/\.$/, '')} (the map has ${buckets} bucket${buckets === 1 ? '' : 's'} now).`] : null;
    for (const f of [collideN, collideB]) f.removeAttribute('aria-invalid');
    if (bad) {
      bad[0].setAttribute('aria-invalid', 'true');
      showBoxError('collide-error', bad[1]);
      return;
    }
    showBoxError('collide-error', '');
    // A collide into a big map searches many keys: it runs in slices,
    // with the fill's progress bar and Cancel.
    progress.hidden = false;
    bar.value = 0;
    barText.textContent = `Looking for ${n.value.toLocaleString('en-US')} keys for bucket ${b.value}…`;
    const r = await app.runLong(`collide ${b.value} ${n.value}`, { onProgress: (f) => { bar.value = f; } });
    progress.hidden = true;
    if (!r.ok) showBoxError('collide-error', r.error);
  });
  $('clear-btn').addEventListener('click', () => app.perform('clear'));

  // ---- iteration ----
  const iterError = (r) => showBoxError('iter-error', r.ok ? '' : r.error);
  $('range-btn').addEventListener('click', async () => iterError(await app.perform('range')));
  $('next-btn').addEventListener('click', async () => iterError(await app.perform('next')));
  $('iter-btn').addEventListener('click', async () => iterError(await app.perform('iter')));

  // ---- scenario box ----
  async function runScenario({ label = 'the scenario' } = {}) {
    const text = scenario.value;
    showBoxError('scenario-error', '');
    scenario.removeAttribute('aria-invalid');
    const bulky = splitScenario(text).some((c) => /^fill\s+\d{5,}/.test(c.text));
    if (bulky) {
      progress.hidden = false;
      bar.value = 0;
      barText.textContent = 'Running the scenario…';
    }
    const r = await app.loadScenario(text, { label, onProgress: (f) => { bar.value = f; } });
    progress.hidden = true;
    if (!r.ok) {
      scenario.setAttribute('aria-invalid', 'true');
      const box = $('scenario-error');
      box.replaceChildren(
        h('p', { text: r.aborted ? 'Cancelled; the map is as it was.' : 'Nothing was changed; the scenario has errors:' }),
        h('ul', {}, (r.errors ?? []).slice(0, 20).map((e) => h('li', { text: errorText(e) }))),
      );
      return false;
    }
    showSetup(splitScenario(text).filter((c) => isSetupCommand(c.text)).map((c) => c.text));
    return true;
  }
  $('scenario-run').addEventListener('click', () => runScenario());
  wireCopyButton(button('scenario-copy'), { text: () => scenario.value, field: scenario, status: $('scenario-copy-status'), what: 'The scenario' });

  // Keep the box in step with the history, and enable what makes sense now.
  app.onRender(({ historyChanged, model, busy }) => {
    if (historyChanged) scenario.value = app.scenarioText();
    if (model) {
      if (model.swiss) {
        // Go 1.26: a range loop is open until a next reports its end.
        const y = app.player.yieldedKeys();
        const last = app.player.history.ops.at(-1);
        button('next-btn').disabled = !(y?.kind === 'range') || last?.outcome?.result === 'end';
      } else {
        const it = model.header.iterator;
        button('next-btn').disabled = !it || it.done;
      }
    }
    if (busy !== undefined) {
      for (const f of /** @type {NodeListOf<HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>} */ (
        document.querySelectorAll('.controls button, .controls input, .controls select, .controls textarea'))) {
        if (f.id === 'bulk-cancel') continue;
        if (busy) {
          f.dataset.wasDisabled = f.disabled ? '1' : '';
          f.disabled = true;
        } else {
          f.disabled = f.dataset.wasDisabled === '1';
        }
      }
    }
  });

  return { showSetup, loadPreset };
}
