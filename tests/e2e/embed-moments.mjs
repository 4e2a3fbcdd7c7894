// Three standard moments an embed is measured at (the embed-fit flow and
// the bench): the first grow, an evacuation in the middle of a grow, and
// overflow chains. Fragments in the permalink grammar for embed.html.
export const EMBED_MOMENTS = [
  { name: 'first grow (B 0 → 1)', fragment: 'v=1&type=map[int64]int64&seed=1&ops=fill+8;+set+9+9&step=2.3' },
  { name: 'evacuation (B 2 → 3)', fragment: 'v=1&type=map[string]int64&seed=7&ops=fill+26;+set+apple+1;+set+banana+2;+del+k5&step=3.4' },
  { name: 'overflow chains', fragment: 'v=1&type=map[int64]int64&seed=5&hint=53&ops=collide+3+12;+collide+7+9;+collide+7+8&step=3' },
];

/**
 * Opens each moment's embed page at `width` and steps through its whole
 * timeline with the element's own buttons, reading the element's height at
 * each step. → [{ name, first, min, max, steps }]
 */
export async function embedHeights(env, { width = 700, height = 900, maxSteps = 80 } = {}) {
  const out = [];
  for (const m of EMBED_MOMENTS) {
    const page = await env.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${env.url}embed.html#${m.fragment}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await page.waitForFunction(() => document.getElementById('viz').model !== null);
    // The element measures its timeline's tallest moment in slices once
    // visible; wait until the height it keeps has settled.
    let last = '';
    for (let still = 0; still < 3;) {
      await page.waitForTimeout(200);
      const now = await page.evaluate(() => document.getElementById('viz').shadowRoot.querySelector('.viz').style.minHeight);
      still = now === last ? still + 1 : 0;
      last = now;
    }
    const h = () => page.evaluate(() => Math.round(document.getElementById('viz').getBoundingClientRect().height));
    const first = await h();
    const heights = [first];
    await page.getByRole('button', { name: 'To the start' }).click();
    heights.push(await h());
    const forward = page.getByRole('button', { name: 'Step forward' });
    let steps = 0;
    while (steps < maxSteps && !(await forward.isDisabled())) {
      await forward.click();
      heights.push(await h());
      steps++;
    }
    const shrank = heights.some((v, i) => i > 0 && v < heights[i - 1]);
    out.push({ name: m.name, first, min: Math.min(...heights), max: Math.max(...heights), shrank, steps, page });
  }
  return out;
}
