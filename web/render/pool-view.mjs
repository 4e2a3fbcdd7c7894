// The preallocated overflow buckets (spec §3.3, §4.8): when an array is
// made for B ≥ 4, extra buckets are allocated after the 2^B primary ones and
// handed out in order by newoverflow. Drawn as a row of small boxes: used
// ones say which chain took them, nextOverflow points at the next free one.
import { h, clear } from './dom.mjs';

export class PoolView {
  constructor() {
    this.summary = h('p', { class: 'pool-summary' });
    this.list = h('ol', { class: 'pool-list' });
    this.root = h('section', { class: 'pool', 'aria-label': 'preallocated overflow buckets' },
      h('h3', { class: 'pool-title', text: 'overflow pool' }), this.summary, this.list);
    this.key = '';
  }

  update(pool, marks) {
    this.root.hidden = !pool;
    if (!pool) return;
    const key = pool.buckets
      ? pool.buckets.map((b) => `${b.used ? 1 : 0}${b.chain}${b.next ? 'n' : ''}`).join() + [...(marks?.buckets.keys() ?? [])].join()
      : `${pool.total}/${pool.unused}`;
    if (key === this.key) return;
    this.key = key;
    this.summary.textContent = `${pool.total.toLocaleString('en-US')} preallocated after the primary buckets; ${pool.unused.toLocaleString('en-US')} unused.`;
    clear(this.list);
    if (!pool.buckets) {
      // Too many to draw one by one: how far nextOverflow has got.
      const used = pool.total - pool.unused;
      const fill = h('span', { class: 'pool-meter-fill' });
      fill.style.width = `${(used / pool.total) * 100}%`;
      this.list.append(h('li', { class: 'pool-meter', title: `${used} handed out, nextOverflow at the next one` }, fill));
      return;
    }
    const shown = pool.buckets;
    for (const b of shown) {
      const label = b.used ? (b.chain !== null ? `→ ${b.chain}` : 'used') : 'free';
      const li = h('li', {
        class: `pool-bucket ${b.used ? 'is-used' : 'is-free'}${b.next ? ' is-next' : ''}${marks?.buckets.has(b.addr) ? ' hl-new' : ''}`,
        title: `0x${b.addr}${b.used ? (b.chain !== null ? `, overflow bucket in chain ${b.chain}` : ', in use') : ', not handed out yet'}${b.next ? ' — nextOverflow points here' : ''}`,
      }, label);
      this.list.append(li);
    }
  }
}
