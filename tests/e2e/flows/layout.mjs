// The moment fits the screen (issue 12): at 1366×768 and 1024×768, with
// the page at its top and nothing scrolled, the narration, both bucket
// arrays and the buckets the step is about are inside the viewport, in
// the B 2 → 3 and B 4 → 5 grows and in every lesson step that names a
// bucket; no box scrolls inside the page; slot text is at least 12 px and
// every slot state's text reads at 4.5:1 or more in both themes; a phone
// keeps the narration on screen with the map. Screenshots of each.
import assert from 'node:assert/strict';
import { openPage, screenshot } from '../harness.mjs';
import lessons from '../../../web/lessons/index.mjs';

export const name = 'layout: the moment fits at 1366x768 and 1024x768, lessons beside the map, contrast, phone';

const GROWS = {
  'b2-3': 'map[string]int64\nseed 7\nfill 26\nset apple 1\nset banana 2',
  'b4-5': 'map[string]int64\nseed 7\nfill 104\nset apple 1\nset banana 2',
};
const SIZES = [{ width: 1366, height: 768 }, { width: 1024, height: 768 }];

// Boxes, in viewport coordinates, of what must be seen.
function boxes(page, named = []) {
  return page.evaluate((named) => {
    const r = (el) => (el ? el.getBoundingClientRect().toJSON() : null);
    const root = document.getElementById('map-view').shadowRoot;
    const marks = [...root.querySelectorAll('.bucket.hl-evac, .bucket.hl-dest-x, .bucket.hl-dest-y, .bucket.hl-pick, .bucket.hl-iter, .slot.hl-write, .slot.hl-probe')];
    const lessonSay = document.getElementById('lesson-say');
    const chain = ([old, i]) => root.querySelector(`.array-${old ? 'old' : 'new'} .chain[data-index="${i}"]`);
    const scrollers = [...document.querySelectorAll('*'), ...root.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return /(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0;
    }).map((el) => el.className || el.tagName);
    return {
      view: { width: innerWidth, height: innerHeight },
      narration: r(document.getElementById('narration')),
      lesson: lessonSay && lessonSay.offsetParent ? r(lessonSay) : null,
      old: root.querySelector('.array-old')?.hidden ? null : r(root.querySelector('.array-old')),
      new: r(root.querySelector('.array-new')),
      marks: marks.map(r),
      named: named.map((n) => ({ n, box: r(chain(n)) })),
      scrollers,
      density: document.getElementById('map-view').getAttribute('density'),
      timeline: document.getElementById('timeline').getBoundingClientRect().width,
    };
  }, named);
}

function inside(b, view, what) {
  assert.ok(b, `${what}: not drawn`);
  assert.ok(b.top >= -0.5 && b.left >= -0.5 && b.bottom <= view.height + 0.5 && b.right <= view.width + 0.5,
    `${what} is outside the ${view.width}x${view.height} viewport: ${JSON.stringify(b)}`);
}

async function seekTo(page, pos) {
  await page.evaluate((q) => window.goMapPlayground.app.seek(q), pos);
}

// Loading a scenario may leave a notice (undo) in the player; a reader
// dismisses it, and the map fits again in the room it gave back.
async function load(page, text) {
  await page.evaluate(async (t) => window.goMapPlayground.app.loadScenario(t), text);
  await page.evaluate(() => { const n = document.getElementById('history-notice'); if (n) n.hidden = true; });
  // Colours are measured once the slots' fades (160 ms) have ended.
  await page.waitForTimeout(400);
}

async function growCheck(page, size, id) {
  await load(page, GROWS[id]);
  // The evacuation steps of the operation that starts the grow.
  const positions = await page.evaluate(() => {
    const p = window.goMapPlayground.app.player;
    const out = [];
    for (let q = 0; q < p.total; q++) {
      p.seek(q);
      const f = p.frame();
      if (f.op >= p.history.length - 2 && ['growStart', 'evacuateBucket', 'evacuateEntry', 'advanceNevacuate'].includes(f.event?.e)) out.push(q);
    }
    return out;
  });
  assert.ok(positions.length > 8, `${id}: evacuation steps found`);
  let shot = false;
  for (const pos of positions) {
    await seekTo(page, pos);
    const b = await boxes(page);
    const where = `${id} at ${size.width}x${size.height}, position ${pos}`;
    assert.equal(await page.evaluate(() => scrollY), 0, `${where}: the page scrolled`);
    inside(b.narration, b.view, `${where}: narration`);
    inside(b.old, b.view, `${where}: old array`);
    inside(b.new, b.view, `${where}: new array`);
    b.marks.forEach((m, i) => inside(m, b.view, `${where}: marked bucket ${i}`));
    assert.deepEqual(b.scrollers, [], `${where}: boxes that scroll inside the page`);
    if (!shot && b.marks.length >= 3) {
      shot = true;
      await screenshot(page, `layout-${id}-${size.width}x${size.height}`);
    }
  }
}

