// Lesson: the tophash byte. `hash K H` pins exact hashes so that the top
// bytes (and one collision of them) are chosen, not found by luck. A string
// map is used because string comparisons are the ones worth avoiding, and
// B = 1 so that lookups take the hashed path (at B = 0 short string keys are
// compared directly, without hashing).
export default {
  id: 'tophash',
  title: 'Tophash: one byte that saves a comparison',
  summary: 'Each slot keeps the top 8 bits of its key\'s hash, so most non-matching slots are rejected without comparing keys.',
  setup: 'map[string]int64\nhasher go114\nseed 0\nhint 9',
  steps: [
    {
      ops: 'hash apple 0x2a00000000000000\nset apple 1',
      say: 'We pin the hash of "apple" to 2a00000000000000. Its lowest bit is 0, so at B = 1 it goes to bucket 0. ' +
        'Besides the key and value, the bucket stores one byte per slot: the top 8 bits of the hash, 0x2a = 42. This byte is the tophash.',
      expect: { B: 1, count: 1, slots: { '0.0.0': 42 }, entries: { '0.0.0': ['apple', 1] } },
    },
    {
      ops: 'hash lime 0x0300000000000000\nset lime 2',
      say: '"lime" hashes to 0300000000000000, whose top byte is 3. But the values 0 to 4 are reserved as markers for empty and moved slots, ' +
        'so a real tophash below 5 gets 5 added: "lime" is stored with tophash 8.',
      expect: { count: 2, slots: { '0.0.1': 8 }, entries: { '0.0.1': 'lime' } },
    },
    {
      ops: 'hash kiwi 0x0800000000000002\nset kiwi 3',
      say: '"kiwi" has a top byte of 8, honestly. Now two different keys in bucket 0 share tophash 8. ' +
        'When inserting, the map compared tophashes slot by slot; at "lime" they matched, so it had to compare the strings themselves. They differ, so "kiwi" took the next free slot.',
      expect: {
        count: 3, slots: { '0.0.1': 8, '0.0.2': 8 }, entries: { '0.0.2': 'kiwi' },
        events: [{ e: 'compareTophash', slot: 1, value2: 1 }, { e: 'compareKey', slot: 1, value: 0 }, { e: 'claimSlot', slot: 2 }],
      },
    },
    {
      ops: 'hash plum 0x9100000000000004\nset plum 4',
      say: '"plum" gets tophash 0x91 = 145 and slot 3.',
      expect: { count: 4, slots: { '0.0.3': 145 }, entries: { '0.0.3': 'plum' } },
    },
    {
      ops: 'get plum',
      say: 'Looking up "plum": the map computes its tophash, 145, and walks the bucket. Slots 0, 1 and 2 hold 42, 8 and 8, so they are skipped after a one-byte check. ' +
        'Slot 3 matches, and only there are the strings compared. One string comparison for a bucket of four keys.',
      expect: {
        result: '4 true',
        events: [
          { e: 'compareTophash', slot: 0, tophash: 42, value: 145, value2: 0 }, { e: 'compareTophash', slot: 1, tophash: 8, value: 145, value2: 0 },
          { e: 'compareTophash', slot: 2, tophash: 8, value: 145, value2: 0 }, { e: 'compareTophash', slot: 3, tophash: 145, value: 145, value2: 1 },
          { e: 'compareKey', slot: 3, value: 1 }, { e: 'found', slot: 3 },
        ],
        noEvents: [{ e: 'compareKey', slot: 0 }, { e: 'compareKey', slot: 1 }, { e: 'compareKey', slot: 2 }],
      },
    },
    {
      ops: 'get kiwi',
      say: 'Looking up "kiwi" costs more: its tophash 8 also matches "lime" in slot 1, so the map compares "lime" with "kiwi", finds them different, and only then reaches slot 2. ' +
        'Equal tophashes mean nothing by themselves; the key comparison decides.',
      expect: {
        result: '3 true',
        events: [
          { e: 'compareTophash', slot: 1, tophash: 8, value: 8, value2: 1 }, { e: 'compareKey', slot: 1, value: 0 },
          { e: 'compareTophash', slot: 2, tophash: 8, value: 8, value2: 1 }, { e: 'compareKey', slot: 2, value: 1 }, { e: 'found', slot: 2 },
        ],
      },
    },
    {
      ops: 'hash pear 0x7700000000000006\nget pear',
      say: '"pear" is not in the map. Its tophash, 0x77 = 119, matches no slot, so the lookup looks at all 8 tophash bytes and compares no string at all before answering not found.',
      expect: {
        result: '0 false',
        events: [{ e: 'compareTophash', slot: 0, value: 119, value2: 0 }, { e: 'compareTophash', slot: 7, value: 119, value2: 0 }, { e: 'notFound' }],
        noEvents: [{ e: 'compareKey' }],
      },
    },
    {
      ops: 'hash fig 0x0100000000000001\nset fig 5',
      say: '"fig" has top byte 1, so its tophash is 1 + 5 = 6, and its hash is odd, so it goes to bucket 1. ' +
        'Because 0 to 4 are folded into 5 to 9, those five tophash values turn up twice as often as the others; a small price for having the markers.',
      expect: { count: 5, slots: { '1.0.0': 6 }, entries: { '1.0.0': ['fig', 5] } },
    },
  ],
};
