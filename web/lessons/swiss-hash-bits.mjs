// Lesson (Go 1.26): one 64-bit hash, three jobs. The top bits pick the
// directory entry (once there is more than one table: swiss-growth shows
// that), h1 (hash >> 7) picks the group the probe starts at, and
// h2 (the low 7 bits) is the control byte that screens slots before any key
// is compared. The toy hash (hash = key) and one pinned hash keep the
// arithmetic in the reader's head.
export default {
  id: 'swiss-hash-bits',
  title: 'Go 1.26: h1 and h2, what each bit of the hash does',
  summary: 'In the Swiss table the top bits pick a table, h1 picks the first group to probe, and h2 (7 bits) is the control byte that rules slots out without comparing keys.',
  setup: 'map[int64]int64\nversion 1.26\nhasher identity\nhint 28',
  steps: [
    {
      ops: 'set 5 1',
      say: 'This is Go 1.26\'s map, a Swiss table. make with a hint of 28 built one table of 32 slots: 4 groups of 8, under a directory of 1 entry. ' +
        'With the toy hash (hash = key), key 5 hashes to 5. ' +
        'h1 is the hash shifted right by 7, here 0, and its low bits pick the group where probing starts: group 0. ' +
        'h2 is the low 7 bits, 5, and becomes the control byte of the slot the key takes: slot 0 of group 0.',
      expect: {
        count: 1, dirLen: 1, globalDepth: 0, tables: 1, directory: [0],
        table: { 0: { capacity: 32, used: 1, localDepth: 0 } },
        slots: { '0.0.0': 5 }, entries: { '0.0.0': ['5', 1] },
        events: [{ e: 'hash', h1: '0000000000000000', h2: 5 }, { e: 'dirEntry', dirIndex: 0 }, { e: 'probeGroup', group: 0 }, { e: 'storeEntry', group: 0, slot: 0 }],
      },
    },
    {
      ops: 'set 389 2',
      say: 'Key 389 is 3 × 128 + 5. Its low 7 bits are again 5, so it has the same h2, but h1 = 389 shifted right by 7 bits = 3 sends it to group 3 of the same table. ' +
        'The bits that choose the group and the bits that make h2 do not overlap.',
      expect: {
        count: 2, slots: { '0.3.0': 5 }, entries: { '0.3.0': ['389', 2] },
        events: [{ e: 'hash', h1: '0000000000000003', h2: 5 }, { e: 'probeGroup', group: 3 }, { e: 'storeEntry', group: 3, slot: 0 }],
      },
    },
    {
      ops: 'hash 77 0xc000000000000305\nset 77 3',
      say: 'Here we pin key 77\'s hash to 0xc000000000000305. h1 is the hash shifted right by 7 bits, 0x0180000000000006: 57 bits, of which a table of 4 groups uses the low 2, giving group 2. ' +
        'h2 is 0x305 & 0x7f = 5 once more. The top bits, 11 here, would pick a directory entry, but with a directory of 1 entry there is nothing to pick: entry 0. Once a table splits, they choose the table (the growth lesson).',
      expect: {
        count: 3, slots: { '0.2.0': 5 }, entries: { '0.2.0': ['77', 3] },
        events: [{ e: 'hash', h1: '0180000000000006', h2: 5 }, { e: 'dirEntry', dirIndex: 0 }, { e: 'probeGroup', group: 2 }, { e: 'storeEntry', group: 2, slot: 0 }],
      },
    },
    {
      ops: 'set 1029 4',
      say: 'Key 1029 is 8 × 128 + 5: h1 = 8, and 8 masked to 4 groups is group 0 again, with h2 = 5 again. ' +
        'The probe reads group 0\'s control word: slot 0 has byte 5 too, so it compares the key in slot 0 (5, not equal), then takes the first empty slot, slot 1.',
      expect: {
        count: 4, slots: { '0.0.0': 5, '0.0.1': 5 }, entries: { '0.0.1': ['1029', 4] },
        events: [{ e: 'hash', h1: '0000000000000008', h2: 5 }, { e: 'probeGroup', group: 0 }, { e: 'compareKey', slot: 0, equal: false }, { e: 'storeEntry', group: 0, slot: 1 }],
      },
    },
    {
      ops: 'get 1029',
      say: 'Looking 1029 up: one comparison of its h2 against all 8 control bytes at once (matchH2) says slots 0 and 1 might hold it. ' +
        'Only those two keys are compared: slot 0 is 5, slot 1 is the key. Six slots were never touched.',
      expect: {
        result: '4 true',
        events: [{ e: 'probeGroup', group: 0 }, { e: 'compareKey', slot: 0, equal: false }, { e: 'compareKey', slot: 1, equal: true }, { e: 'found', group: 0, slot: 1 }],
      },
    },
    {
      ops: 'get 6',
      say: 'Key 6 also starts in group 0, but its h2 is 6 and no control byte there is 6. Not one key is compared. ' +
        'And the group has empty slots (0x80), which ends the probe: 6 is not in the map. h2 costs 7 bits a slot and saves almost every key comparison of a miss.',
      expect: {
        result: '0 false',
        events: [{ e: 'hash', h2: 6 }, { e: 'probeGroup', group: 0 }, { e: 'notFound', group: 0 }],
        noEvents: [{ e: 'compareKey' }],
      },
    },
  ],
};