// "old bucket 3", "new bucket 5", "bucket 0": [old?, index] pairs.
function namedBuckets(say) {
  return [...say.matchAll(/\b(old |new )?buckets? (\d+)/g)].map((m) => [m[1] === 'old ', Number(m[2])]);
}

// A Go 1.26 lesson names groups ("group 3") and tables ("T3"): the
// group drawn under that label in the table the step is about (or in the
// only table drawn), the step's focus and the words must be on screen.
const isSwiss = (lesson) => /^version\s+1\.26\s*$/m.test(lesson.setup);
const namedGroups = (say) => [...new Set([...say.matchAll(/\bgroups? (\d+)/g)].map((m) => Number(m[1])))];

function swissBoxes(page, groups) {
  return page.evaluate((groups) => {
    const r = (el) => (el ? el.getBoundingClientRect().toJSON() : null);
    const root = document.getElementById('map-view').shadowRoot;
    const lessonSay = document.getElementById('lesson-say');
    // The table the step is about: the one holding the focus, else the
    // first table drawn with its groups.
    const focus = root.querySelector('.swiss-map .sw-focus');
    const table = focus?.closest('.sw-table') ?? root.querySelector('.swiss-map .sw-table:not(.is-summary)');
    const group = (n) => [...(table?.querySelectorAll('.sw-group') ?? [])].find((g) => g.querySelector('.sw-glabel')?.textContent === `g${n}`);
    return {
      view: { width: innerWidth, height: innerHeight },
      lesson: lessonSay && lessonSay.offsetParent ? r(lessonSay) : null,
      header: r(root.querySelector('.sw-header')),
      focus: r(focus),
      named: groups.map((n) => ({ n, box: r(group(n)) })),
    };
  }, groups);
}

async function swissLessonCheck(page, size, lesson, k, step, misses) {
  await page.evaluate(async ([id, k]) => window.goMapPlayground.lessons.open(id, k, { play: false }), [lesson.id, k]);
  await page.evaluate(() => scrollTo(0, 0));
  const b = await swissBoxes(page, namedGroups(step.say));
  const where = `${lesson.id} step ${k + 1} at ${size.width}x${size.height}`;
  inside(b.lesson, b.view, `${where}: the lesson's words`);
  inside(b.header, b.view, `${where}: the map header`);
  let checked = 0;
  // Every miss is listed before the flow fails, so one run names them all.
  try {
    if (b.focus) inside(b.focus, b.view, `${where}: what the step is about`);
    for (const { n, box } of b.named) {
      inside(box, b.view, `${where}: group ${n}`);
      checked++;
    }
  } catch (err) {
    misses.push(`${where} (${err.message.split(' is outside')[0]})`);
  }
  if (k === 3 && size.width === 1024) await screenshot(page, `layout-lesson-${lesson.id}-${k + 1}-${size.width}x${size.height}`);
  return checked;
}

// A lesson on both maps (compare: true) shows compare mode's panel in the
// map section: the words, both sides' boxes, the figures strip, and the
// bucket ("bucket 89": its chain on the Go 1.14 side) and group ("group
// 127": on the Go 1.26 side) the words name, on screen and inside their box.
function compareLessonBoxes(page, buckets, groups) {
  return page.evaluate(([buckets, groups]) => {
    const r = (el) => (el ? el.getBoundingClientRect().toJSON() : null);
    const stage = document.querySelector('.lesson-compare');
    const side = (v) => stage.querySelector(`.cmp-side[data-side="${v}"]`);
    const root = (v) => side(v).querySelector('go-map-viz').shadowRoot;
    const lessonSay = document.getElementById('lesson-say');
    const group = (n) => [...root('1.26').querySelectorAll('.sw-group')].find((g) => g.querySelector('.sw-glabel')?.textContent === `g${n}`);
    return {
      view: { width: innerWidth, height: innerHeight },
      lesson: lessonSay && lessonSay.offsetParent ? r(lessonSay) : null,
      sides: ['1.14', '1.26'].map((v) => r(side(v))),
      boxes: { '1.14': r(side('1.14').querySelector('.cmp-map')), '1.26': r(side('1.26').querySelector('.cmp-map')) },
      figures: r(stage.querySelector('.cmp-figures')),
      named: [
        ...buckets.map((n) => ({ what: `Go 1.14 bucket ${n}`, side: '1.14', box: r(root('1.14').querySelector(`.array-new .chain[data-index="${n}"]`)) })),
        ...groups.map((n) => ({ what: `Go 1.26 group ${n}`, side: '1.26', box: r(group(n)) })),
      ],
      pageMap: document.getElementById('map-view').getClientRects().length,
      // Each side's title: how many lines it takes, and whether it is cut.
      heads: [...stage.querySelectorAll('.cmp-side-head h3')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return { text: el.textContent, lines: range.getClientRects().length, cut: el.scrollWidth > el.clientWidth + 1 };
      }),
    };
  }, [buckets, groups]);
}

