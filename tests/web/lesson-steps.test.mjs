// The lesson player's logic without a page (web/lessons-ui/steps.mjs,
// fragment.mjs): each lesson loads into the playground's Player as one
// history, its steps map onto the timeline (each position to the step
// whose map it shows, whichever way the cursor came), a step's route plays
// what it should, and at the end of every step the player's map satisfies the
// step's `expect` (read through tests/e2e/lesson-dump.mjs, as the browser
// test reads the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import lessons from '../../web/lessons/index.mjs';
import { checkExpect, checkFigures, isCompareLesson, sideLesson, COMPARE_SIDES } from '../../web/lessons/check.mjs';
import { CompareSession } from '../../web/compare/compare-session.mjs';
import { lessonPlan, setupOf, stepBounds, stepRoute, stepAt, followsPlan, MAX_OP_EVENTS, BUDGET } from '../../web/lessons-ui/steps.mjs';
import { readLessonFragment, lessonFragment } from '../../web/lessons-ui/fragment.mjs';
import { readStep, stepDumps } from '../e2e/lesson-dump.mjs';

const gomap = await loadModule();

test('the lesson fragment: read, written, and hostile input', () => {
  assert.deepEqual(readLessonFragment('#lesson=growth&step=3'), { id: 'growth', step: 3 });
  assert.deepEqual(readLessonFragment('v=1&type=map[string]int64&lesson=tophash'), { id: 'tophash', step: 1 });
  assert.deepEqual(readLessonFragment('#step=2&lesson=delete&step=5'), { id: 'delete', step: 2 }, 'the first of a repeated key');
  assert.equal(readLessonFragment('#v=1&type=map[string]int64&step=2.5'), null, 'a permalink is not a lesson');
  assert.equal(readLessonFragment('#lesson=%3Cscript%3E'), null);
  assert.equal(readLessonFragment('#lesson=%E0%A4%A'), null, 'bad percent-encoding');
  assert.equal(readLessonFragment(undefined), null);
  for (const bad of ['0', '-1', '1e3', 'x', '', '99999']) assert.equal(readLessonFragment(`#lesson=growth&step=${bad}`).step, 1, bad);
  assert.equal(lessonFragment('same-size-grow', 4), 'lesson=same-size-grow&step=4');
  assert.deepEqual(readLessonFragment(`#${lessonFragment('same-size-grow', 4)}`), { id: 'same-size-grow', step: 4 });
});

test('a route plays the last operations of a step, within budget, and ends at the step\'s end', async () => {
  const lesson = lessons.find((l) => l.id === 'same-size-grow');
  const plan = lessonPlan(lesson);
  const { player } = await Player.load(gomap, plan.text);
  const h = player.history;
  for (let k = 0; k < plan.steps.length; k++) {
    const { start, end } = stepBounds(h, plan, k);
    const route = stepRoute(h, plan, k);
    assert.ok(route.every((p, i) => p > start && (i === 0 || p > route[i - 1])), `step ${k + 1}: ascending, after the start`);
    assert.equal(route[route.length - 1], end);
    const { first, last } = plan.steps[k];
    let played = 0;
    for (let j = first; j <= last; j++) {
      const done = h.donePosition(j);
      assert.ok(route.includes(done), `step ${k + 1}: op ${j} shows its result`);
      const steps = route.filter((p) => p >= h.position(j, 0) && p < done).length;
      assert.ok(steps === 0 || steps === h.ops[j].eventCount, `op ${j}: all of its micro-steps or none`);
      if (steps) assert.ok(h.ops[j].eventCount <= MAX_OP_EVENTS);
      played += steps;
    }
    assert.ok(played <= BUDGET, `step ${k + 1}: ${played} micro-steps`);
  }
  // Step 3 has 18 operations: only its last ones play, and the last always does.
  const route = stepRoute(h, plan, 2);
  const last = plan.steps[2].last;
  assert.ok(route.includes(h.position(last, 0)), 'the last operation plays');
  assert.ok(!route.includes(h.position(plan.steps[2].first, 0)), 'the first of 18 jumps to its result');
  player.free();
});

