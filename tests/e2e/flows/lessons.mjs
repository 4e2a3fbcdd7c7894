// The guided lessons in the served page: open the list from the keyboard,
// play a lesson step by step (each step's narration shown, its operations
// played by the player, the map after it holding every claim the lesson
// makes), go back a step, leave the lesson's path and come back, follow a
// #lesson= link, step back across a step's start (the words follow the
// map, not the way the cursor came), share a lesson step, and check every
// step of every other lesson the same way.
import assert from 'node:assert/strict';
import { openPage, screenshot, drawnEqualsState } from '../harness.mjs';
import lessons from '../../../web/lessons/index.mjs';
import { stepPlayed, checkStep } from '../lesson-steps.mjs';

export const name = 'lessons: list, step by step with narration and expectations, links';

export async function run(env) {
  const page = await openPage(env);
  await page.getByLabel('Playback speed').selectOption('60');
  // The list, from the keyboard.
  await page.getByRole('button', { name: `Show the ${lessons.length} lessons` }).focus();
  const toggle = page.locator('#lessons-toggle');
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const items = page.locator('#lesson-list .lesson-item');
  assert.equal(await items.count(), lessons.length);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.lesson), lessons[0].id, 'focus goes to the first lesson');
  for (const [i, l] of lessons.entries()) {
    assert.equal(await items.nth(i).locator('.lesson-item-title').textContent(), l.title);
    assert.equal(await items.nth(i).locator('.lesson-item-summary').textContent(), l.summary);
  }

  // One lesson, step by step.
  const lesson = lessons.find((l) => l.id === 'growth');
  await page.getByRole('button', { name: lesson.title }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lesson-title', 'focus goes to the lesson');
  assert.equal(await page.locator('#lesson-list').isHidden(), true);
  const next = page.getByRole('button', { name: /^Next step/ });
  for (let k = 0; k < lesson.steps.length; k++) {
    if (k === 1) {
      await next.focus();
      await page.keyboard.press('Enter');
    } else if (k > 1) {
      await next.click();
    }
    await stepPlayed(page, lesson.id, k);
    await checkStep(page, lesson, k);
    assert.deepEqual(await drawnEqualsState(page), [], `step ${k + 1}: the map view shows the map`);
    assert.ok(page.url().endsWith(`#lesson=${lesson.id}&step=${k + 1}`), page.url());
    if (k === 1) await screenshot(page, 'lesson-mode');
  }
  const last = page.getByRole('button', { name: /^Next lesson/ });
  assert.ok(await last.isVisible(), 'the last step offers the next lesson');
  // The live region holds the step count and the words.
  const live = page.locator('.lesson-narration');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  assert.match(await live.textContent(), new RegExp(`^Step ${lesson.steps.length} of ${lesson.steps.length}`));

  // Back one step; the step buttons jump.
  await page.getByRole('button', { name: 'Previous step' }).click();
  await stepPlayed(page, lesson.id, lesson.steps.length - 2);
  await checkStep(page, lesson, lesson.steps.length - 2);
  await page.getByRole('button', { name: 'Step 3', exact: true }).click();
  await stepPlayed(page, lesson.id, 2);
  await checkStep(page, lesson, 2);

  // The timeline moves the lesson with it.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('End');
  await page.waitForFunction(() => window.goMapPlayground.lessons.step === 5);
  assert.equal(await page.locator('.lesson-count').textContent(), 'Step 6 of 6');

  // An operation of the reader's own leaves the lesson's path; a step button brings it back.
  await page.getByLabel('Key', { exact: true }).fill('500');
  await page.getByRole('button', { name: 'Insert' }).click();
  await page.locator('.lesson-note').waitFor({ state: 'visible' });
  assert.match(await page.locator('.lesson-note').textContent(), /no longer follows the lesson/);
  await page.getByRole('button', { name: 'Replay step' }).click();
  await stepPlayed(page, lesson.id, 5);
  assert.equal(await page.locator('.lesson-note').isHidden(), true);
  await checkStep(page, lesson, 5);

  // A link to a lesson step, followed in the open page.
  const tophash = lessons.find((l) => l.id === 'tophash');
  await page.goto(`${env.url}#lesson=tophash&step=3`);
  await stepPlayed(page, 'tophash', 2);
  await checkStep(page, tophash, 2);
  assert.equal(await page.locator('.lesson-title').textContent(), tophash.title);

  // Back from step 2 of delete, one micro-step at a time, to where step 1
  // ended: the lesson's words are step 1's, as they were on the way forwards,
  // because the map is what step 1 made.
  const del = lessons.find((l) => l.id === 'delete');
  await page.goto(`${env.url}#lesson=delete&step=2`);
  await stepPlayed(page, 'delete', 1);
  await page.evaluate(() => document.activeElement?.blur());
  const ends = await page.evaluate(() => {
    const t = window.goMapPlayground.lessons;
    const h = t.player.history;
    return t.plan.steps.map((s) => h.donePosition(s.last));
  });
  const position = () => page.evaluate(() => window.goMapPlayground.app.player.position);
  const seen = [];
  while (await position() > ends[0]) {
    await page.keyboard.press('ArrowLeft');
    seen.push(await page.locator('.lesson-count').textContent());
  }
  assert.equal(await position(), ends[0]);
  assert.deepEqual(seen.slice(0, -1).filter((c) => c !== 'Step 2 of 7'), [], 'inside step 2: its words');
  assert.equal(seen.at(-1), 'Step 1 of 7', 'where step 1 ends: its words');
  assert.equal(await page.locator('#lesson-say').textContent(), del.steps[0].say);
  assert.match(await page.locator('#step-count').textContent(), /: set 36 9 · step \d+, done \(after micro-steps 0–\d+\)$/);
  assert.equal(await page.locator('.lesson-step[aria-current="step"]').textContent(), '1');
  assert.ok(page.url().endsWith('#lesson=delete&step=1'), page.url());
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.lesson-count').textContent(), 'Step 2 of 7');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('.lesson-count').textContent(), 'Step 1 of 7');
  // Next step from there plays step 2, and Share offers a link to it first.
  await page.getByRole('button', { name: /^Next step/ }).click();
  await stepPlayed(page, 'delete', 1);
  await checkStep(page, del, 1);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: 'Share this moment' });
  await share.waitFor();
  const labels = await share.locator('.share-field label').allTextContents();
  assert.deepEqual(labels, ['Link to this lesson step', 'Link to this moment']);
  const lessonLink = share.getByLabel('Link to this lesson step');
  assert.equal(await lessonLink.inputValue(), `${env.url}#lesson=delete&step=2`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-lesson', 'Share starts at the lesson link');
  assert.match(await share.locator('.share-lesson').textContent(), /^The lesson link opens the lesson “Delete: .*” at step 2 of 7\./);
  assert.match(await share.getByLabel('Link to this moment').inputValue(), /#v=1&type=map\[int64\]int64&.*&step=10(&|$)/);
  await share.getByRole('button', { name: 'Copy the lesson link' }).waitFor();
  await screenshot(page, 'lesson-share-dialog');
  await page.keyboard.press('Escape');
  await share.waitFor({ state: 'hidden' });
  // The reader's own insert detaches the map from the lesson: the address
  // and Share now carry their map, not the lesson step.
  await page.getByLabel('Key', { exact: true }).fill('999');
  await page.getByRole('button', { name: 'Insert' }).click();
  await page.waitForFunction(() => window.goMapPlayground.lessons.detached && /#v=1&/.test(location.hash));
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await share.waitFor();
  assert.deepEqual(await share.locator('.share-field label').allTextContents(), ['Link to this moment']);
  assert.match(await share.getByLabel('Link to this moment').inputValue(), /;\+set\+999&/);
  await page.keyboard.press('Escape');
  await share.waitFor({ state: 'hidden' });

  // Every step of every lesson, shown at its end.
  for (const l of lessons) {
    assert.ok(await page.evaluate((id) => window.goMapPlayground.lessons.open(id, 0, { play: false }), l.id), `${l.id} opens`);
    for (let k = 0; k < l.steps.length; k++) {
      await page.evaluate((k) => window.goMapPlayground.lessons.goTo(k, { play: false }), k);
      await stepPlayed(page, l.id, k);
      await checkStep(page, l, k);
    }
  }

  // Closing keeps the map and clears the lesson from the address; Share
  // then offers the plain permalink alone.
  await page.getByRole('button', { name: 'Close lesson' }).click();
  assert.equal(await page.locator('#lesson-player').isHidden(), true);
  assert.ok(!page.url().includes('lesson='), page.url());
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await share.waitFor();
  assert.deepEqual(await share.locator('.share-field label').allTextContents(), ['Link to this moment']);
  assert.equal(await share.locator('.share-lesson').isHidden(), true);
  await page.keyboard.press('Escape');
  await share.waitFor({ state: 'hidden' });
  return page;
}