async function compareLessonCheck(page, size, lesson, k, step, misses) {
  await page.evaluate(async ([id, k]) => window.goMapPlayground.lessons.open(id, k, { play: false }), [lesson.id, k]);
  await page.evaluate(() => scrollTo(0, 0));
  // Each side's box scrolls to the step's place on a later animation frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))));
  const b = await compareLessonBoxes(page, namedBuckets(step.say).map(([, n]) => n), namedGroups(step.say));
  const where = `${lesson.id} step ${k + 1} at ${size.width}x${size.height}`;
  assert.equal(b.pageMap, 0, `${where}: the page's one map steps aside`);
  inside(b.lesson, b.view, `${where}: the lesson's words`);
  // Beside the lesson at 1024 px a side's head was three cramped lines.
  for (const head of b.heads) assert.ok(head.lines === 1 && !head.cut, `${where}: the side title "${head.text}" takes ${head.lines} lines${head.cut ? ', cut' : ''}`);
  let checked = 0;
  try {
    b.sides.forEach((box, i) => inside(box, b.view, `${where}: side ${i}`));
    inside(b.figures, b.view, `${where}: the figures strip`);
    for (const { what, side, box } of b.named) {
      inside(box, b.view, `${where}: ${what}`);
      inside(box, { width: b.boxes[side].right, height: b.boxes[side].bottom }, `${where}: ${what} inside its box`);
      assert.ok(box.top >= b.boxes[side].top - 0.5, `${where}: ${what} above its box`);
      checked++;
    }
  } catch (err) {
    misses.push(`${where} (${err.message.split(' is outside')[0]})`);
  }
  if (k === 1) await screenshot(page, `layout-lesson-${lesson.id}-${k + 1}-${size.width}x${size.height}`);
  return checked;
}

async function lessonCheck(page, size) {
  let checked = 0;
  let swissChecked = 0;
  const misses = [];
  const swissMisses = [];
  let compareChecked = 0;
  for (const lesson of lessons) {
    for (const [k, step] of lesson.steps.entries()) {
      if (lesson.compare) {
        compareChecked += await compareLessonCheck(page, size, lesson, k, step, misses);
        continue;
      }
      if (isSwiss(lesson)) {
        swissChecked += await swissLessonCheck(page, size, lesson, k, step, swissMisses);
        continue;
      }
      const named = namedBuckets(step.say);
      if (!named.length) continue;
      await page.evaluate(async ([id, k]) => window.goMapPlayground.lessons.open(id, k, { play: false }), [lesson.id, k]);
      await page.evaluate(() => scrollTo(0, 0));
      const b = await boxes(page, named);
      const where = `${lesson.id} step ${k + 1} at ${size.width}x${size.height}`;
      inside(b.lesson, b.view, `${where}: the lesson's words`);
      // The player beside a lesson keeps a slider one can drag (it was a dot at 1024 px).
      assert.ok(b.timeline >= 64, `${where}: the timeline slider is ${b.timeline} px wide`);
      // Every miss is listed before the flow fails, so one run names them all.
      try {
        inside(b.new, b.view, `${where}: the bucket array`);
        if (b.old) inside(b.old, b.view, `${where}: the old array`);
        for (const { n, box } of b.named) {
          // A bucket the words name as it was before (a new bucket of a grow
          // that has finished, an old array gone) is not drawn; one drawn is seen.
          if (!box) continue;
          inside(box, b.view, `${where}: ${n[0] ? 'old ' : ''}bucket ${n[1]}`);
          checked++;
        }
      } catch (err) {
        misses.push(`${where} (${err.message.split(' is outside')[0]})`);
      }
      if (lesson.id === 'growth' && k === 2) await screenshot(page, `layout-lesson-growth-3-${size.width}x${size.height}`);
    }
  }
  assert.ok(checked > 20, `only ${checked} named buckets checked`);
  assert.ok(swissChecked > 15, `only ${swissChecked} named groups of Go 1.26 lessons checked`);
  assert.ok(compareChecked >= 2, `only ${compareChecked} named buckets and groups of lessons on both maps checked`);
  // Every lesson step fits, with the undo notice opening a lesson leaves
  // (the flow does not dismiss it: a reader sees it too).
  assert.deepEqual(swissMisses, [], `Go 1.26 lesson steps that do not fit at ${size.width}x${size.height}`);
  assert.deepEqual(misses, [], `lesson steps that do not fit at ${size.width}x${size.height}`);
}

