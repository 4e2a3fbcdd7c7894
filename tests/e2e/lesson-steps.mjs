// Helpers for the lesson flows: wait for a lesson step to finish playing,
// and check what the page shows for it against the lesson (its words and
// every claim of its `expect`, via check.mjs).
import assert from 'node:assert/strict';
import { checkExpect } from '../../web/lessons/check.mjs';
import { readStepInPage, stepDumps } from './lesson-dump.mjs';

/** Until step k of lesson `id` has played to its end. */
export function stepPlayed(page, id, k, timeout = 20000) {
  return page.waitForFunction(([id, k]) => {
    const { app, lessons: t } = window.goMapPlayground;
    if (!t?.lesson || t.lesson.id !== id || t.step !== k || app.playing || app.busy) return false;
    return app.player.position === app.player.history.donePosition(t.plan.steps[k].last);
  }, [id, k], { timeout });
}

/** The narration, the step count and the map at the end of step k agree with the lesson. */
export async function checkStep(page, lesson, k) {
  const where = `${lesson.id} step ${k + 1}`;
  assert.equal(await page.locator('#lesson-say').textContent(), lesson.steps[k].say, `${where}: narration`);
  assert.equal(await page.locator('.lesson-count').textContent(), `Step ${k + 1} of ${lesson.steps.length}`);
  assert.equal(await page.locator('.lesson-step[aria-current="step"]').textContent(), String(k + 1));
  const failures = checkExpect(lesson.steps[k].expect, stepDumps(await readStepInPage(page, k)));
  assert.deepEqual(failures, [], `${where}: the map does not match the lesson's claims`);
}