test('stepAt gives each position to the step whose operations made the map drawn there', async () => {
  for (const id of ['growth', 'delete', 'iteration']) {
    const plan = lessonPlan(lessons.find((l) => l.id === id));
    const { player } = await Player.load(gomap, plan.text);
    const h = player.history;
    const b = (k) => stepBounds(h, plan, k);
    assert.equal(b(0).start, 0);
    for (let k = 1; k < plan.steps.length; k++) assert.equal(b(k).start, b(k - 1).end);
    for (let p = 0; p < h.total; p++) {
      const k = stepAt(h, plan, p);
      const { op } = h.locate(p);
      // The map before any operation is where the first step begins.
      if (op < 0) assert.equal(k, 0);
      else assert.ok(op >= plan.steps[k].first && op <= plan.steps[k].last, `${id} position ${p}: op ${op} is not step ${k + 1}'s`);
    }
    // Where step k ends and step k+1 starts: step k's map, so step k's words.
    for (let k = 0; k + 1 < plan.steps.length; k++) {
      assert.equal(stepAt(h, plan, b(k).end), k, `${id}: the end of step ${k + 1}`);
      assert.equal(stepAt(h, plan, b(k).end + 1), k + 1);
    }
    assert.equal(stepAt(h, plan, h.total + 10), plan.steps.length - 1);
    player.free();
  }
  // The reader's own operation makes the history someone else's.
  const plan = lessonPlan(lessons.find((l) => l.id === 'growth'));
  const { player } = await Player.load(gomap, plan.text);
  const commands = player.history.ops.map((o) => o.command);
  assert.ok(followsPlan(player.history, plan, commands));
  player.seek(stepBounds(player.history, plan, 2).end);
  assert.ok(player.perform('set 1000 1').ok);
  assert.ok(!followsPlan(player.history, plan, commands));
  player.free();
});

// The tour (tour.mjs) on a stand-in for the page's App: the same Player,
// renders reported to the tour as the App reports them, and playing one
// tick at a time.
class StandInApp {
  constructor() {
    this.player = null;
    this.busy = false;
    this.playing = false;
    this.route = null;
    this.listeners = new Set();
  }
  onRender(fn) { this.listeners.add(fn); }
  emit(e) { for (const fn of this.listeners) fn(e); }
  render(historyChanged = false) { this.emit({ frame: this.player.frame(), historyChanged }); }
  async loadScenario(text) {
    this.pause();
    const r = await Player.load(gomap, text);
    if (!r.ok) return r;
    this.player?.free();
    this.player = r.player;
    this.render(true);
    return r;
  }
  seek(p) { this.player.seek(p); this.render(); }
  step(delta) { this.pause(); this.seek(this.player.position + delta); }
  play({ route }) { this.route = route; this.playing = true; this.emit({ playing: true }); }
  pause() {
    this.route = null;
    if (!this.playing) return;
    this.playing = false;
    this.emit({ playing: false });
    this.render();
  }
  /** One tick of play; false once the route is over. */
  tick() {
    const next = this.route?.find((q) => q > this.player.position);
    if (next === undefined) { this.pause(); return false; }
    this.seek(next);
    return true;
  }
}

async function openTour(id, k) {
  const { LessonTour } = await import('../../web/lessons-ui/tour.mjs');
  const app = new StandInApp();
  const shown = [];
  const view = { showLesson() {}, showStep: ({ step }) => shown.push(step) };
  const tour = new LessonTour(app, { lessons, view });
  assert.equal(await tour.open(id, k), true);
  return { app, tour, shown };
}