// Every slot state's text against its slot's own background (or the
// bucket's), opacity included, in the theme the page is in.
export function contrastFailures(page) {
  return page.evaluate(() => {
    const parse = (c) => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m[3] ?? 1 }; };
    const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
    const lum = (c) => [c.r, c.g, c.b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const background = (el) => {
      const chain = [];
      for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) {
        chain.push(parse(getComputedStyle(e).backgroundColor));
        if (chain.at(-1).a === 1) break;
      }
      let c = { r: 255, g: 255, b: 255, a: 1 };
      for (const layer of chain.reverse()) c = over(layer, c);
      return c;
    };
    const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) o *= Number(getComputedStyle(e).opacity); return o; };
    const root = document.getElementById('map-view').shadowRoot;
    const out = [];
    const seen = new Set();
    for (const slot of root.querySelectorAll('.arrays .slot')) {
      const state = [...slot.classList].find((c) => c.startsWith('s-'));
      for (const part of slot.querySelectorAll('.th, .k, .v')) {
        if (!part.textContent || getComputedStyle(part).display === 'none') continue;
        const kind = `${state} ${part.className}`;
        if (seen.has(kind)) continue;
        seen.add(kind);
        const bg = background(slot);
        const fg = over({ ...parse(getComputedStyle(part).color), a: parse(getComputedStyle(part).color).a * opacity(part) }, bg);
        const size = parseFloat(getComputedStyle(part).fontSize);
        const cr = ratio(fg, bg);
        if (cr < 4.5) out.push(`${kind}: ${cr.toFixed(2)}:1`);
        if (size < 12) out.push(`${kind}: ${size}px text`);
      }
    }
    // The hash panel's bit digits on their role's fill (top byte, bucket bits, X/Y bit).
    for (const bit of document.querySelectorAll('#hash-view .bit[class*="role-"]')) {
      const kind = `hash ${bit.className}`;
      if (seen.has(kind)) continue;
      seen.add(kind);
      const bg = background(bit);
      const cr = ratio(over(parse(getComputedStyle(bit).color), bg), bg);
      if (cr < 4.5) out.push(`${kind}: ${cr.toFixed(2)}:1`);
    }
    return { out, kinds: [...seen] };
  });
}

