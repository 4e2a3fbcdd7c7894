// Lesson (Go 1.26): tombstones pile up in full groups, and an insert that
// finds growthLeft at 0 first tries to prune them (map[int64] is assigned by
// mapassign_fast64, which prunes). Its twin, swiss-generic-churn, plays the
// same churn with the same hashes on map[[16]byte]int64, which does not.
export default {
  id: 'swiss-tombstones',
  title: 'Go 1.26: tombstones, and pruning them instead of growing',
  summary: 'Deleting from a full group leaves a tombstone that still costs a slot; when an insert runs out of room, map[int64] first tries to turn unneeded tombstones back into empty slots.',
  setup: 'map[int64]int64\nversion 1.26\nhasher identity\nhint 14',
  steps: [
    {
      ops: 'fill 8\nset 128 128\nset 129 129\nset 130 130\nset 131 131\nset 132 132\nset 133 133',
      say: 'One table of 16 slots: 2 groups (hint 14, toy hash: hash = key). Keys 1 to 8 start at group 0 and fill it; keys 128 to 133 start at group 1 (h1 = 1) and take 6 of its 8 slots. ' +
        'That is 14 entries, 7/8 of 16: growthLeft is 0, the table has no room left for a new entry in an empty slot.',
      expect: {
        count: 14, table: { 0: { capacity: 16, used: 14, growthLeft: 0, tombstones: 0 } },
        entries: { '0.0.0': '1', '0.0.7': '8', '0.1.0': '128', '0.1.5': '133' }, slots: { '0.1.6': 128, '0.1.7': 128 },
      },
    },
    {
      ops: 'del 1\ndel 2',
      say: 'Delete keys 1 and 2. Group 0 has no empty slot, so both slots become tombstones (0xFE) rather than empty. A tombstone gives nothing back: growthLeft stays 0, and the table now counts 2 tombstones.',
      expect: {
        count: 12, tombstonePossible: true, slots: { '0.0.0': 254, '0.0.1': 254 },
        table: { 0: { used: 12, growthLeft: 0, tombstones: 2 } },
        events: [{ e: 'deleteTombstone', group: 0, slot: 0 }, { e: 'deleteTombstone', group: 0, slot: 1 }],
      },
    },
    {
      ops: 'set 134 134',
      say: 'Insert key 134. Its probe starts at group 1, which has empty slots, and passes no tombstone on the way, so it needs an empty slot, and growthLeft is 0. ' +
        'Before growing, the map tries to prune. 2 tombstones are at least a tenth of 16 slots, so it checks, key by key, whether any live key\'s probe passes through group 0 to reach its own group. None does: every key in group 0 starts there. ' +
        'So the 2 tombstones are not needed, and they become empty slots again: growthLeft 2, then 1 after the insert. The table keeps its 16 slots.',
      expect: {
        count: 13, slots: { '0.0.0': 128, '0.0.1': 128, '0.1.6': 6 }, entries: { '0.1.6': '134' },
        table: { 0: { capacity: 16, used: 13, growthLeft: 1, tombstones: 0 } },
        events: [{ e: 'pruneStart', tombstones: 2 }, { e: 'pruneResult', freed: 2 }, { e: 'storeEntry', group: 1, slot: 6 }],
        noEvents: [{ e: 'rehash' }],
      },
    },
    {
      ops: 'del 3\nset 135 135',
      say: 'Now group 0 has empty slots, so deleting 3 empties its slot directly and gives growthLeft one back (2). Key 135 takes group 1\'s last slot. ' +
        'Churn of this kind, delete one and insert another, can go on for ever in a table of 16 slots: a map[int64] only grows when it really holds more entries.',
      expect: {
        count: 13, slots: { '0.0.2': 128, '0.1.7': 7 }, table: { 0: { capacity: 16, used: 13, growthLeft: 1, tombstones: 0 } },
        events: [{ e: 'deleteEmpty', group: 0, slot: 2 }, { e: 'storeEntry', group: 1, slot: 7 }],
      },
    },
  ],
};
