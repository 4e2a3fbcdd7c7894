// The iterator (hiter, spec §2.4 and §5): where the loop started, where
// its cursor is, whether it has wrapped, and the keys yielded so far.
import { h, setText, clear } from './dom.mjs';

const MAX_KEYS = 200;

export class IterView {
  constructor() {
    this.state = h('dl', { class: 'iter-state' });
    this.fields = {};
    for (const [name, label] of [['start', 'started at'], ['cursor', 'cursor'], ['wrapped', 'wrapped'], ['check', 'checkBucket']]) {
      const dd = h('dd');
      const box = h('div', {}, h('dt', { text: label }), dd);
      this.fields[name] = { box, dd };
      this.state.append(box);
    }
    this.yieldTitle = h('p', { class: 'iter-yield-title' });
    this.keys = h('ol', { class: 'iter-keys' });
    this.root = h('div', { class: 'iter-view' }, this.state, this.yieldTitle, this.keys);
    this.keyKey = '';
  }

  /**
   * @param {{ it: import('../../wasm/gomap').Header['iterator']|null, yielded: {kind: string, from: number, keys: string[]}|null,
   *           event: import('../../wasm/gomap').TraceEvent|null, keyIsText: boolean, where: (addr: string) => string }} what
   *   it: header().iterator; event: the current trace event (mid-step)
   */
  update({ it, yielded, event, keyIsText, where }) {
    const show = (name, text) => {
      this.fields[name].box.hidden = text === null;
      if (text !== null) setText(this.fields[name].dd, text);
    };
    const midStep = event && event.fn.startsWith('mapiter') && event.addr !== '0';
    const cursor = midStep ? `${where(event.addr)}, slot ${event.slot}`
      : yielded?.kind === 'iter' ? 'the loop ran to the end'
        : !it ? '—'
          : it.done ? 'done: every bucket visited'
            : `${where(it.bptr)}, slot ${((it.i - 1) + it.offset) & 7} (yielded last)`;
    show('cursor', cursor);
    const range = it && yielded?.kind !== 'iter';
    show('start', range ? `bucket ${it.startBucket}, slot offset ${it.offset}` : null);
    show('wrapped', range ? (it.wrapped ? 'yes' : 'no') : null);
    show('check', range ? (it.checkBucket === 'ffffffffffffffff' ? 'none' : `only keys of bucket ${parseInt(it.checkBucket, 16)}`) : null);
    const keys = yielded?.keys ?? [];
    const k = `${yielded?.kind}/${yielded?.from}/${keys.length}`;
    if (k === this.keyKey) return;
    this.keyKey = k;
    setText(this.yieldTitle, keys.length ? `Yielded ${keys.length} key${keys.length === 1 ? '' : 's'}${yielded.kind === 'iter' ? ' (whole loop)' : ''}:` : 'Nothing yielded yet.');
    clear(this.keys);
    const from = Math.max(0, keys.length - MAX_KEYS);
    if (from > 0) this.keys.append(h('li', { class: 'more', text: `… ${from} earlier` }));
    keys.slice(from).forEach((key, i) => this.keys.append(h('li', { value: String(from + i + 1), text: keyIsText ? JSON.stringify(key) : key })));
  }
}