test('a lesson step\'s words at a position do not depend on the way the cursor came (delete: Step 1 where step 2 starts)', async () => {
  const saved = { location: globalThis.location, history: globalThis.history };
  globalThis.location = { pathname: '/', search: '', hash: '' };
  globalThis.history = { state: null, replaceState: (_s, _t, url) => { globalThis.location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : ''; } };
  try {
    const { app, tour } = await openTour('delete', 1);
    const h = app.player.history;
    const b = (k) => stepBounds(h, tour.plan, k);
    // Step 2 plays from the map step 1 left: its words from the first moment on.
    assert.equal(app.player.position, b(1).start);
    assert.equal(tour.step, 1);
    assert.equal(globalThis.location.hash, '#lesson=delete&step=2');
    while (app.tick()) assert.equal(tour.step, 1, `position ${app.player.position}`);
    assert.equal(app.player.position, b(1).end);
    // Backwards to the start, then forwards to the end: one step per position.
    const back = new Map();
    while (app.player.position > 0) {
      app.step(-1);
      back.set(app.player.position, tour.step);
      assert.equal(globalThis.location.hash, `#lesson=delete&step=${tour.step + 1}`);
    }
    for (let p = 1; p < h.total; p++) {
      app.step(1);
      const k = tour.step;
      assert.equal(k, stepAt(h, tour.plan, p), `position ${p}`);
      if (back.has(p)) assert.equal(back.get(p), k, `position ${p}: ${back.get(p) + 1} going back, ${k + 1} going forwards`);
    }
    // The reviewer's case: back from step 2 to the end of step 1 (position 82 today).
    app.seek(b(1).start + 1);
    app.step(-1);
    assert.equal(app.player.position, b(0).end);
    assert.equal(tour.step, 0, 'step 1 is what the map shows');
    assert.deepEqual(tour.openStep, { id: 'delete', step: 1, title: tour.lesson.title, steps: 7 });
    // Next step from there is step 2; stopped during its lead-in, the map is step 1's end again.
    await tour.next();
    assert.equal(tour.step, 1);
    assert.equal(app.player.position, b(0).end);
    app.pause();
    assert.equal(tour.step, 0, 'paused where step 2 starts: step 1\'s words');
    // Previous and Next step while a step plays: the step asked for, from its start.
    await tour.goTo(3);
    app.tick();
    app.tick();
    await tour.next();
    assert.equal(tour.step, 4);
    assert.equal(app.player.position, b(4).start);
    app.tick();
    await tour.prev();
    assert.equal(tour.step, 3);
    assert.equal(app.player.position, b(3).start);
    while (app.tick());
    assert.equal(tour.step, 3);
    // Shown without playing: the step's end, its own words.
    await tour.goTo(5, { play: false });
    assert.equal(app.player.position, b(5).end);
    assert.equal(tour.step, 5);
    assert.equal(globalThis.location.hash, '#lesson=delete&step=6');
    app.player.free();
  } finally {
    globalThis.location = saved.location;
    globalThis.history = saved.history;
  }
});

for (const lesson of lessons) {
  test(`lesson ${lesson.id} in the page's player: every step's expect holds at its end`, async () => {
    // A compare lesson: each side in a Player of its own, with its own expect.
    const sides = isCompareLesson(lesson) ? COMPARE_SIDES.map((v) => [`${v}: `, sideLesson(lesson, v)]) : [['', lesson]];
    const failures = [];
    for (const [side, played] of sides) {
      const plan = lessonPlan(played);
      assert.deepEqual(setupOf(played), played.setup.split('\n'));
      const r = await Player.load(gomap, plan.text);
      assert.ok(r.ok, JSON.stringify(r.errors));
      const { player } = r;
      assert.equal(player.history.length, plan.ops, 'one history entry per command');
      for (let k = 0; k < plan.steps.length; k++) {
        player.seek(stepBounds(player.history, plan, k).end);
        const record = readStep({ player, plan, k });
        for (const f of checkExpect(played.steps[k].expect, stepDumps(record))) failures.push(`${side}step ${k + 1}: ${f}`);
      }
      player.free();
    }
    assert.deepEqual(failures, []);
  });
}

// The figures a compare lesson states are compare mode's own (its session,
// at the end of each step's last operation).
for (const lesson of lessons.filter(isCompareLesson)) {
  test(`lesson ${lesson.id} in compare mode: every step's figures hold at its end`, async () => {
    const plan = lessonPlan(lesson);
    const r = await CompareSession.load(gomap, plan.text);
    assert.ok(r.ok, JSON.stringify(r.error));
    const failures = [];
    for (let k = 0; k < plan.steps.length; k++) {
      assert.ok(r.session.seekOp(plan.steps[k].last + 1).ok);
      for (const f of checkFigures(lesson.steps[k].expect.figures, r.session.figures())) failures.push(`step ${k + 1}: ${f}`);
    }
    assert.deepEqual(failures, []);
    r.session.free();
  });
}
