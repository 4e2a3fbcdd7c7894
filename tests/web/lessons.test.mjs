// The guided lessons (web/lessons/) are data the playground plays. Their
// narration makes claims about the map; every claim is written down in the
// step's `expect`. This test plays each lesson through the real model (the
// gomap CLI) and checks that no command fails and that every expectation holds
// in the state dump after the step.
//
//   node --test tests/web/
//   GOMAP=path/to/gomap node --test tests/web/lessons.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import lessons from '../../web/lessons/index.mjs';
import { EXPECT_KEYS, FIGURE_KEYS, COMPARE_SIDES, checkExpect, dumpsByStep, lessonScenario, isCompareLesson, sideLesson, unclaimedNumbers } from '../../web/lessons/check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lessonDir = join(root, 'web', 'lessons');
const gomap = process.env.GOMAP ?? join(root, 'build', 'native-release', 'gomap');
const HELPERS = new Set(['index.mjs', 'check.mjs']);

function runGomap(text) {
  const r = spawnSync(gomap, ['--trace', '--check', '-'], { input: text, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  const dumps = r.stdout.toString().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return { status: r.status, stderr: r.stderr.toString(), dumps };
}

test('gomap is built', () => {
  assert.ok(existsSync(gomap), `${gomap} is missing: cmake --preset native-release && cmake --build --preset native-release`);
});

test('the index lists every lesson file once, with unique ids', async () => {
  assert.ok(lessons.length >= 9, `only ${lessons.length} lessons`);
  const files = readdirSync(lessonDir).filter((f) => f.endsWith('.mjs') && !HELPERS.has(f)).sort();
  const loaded = await Promise.all(files.map((f) => import(pathToFileURL(join(lessonDir, f)).href)));
  for (const [i, mod] of loaded.entries()) {
    assert.ok(lessons.includes(mod.default), `${files[i]} is not in index.mjs`);
    assert.equal(`${mod.default.id}.mjs`, files[i], `${files[i]}: file name should be the lesson id`);
  }
  assert.equal(lessons.length, files.length, 'index.mjs lists a lesson that has no file of its own');
  const ids = lessons.map((l) => l.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids}`);
});

for (const lesson of lessons) {
  test(`lesson ${lesson.id}`, async (t) => {
    await t.test('shape', () => {
      assert.match(lesson.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case');
      for (const field of ['title', 'summary', 'setup']) {
        assert.equal(typeof lesson[field], 'string', `${field} must be a string`);
        assert.ok(lesson[field].trim(), `${field} is empty`);
      }
      assert.ok(lesson.steps.length >= 4 && lesson.steps.length <= 10, `${lesson.steps.length} steps (want 4-10)`);
      for (const [i, step] of lesson.steps.entries()) {
        const where = `step ${i + 1}`;
        assert.equal(typeof step.ops, 'string', `${where}: ops`);
        assert.ok(step.ops.trim(), `${where}: ops is empty`);
        assert.equal(typeof step.say, 'string', `${where}: say`);
        assert.ok(step.say.trim(), `${where}: say is empty`);
        assert.doesNotMatch(step.say, /[<>]/, `${where}: say must be plain text`);
        assert.ok(step.expect && Object.keys(step.expect).length > 0, `${where}: expect is empty`);
        if (isCompareLesson(lesson)) {
          // One expect per side and the figures; every number the words
          // state is one the expect holds.
          for (const key of Object.keys(step.expect)) assert.ok([...COMPARE_SIDES, 'figures'].includes(key), `${where}: unknown expect key ${key}`);
          for (const v of COMPARE_SIDES) {
            for (const key of Object.keys(step.expect[v] ?? {})) assert.ok(EXPECT_KEYS.includes(key), `${where}: ${v}: unknown expect key ${key}`);
            for (const key of Object.keys(step.expect.figures?.[v] ?? {})) assert.ok(key in FIGURE_KEYS, `${where}: figures ${v}: unknown key ${key}`);
          }
          assert.ok(step.expect.figures, `${where}: a compare step states figures`);
          assert.deepEqual(unclaimedNumbers(step), [], `${where}: numbers in the words that the expect does not hold`);
          continue;
        }
        for (const key of Object.keys(step.expect)) {
          assert.ok(EXPECT_KEYS.includes(key), `${where}: unknown expect key ${key}`);
        }
      }
    });

    await t.test('plays through gomap and every expectation holds', () => {
      assert.ok(existsSync(gomap), `${gomap} is missing`);
      // A compare lesson plays once per side, each with its own expect.
      const sides = isCompareLesson(lesson) ? COMPARE_SIDES.map((v) => [`${v}: `, sideLesson(lesson, v)]) : [['', lesson]];
      const failures = [];
      for (const [side, played] of sides) {
        const { text, steps } = lessonScenario(played);
        const { status, stderr, dumps } = runGomap(text);
        const errors = dumps.filter((d) => d.error).map((d) => d.error);
        assert.deepEqual(errors, [], `${side}commands failed`);
        assert.equal(status, 0, `${side}gomap exited with ${status} (a set-up line failed?) ${stderr}`);
        const perStep = dumpsByStep(steps, dumps);
        for (const [i, step] of played.steps.entries()) {
          for (const f of checkExpect(step.expect, perStep[i])) {
            failures.push(`${side}step ${i + 1} (${step.ops.split('\n')[0].slice(0, 40)}): ${f}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  });
}
