// The lesson player's logic without a page (web/lessons-ui/steps.mjs,
// fragment.mjs): each lesson loads into the playground's Player as one
// history, its steps map onto the timeline, a step's route plays what it
// should, and at the end of every step the player's map satisfies the
// step's `expect` (read through tests/e2e/lesson-dump.mjs, as the browser
// test reads the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './wasm-module.mjs';
import { Player } from '../../web/player/player.mjs';
import lessons from '../../web/lessons/index.mjs';
import { checkExpect } from '../../web/lessons/check.mjs';
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

test('stepAt follows the cursor; the shared boundary keeps the current step', async () => {
  const lesson = lessons.find((l) => l.id === 'growth');
  const plan = lessonPlan(lesson);
  const { player } = await Player.load(gomap, plan.text);
  const h = player.history;
  const b = (k) => stepBounds(h, plan, k);
  assert.equal(b(0).start, 0);
  for (let k = 1; k < plan.steps.length; k++) assert.equal(b(k).start, b(k - 1).end);
  assert.equal(stepAt(h, plan, 0), 0);
  assert.equal(stepAt(h, plan, b(2).start, 2), 2, 'the map before step 3, while step 3 is current');
  assert.equal(stepAt(h, plan, b(2).start, 1), 1);
  assert.equal(stepAt(h, plan, b(2).start + 1, 1), 2);
  assert.equal(stepAt(h, plan, b(5).end, 0), 5);
  assert.equal(stepAt(h, plan, h.total + 10), 5);
  // The reader's own operation makes the history someone else's.
  const commands = h.ops.map((o) => o.command);
  assert.ok(followsPlan(h, plan, commands));
  player.seek(b(2).end);
  assert.ok(player.perform('set 1000 1').ok);
  assert.ok(!followsPlan(player.history, plan, commands));
  player.free();
});

for (const lesson of lessons) {
  test(`lesson ${lesson.id} in the page's player: every step's expect holds at its end`, async () => {
    const plan = lessonPlan(lesson);
    assert.deepEqual(setupOf(lesson), lesson.setup.split('\n'));
    const r = await Player.load(gomap, plan.text);
    assert.ok(r.ok, JSON.stringify(r.errors));
    const { player } = r;
    assert.equal(player.history.length, plan.ops, 'one history entry per command');
    const failures = [];
    for (let k = 0; k < plan.steps.length; k++) {
      player.seek(stepBounds(player.history, plan, k).end);
      const record = readStep({ player, plan, k });
      for (const f of checkExpect(lesson.steps[k].expect, stepDumps(record))) failures.push(`step ${k + 1}: ${f}`);
    }
    assert.deepEqual(failures, []);
    player.free();
  });
}
