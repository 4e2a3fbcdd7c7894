// Which cells and buckets the current micro-step is about. Events carry
// bucket addresses, so each mark lands on exactly the bucket (primary or
// overflow, old or new array) whose bytes the step read or wrote.
import { MIN_TOP_HASH } from '../player/tophash.mjs';

const hexNum = (v) => Number(BigInt('0x' + (v || '0')));

export class Marks {
  constructor() {
    this.cells = new Map();   // "addr:slot" → Set of classes
    this.buckets = new Map(); // addr → Set of classes
    this.focus = null;        // the bucket address the step is about
  }

  cell(a, slot, ...classes) {
    const k = `${a}:${slot}`;
    if (!this.cells.has(k)) this.cells.set(k, new Set());
    for (const c of classes) this.cells.get(k).add(c);
    this.focus ??= a;
  }

  bucket(a, ...classes) {
    if (!a || a === '0') return;
    if (!this.buckets.has(a)) this.buckets.set(a, new Set());
    for (const c of classes) this.buckets.get(a).add(c);
    this.focus ??= a;
  }
}

// The destination cell of an evacuated entry: its chain in the new array,
// the bucket of that chain where slot `dslot` is the one just filled (the
// last bucket with a live entry there, since evacuation packs from slot 0).
function destination(model, index, dslot) {
  const arr = model.newArray;
  const chain = arr?.chains[index - arr.from];
  if (!chain) return null;
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].t[dslot] >= MIN_TOP_HASH) return chain[i].addr;
  return chain[0].addr;
}

function primaryOf(model, old, index) {
  const arr = old ? model.oldArray : model.newArray;
  return arr?.chains[index - arr.from]?.[0]?.addr ?? null;
}

// The micro-steps whose marks follow from the event alone: the classes of
// the bucket it names (e.addr) and of its slot there (e.slot). The others,
// whose marks depend on a value, the model or the next step, are marksFor's
// switch.
const PLAIN_MARKS = {
  pickBucket: { bucket: ['hl-pick'] },
  checkOldBucket: { bucket: ['hl-pick'] },
  stopAtEmptyRest: { bucket: ['hl-scan'], cell: ['hl-stop'] },
  found: { cell: ['hl-found'] },
  claimSlot: { cell: ['hl-write'] },
  updateKey: { cell: ['hl-write'] },
  markEmptyOne: { cell: ['hl-write'] },
  promoteEmptyRest: { cell: ['hl-write'] },
  allocFirstBucket: { bucket: ['hl-new'] },
  evacuateEmpty: { bucket: ['hl-evac'], cell: ['hl-src'] },
  clearOldBucket: { bucket: ['hl-cleared'] },
  iterBucket: { bucket: ['hl-iter'] },
  iterSkip: { bucket: ['hl-iter'], cell: ['hl-probe', 'hl-miss'] },
  iterYield: { bucket: ['hl-iter'], cell: ['hl-found', 'hl-cursor'] },
};

/**
 * @param {ReturnType<import('../player/player.mjs').Player['frame']>} frame the player's frame
 * @param {ReturnType<typeof import('./map-model.mjs').readModel>} model readModel()
 * @param {import('../../wasm/gomap').Header['iterator']} iterator header().iterator, for the done step of a loop
 */
export function marksFor(frame, model, iterator) {
  const m = new Marks();
  if (frame.phase === 'done') {
    doneMarks(m, frame, model, iterator);
    return m;
  }
  const e = frame.event;
  if (!e) return m;
  const plain = Object.hasOwn(PLAIN_MARKS, e.e) ? PLAIN_MARKS[e.e] : null;
  if (plain) {
    if (plain.bucket) m.bucket(e.addr, ...plain.bucket);
    if (plain.cell) m.cell(e.addr, e.slot, ...plain.cell);
    return m;
  }
  switch (e.e) {
    case 'compareTophash':
    case 'compareKey':
      m.bucket(e.addr, 'hl-scan');
      m.cell(e.addr, e.slot, 'hl-probe', e.value2 === 1 || (e.e === 'compareKey' && e.value === '1') ? 'hl-match' : 'hl-miss');
      break;
    case 'overflowPrealloc':
    case 'overflowFresh':
      m.bucket(e.addr, 'hl-new');
      m.bucket(e.value, 'hl-pick');
      break;
    case 'evacuateBucket': {
      m.bucket(e.addr, 'hl-evac');
      if (e.value !== '1' && model.oldArray) {
        m.bucket(primaryOf(model, false, e.bucket), 'hl-dest-x');
        if (!model.oldArray.sameSize) m.bucket(primaryOf(model, false, e.bucket + model.oldArray.n), 'hl-dest-y');
      }
      break;
    }
    case 'evacuateEntry': {
      const useY = (e.value2 >> 8) & 1;
      m.cell(e.addr, e.slot, 'hl-src');
      const d = destination(model, hexNum(e.value), e.value2 & 0xff);
      if (d) m.cell(d, e.value2 & 0xff, 'hl-write', useY ? 'hl-dest-y' : 'hl-dest-x');
      m.bucket(e.addr, 'hl-evac');
      break;
    }
    case 'hashKey': {
      // A rehash during evacuation is about the entry the next step moves.
      const next = frame.events?.[frame.step + 1];
      if (e.fn === 'evacuate' && next?.e === 'evacuateEntry') {
        m.bucket(next.addr, 'hl-evac');
        m.cell(next.addr, next.slot, 'hl-probe');
      }
      break;
    }
    default:
      break;
  }
  return m;
}

function doneMarks(m, frame, model, iterator) {
  const events = frame.events ?? [];
  const last = [...events].reverse().find((e) => ['claimSlot', 'found', 'iterYield', 'markEmptyOne'].includes(e.e));
  if (last) {
    const cls = last.e === 'iterYield' ? ['hl-found', 'hl-cursor'] : ['hl-result'];
    if (last.e !== 'found' || model.index.has(last.addr)) m.cell(last.addr, last.slot, ...cls);
    return;
  }
  // A loop's cursor rests on the slot it yielded last (i counts one past it).
  if (iterator && !iterator.done && (frame.kind === 'range' || frame.kind === 'next')) {
    m.bucket(iterator.bptr, 'hl-iter');
    m.cell(iterator.bptr, ((iterator.i - 1) + iterator.offset) & 7, 'hl-cursor');
  }
}