// Compare mode on a phone: nothing in it is wider than the screen (the
// figures strip turns on its side), and wherever the maps are scrolled the
// operation buttons and Close stay on screen in a bar of about 100 px,
// which at rest covers none of the maps.
async function phoneCompareCheck(env) {
  const page = await openPage(env, { viewport: { width: 375, height: 812 } });
  await load(page, 'map[int64]int64\nseed 7\nfill 100\ndel 5\nset 1000 1\nfill 14');
  await page.getByRole('button', { name: 'Compare 1.14 / 1.26' }).click();
  await page.locator('#compare-view .cmp-figures td').first().waitFor();
  // Both maps drawn (each element shows nothing until its sheets are in),
  // so the view is as tall as it will be.
  await page.waitForFunction(() => [...document.querySelectorAll('#compare-view go-map-viz')]
    .every((viz) => viz.shadowRoot?.querySelector('.viz') && !viz.shadowRoot.querySelector('.viz').hidden && viz.getBoundingClientRect().height > 200));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const measure = () => page.evaluate(() => {
    const view = document.getElementById('compare-view');
    const r = (el) => el.getBoundingClientRect().toJSON();
    const wide = [...view.querySelectorAll('*')].filter((el) => {
      const b = el.getBoundingClientRect();
      return b.width > 0 && (b.right > innerWidth + 0.5 || b.left < -0.5);
    }).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    const button = (name) => r(view.querySelector(`.cmp-bar button[aria-label="${name}"]`));
    return {
      view: { width: innerWidth, height: innerHeight },
      wide,
      figures: r(view.querySelector('.cmp-figures')),
      bar: r(view.querySelector('.cmp-bar')),
      side: r(view.querySelector('.cmp-side')),
      buttons: ['Previous operation', 'Next operation', 'Close the comparison'].map((n) => ({ n, box: button(n) })),
    };
  });
  const atRest = await measure();
  assert.deepEqual(atRest.wide, [], 'phone compare: wider than the screen');
  inside({ ...atRest.figures, top: 0, bottom: 0 }, atRest.view, 'phone compare: the figures strip');
  assert.ok(atRest.side.top >= atRest.bar.bottom - 0.5, 'phone compare: the bar covers the first map at rest');
  for (const where of [0.5, 1]) {
    // Groups off screen are laid out as they come into view (swiss.css,
    // content-visibility), so the bottom is where scrolling stops moving it.
    await page.evaluate(async (f) => {
      const v = document.getElementById('compare-view');
      for (let i = 0, last = -1; i < 10 && v.scrollHeight !== last; i++) {
        last = v.scrollHeight;
        v.scrollTop = (v.scrollHeight - v.clientHeight) * f;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }, where);
    const b = await measure();
    for (const { n, box } of b.buttons) inside(box, b.view, `phone compare scrolled ${where * 100}%: ${n}`);
    assert.ok(b.bar.bottom <= 130, `phone compare scrolled ${where * 100}%: the bar takes ${b.bar.bottom} px`);
    if (where === 1) inside(b.figures, b.view, 'phone compare at the bottom: the figures strip');
  }
  await screenshot(page, 'layout-phone-compare-375x812');
  await page.close();
}

export async function run(env) {
  await phoneCompareCheck(env);
  let last = null;
  for (const size of SIZES) {
    const page = await openPage(env, { viewport: size });
    for (const id of Object.keys(GROWS)) await growCheck(page, size, id);
    await lessonCheck(page, size);
    await page.close();
  }
  // Contrast and size of the slot text, in both themes, over a grow that
  // draws every state (live, empty, X, Y, evacuatedEmpty, stale keys).
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(env, { viewport: SIZES[1], colorScheme });
    // The 27th key starts a B 2 -> 3 grow: X, Y, evacuatedEmpty, beside
    // live and empty slots.
    await load(page, 'map[int64]int64\nseed 7\nfill 26\nset 1000 1\ndel 3');
    const r = await contrastFailures(page);
    // A deleted int64 key leaves its bytes: a stale key beside emptyOne.
    await load(page, 'map[int64]int64\nseed 3\nfill 14\ndel 3');
    const r2 = await contrastFailures(page);
    r.out.push(...r2.out);
    r.kinds.push(...r2.kinds);
    for (const state of ['s-live', 's-rest', 's-x', 's-y']) {
      assert.ok(r.kinds.some((k) => k.startsWith(`${state} `)), `${state} not drawn: ${r.kinds.join(', ')}`);
    }
    assert.ok(r.kinds.some((k) => k.includes('stale')), `no stale key drawn: ${r.kinds.join(', ')}`);
    assert.ok(r.kinds.some((k) => k === 'hash bit role-top') && r.kinds.some((k) => k === 'hash bit role-bucket'), `the hash panel's bits not drawn: ${r.kinds.join(', ')}`);
    assert.deepEqual(r.out, [], `${colorScheme}: slot text below 4.5:1 or 12px`);
    await screenshot(page, `layout-contrast-${colorScheme}-1024x768`);
    last?.close();
    last = page;
  }
  // A phone: the narration stays on screen with the map, touch targets
  // are 44 px, nothing scrolls inside the page.
  const phone = await openPage(env, { viewport: { width: 375, height: 812 } });
  await load(phone, GROWS['b2-3']);
  await phone.evaluate(() => window.goMapPlayground.app.seek(window.goMapPlayground.app.player.total - 20));
  const b = await boxes(phone);
  inside(b.narration, b.view, 'phone: narration');
  assert.ok(b.new.top < b.view.height && b.new.bottom > 0, 'phone: the map is on screen with the narration');
  assert.deepEqual(b.scrollers, [], 'phone: boxes that scroll inside the page');
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'phone: the page is wider than the screen');
  const small = await phone.evaluate(() => [...document.querySelectorAll('.transport button, .transport select')]
    .map((el) => el.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length);
  assert.equal(small, 0, 'phone: player buttons under 44 px');
  await screenshot(phone, 'layout-phone-375x812');
  await last.close();
  return phone;
}
