// Lesson (Go 1.26): probing visits whole groups in a triangular sequence,
// and the first group with an empty slot ends a search. Keys are chosen with
// the toy hash so that their home groups are plain to read: key = 1024·j + j
// starts in group 0 of an 8-group table, 128 + j in group 1.
export default {
  id: 'swiss-probing',
  title: 'Go 1.26: probing over groups, and why an empty slot ends it',
  summary: 'A lookup reads one group of 8 at a time, in the order h1, h1+1, h1+3, h1+6, ...; a group with an empty slot proves the key is not further on.',
  setup: 'map[int64]int64\nversion 1.26\nhasher identity\nhint 50',
  steps: [
    {
      ops: 'set 1025 1\nset 2050 2\nset 3075 3\nset 4100 4\nset 5125 5\nset 6150 6\nset 7175 7\nset 8200 8',
      say: 'A table of 64 slots: 8 groups of 8 (hint 50, toy hash: hash = key). Keys 1025, 2050, ... 8200 are 1024 × j + j: h1 = key shifted right by 7 bits is a multiple of 8, so all eight start at group 0, ' +
        'and each has a different h2 (1 to 8). They fill group 0: no slot of it is empty now.',
      expect: {
        count: 8, table: { 0: { capacity: 64, used: 8, growthLeft: 48 } },
        slots: { '0.0.0': 1, '0.0.2': 3, '0.0.7': 8 }, entries: { '0.0.0': '1025', '0.0.7': '8200' },
      },
    },
    {
      ops: 'set 9225 9',
      say: 'Key 9225 also starts at group 0. Group 0 has no slot with h2 9 and no empty slot, so the key may live further on: the probe moves to the next group, group 1, finds it empty and takes slot 0 there.',
      expect: {
        count: 9, slots: { '0.1.0': 9 }, entries: { '0.1.0': '9225' },
        events: [{ e: 'probeGroup', group: 0 }, { e: 'probeGroup', group: 1 }, { e: 'storeEntry', group: 1, slot: 0 }],
      },
    },
    {
      ops: 'set 129 11\nset 130 12\nset 131 13\nset 132 14\nset 133 15\nset 134 16\nset 135 17',
      say: 'Keys 129 to 135 belong in group 1 (h1 = 1). They take its 7 free slots beside 9225, the key that spilled over from group 0. Groups 0 and 1 are both full.',
      expect: {
        count: 16, entries: { '0.1.1': '129', '0.1.7': '135' }, slots: { '0.1.1': 1, '0.1.7': 7 },
        table: { 0: { used: 16, growthLeft: 40 } },
      },
    },
    {
      ops: 'set 10250 10',
      say: 'Key 10250 starts at group 0 again. The probe steps are 1, 2, 3, ... groups, added up: group 0, then 0 + 1 = 1, then 1 + 2 = 3. Groups 0 and 1 are full, so it lands in group 3, not group 2. ' +
        'With a power-of-two number of groups, this triangular sequence visits every group exactly once.',
      expect: {
        count: 17, entries: { '0.3.0': '10250' }, slots: { '0.3.0': 10 },
        events: [{ e: 'probeGroup', group: 0 }, { e: 'probeGroup', group: 1 }, { e: 'probeGroup', group: 3 }, { e: 'storeEntry', group: 3, slot: 0 }],
        noEvents: [{ e: 'probeGroup', group: 2 }],
      },
    },
    {
      ops: 'get 11275',
      say: 'Looking up 11275, which is not in the map: it reads groups 0, 1 and 3. Group 3 has empty slots. An insert of this key would have stopped at that group and used one of them, so the key cannot be anywhere further: the lookup ends with not found after 3 groups and no key compared.',
      expect: {
        result: '0 false',
        events: [{ e: 'probeGroup', group: 0 }, { e: 'probeGroup', group: 1 }, { e: 'probeGroup', group: 3 }, { e: 'notFound', group: 3 }],
        noEvents: [{ e: 'compareKey' }, { e: 'probeGroup', group: 6 }],
      },
    },
    {
      ops: 'del 3075',
      say: 'Now delete 3075 from group 0. Emptying its slot would be a lie: lookups of 9225 and 10250 would stop at group 0 and miss keys that are really further on. ' +
        'So, because group 0 has no empty slot, the slot becomes a tombstone: control byte 0xFE, deleted but still blocking. tombstonePossible turns true.',
      expect: {
        count: 16, tombstonePossible: true, slots: { '0.0.2': 254 }, table: { 0: { tombstones: 1, growthLeft: 39 } },
        events: [{ e: 'deleteTombstone', group: 0, slot: 2 }],
      },
    },
    {
      ops: 'get 10250\ndel 10250',
      say: 'The lookup of 10250 walks past the tombstone in group 0 as if the slot were full, and finds its key in group 3. ' +
        'Deleting it there is different: group 3 has empty slots, so no probe ever went past it, and its slot goes straight back to empty (0x80). growthLeft gets the slot back.',
      expect: {
        count: 15, slots: { '0.3.0': 128, '0.0.2': 254 }, table: { 0: { tombstones: 1, growthLeft: 40 } },
        events: [{ e: 'found', group: 3, slot: 0 }, { e: 'deleteEmpty', group: 3, slot: 0 }],
      },
    },
  ],
};
