// Helpers for the lesson flows: wait for a lesson step to finish playing,
// and check what the page shows for it against the lesson (its words and
// every claim of its `expect`, via check.mjs).
import assert from 'node:assert/strict';
import { checkExpect, checkFigures, isCompareLesson, COMPARE_SIDES } from '../../web/lessons/check.mjs';
import { readStep, readStepInPage, stepDumps } from './lesson-dump.mjs';

/** Until step k of lesson `id` has played to its end. */
export function stepPlayed(page, id, k, timeout = 20000) {
  return page.waitForFunction(([id, k]) => {
    const { app, lessons: t } = window.goMapPlayground;
    if (!t?.lesson || t.lesson.id !== id || t.step !== k || app.playing || app.busy) return false;
    // A lesson on both maps: compare mode's panel at the step's end too.
    if (t.lesson.compare && t.compareStage?.panel?.session?.op !== t.plan.steps[k].last + 1) return false;
    return app.player.position === app.player.history.donePosition(t.plan.steps[k].last);
  }, [id, k], { timeout });
}

/** The narration, the step count and the map at the end of step k agree with the lesson. */
export async function checkStep(page, lesson, k) {
  const where = `${lesson.id} step ${k + 1}`;
  assert.equal(await page.locator('#lesson-say').textContent(), lesson.steps[k].say, `${where}: narration`);
  assert.equal(await page.locator('.lesson-count').textContent(), `Step ${k + 1} of ${lesson.steps.length}`);
  assert.equal(await page.locator('.lesson-step[aria-current="step"]').textContent(), String(k + 1));
  if (isCompareLesson(lesson)) {
    await checkBothMaps(page, lesson, k, where);
    return;
  }
  const failures = checkExpect(lesson.steps[k].expect, stepDumps(await readStepInPage(page, k)));
  assert.deepEqual(failures, [], `${where}: the map does not match the lesson's claims`);
}

// A lesson on both maps: each side of compare mode's panel as the page
// holds it against that side's expect, and the figures the strip shows
// against the step's figures.
async function checkBothMaps(page, lesson, k, where) {
  const failures = [];
  for (const v of COMPARE_SIDES) {
    const record = await page.evaluate(`(${readStep})({ player: window.goMapPlayground.lessons.compareStage.panel.session.players['${v}'], plan: window.goMapPlayground.lessons.plan, k: ${Number(k)} })`);
    for (const f of checkExpect(lesson.steps[k].expect[v] ?? {}, stepDumps(record))) failures.push(`${v}: ${f}`);
  }
  const figures = await page.evaluate(() => window.goMapPlayground.lessons.compareStage.panel.session.figures());
  failures.push(...checkFigures(lesson.steps[k].expect.figures, figures));
  // The strip shows those figures (its Bytes column, as the page writes it).
  const shown = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.lesson-compare .cmp-figures tbody tr')]
    .map((tr) => [tr.dataset.side, tr.querySelector('td[data-figure="Bytes"]').textContent])));
  for (const v of COMPARE_SIDES) if (shown[v] !== `${figures[v].bytes.toLocaleString('en-US')} B`) failures.push(`${v}: the strip shows ${shown[v]}`);
  assert.deepEqual(failures, [], `${where}: the maps do not match the lesson's claims`);
}
