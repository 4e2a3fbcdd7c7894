// Lesson: delete, the two kinds of empty slot, and how emptyRest spreads
// backwards, across an overflow bucket into its primary bucket.
export default {
  id: 'delete',
  title: 'Delete: emptyOne, emptyRest, and the walk backwards',
  summary: 'A deleted slot is marked emptyOne, or emptyRest when nothing lives after it, which lets searches stop early.',
  setup: 'map[int64]int64\nhasher identity\nhint 14',
  steps: [
    {
      ops: 'set 4 1; set 8 2; set 12 3; set 16 4; set 20 5; set 24 6; set 28 7; set 32 8; set 36 9',
      say: 'Four buckets (B = 2), and nine keys that are all multiples of 4, so all in bucket 0 (toy hash: hash = key). Eight fill bucket 0, and 36 goes into an overflow bucket. ' +
        'Every never-used slot shows tophash 0. That value has a meaning: emptyRest, "this slot is empty and so is everything after it in the chain".',
      expect: { count: 9, B: 2, noverflow: 1, chains: { 0: 2 }, entries: { '0.0.7': '32', '0.1.0': '36' }, slots: { '0.1.1': 0, '0.1.7': 0 } },
    },
    {
      ops: 'del 32',
      say: 'Deleting 32 empties slot 7 of bucket 0. The value is zeroed; the int64 key\'s bytes are left where they are, since only the tophash says whether a slot is in use. The tophash becomes 1, emptyOne: ' +
        '"empty, but keep looking", because 36 still lives further along the chain, in the overflow bucket.',
      expect: { count: 8, slots: { '0.0.7': 1 }, entries: { '0.1.0': '36' }, events: [{ e: 'found', slot: 7 }, { e: 'markEmptyOne', slot: 7 }], noEvents: [{ e: 'promoteEmptyRest' }] },
    },
    {
      ops: 'del 28',
      say: 'Deleting 28 does the same to slot 6: emptyOne, since slot 7 after it is not emptyRest.',
      expect: { count: 7, slots: { '0.0.6': 1, '0.0.7': 1 }, noEvents: [{ e: 'promoteEmptyRest' }] },
    },
    {
      ops: 'del 36',
      say: 'Now delete 36, the only key in the overflow bucket. Its slot is the last live one in the chain, so it becomes emptyRest (0) straight away. ' +
        'Then the map walks backwards: it crosses from the overflow bucket into bucket 0, finds slot 7 emptyOne and turns it into emptyRest, then slot 6 the same, and stops at slot 5, where 24 still lives.',
      expect: {
        count: 6, slots: { '0.1.0': 0, '0.0.7': 0, '0.0.6': 0, '0.0.5': 5 }, entries: { '0.0.5': '24' }, chains: { 0: 2 },
        events: [
          { e: 'markEmptyOne', slot: 0 }, { e: 'promoteEmptyRest', slot: 0 },
          { e: 'promoteEmptyRest', slot: 7 }, { e: 'promoteEmptyRest', slot: 6 },
        ],
      },
    },
    {
      ops: 'del 12',
      say: 'Deleting 12 from the middle (slot 2) leaves a hole: emptyOne, because 16, 20 and 24 come after it. ' +
        'The overflow bucket is still linked and still counted in noverflow: Go never frees overflow buckets on delete, and a map never shrinks.',
      expect: { count: 5, slots: { '0.0.2': 1 }, entries: { '0.0.3': '16', '0.0.4': '20', '0.0.5': '24' }, chains: { 0: 2 }, noverflow: 1 },
    },
    {
      ops: 'set 40 10',
      say: 'Inserting 40 (bucket 0 again): the map remembers the first empty slot it passes, the hole at slot 2, but keeps scanning in case 40 is already further on. ' +
        'It may stop at the first emptyRest, slot 6, because nothing lives beyond it. Then 40 goes into the hole.',
      expect: {
        count: 6, entries: { '0.0.2': ['40', 10] }, slots: { '0.0.6': 0 },
        events: [{ e: 'stopAtEmptyRest', slot: 6 }, { e: 'claimSlot', slot: 2 }],
      },
    },
    {
      ops: 'get 28',
      say: 'And 28 is gone: the lookup answers the zero value and false.',
      expect: { result: '0 false', count: 6 },
    },
  ],
};
