// Lesson (Go 1.26): a map of up to 8 entries is one group with no table and
// no directory; it never needs tombstones; and any assignment to a full
// small map, even an update of a key it holds, turns it into a table.
export default {
  id: 'swiss-small-map',
  title: 'Go 1.26: the small map, and the update that grows it',
  summary: 'Up to 8 entries live in one group with no directory; deletes there never leave tombstones; and assigning to a full small map, even to a key it already holds, makes it a table of 16 slots.',
  setup: 'map[int64]int64\nversion 1.26\nhasher identity',
  steps: [
    {
      ops: 'fill 8',
      say: 'Keys 1 to 8 (toy hash: hash = key). The first insert allocated one group of 8 slots and nothing else: dirLen is 0, there is no directory and no table. ' +
        'Each key took the lowest empty slot, and its control byte is its h2, the key itself here.',
      expect: {
        count: 8, small: true, dirLen: 0, tables: 0,
        slots: { 'small.0.0': 1, 'small.0.7': 8 }, entries: { 'small.0.0': ['1', 1], 'small.0.7': ['8', 8] },
        events: [{ e: 'growToSmall' }, { e: 'storeEntry', slot: 0 }],
      },
    },
    {
      ops: 'del 3',
      say: 'Delete key 3. In a table, a full group would get a tombstone here. A small map is one group and nothing ever probes past it, so the slot simply becomes empty (0x80): tombstonePossible stays false.',
      expect: {
        count: 7, small: true, tombstonePossible: false, slots: { 'small.0.2': 128 },
        events: [{ e: 'deleteEmpty', slot: 2 }],
      },
    },
    {
      ops: 'set 100 100',
      say: 'Key 100 takes the lowest empty slot, slot 2, the one key 3 left. The group is full again: 8 entries, still small.',
      expect: { count: 8, small: true, slots: { 'small.0.2': 100 }, entries: { 'small.0.2': ['100', 100] } },
    },
    {
      ops: 'get 7',
      say: 'A lookup of 7. For a small map[int64] the runtime does not even hash the key: comparing up to 8 int64 keys is cheaper. It compares slot by slot and finds 7 in slot 6.',
      expect: {
        result: '7 true',
        events: [{ e: 'skipHash' }, { e: 'compareKey', slot: 0 }, { e: 'found', slot: 6 }],
        noEvents: [{ e: 'hash' }],
      },
    },
    {
      ops: 'set 5 55',
      say: 'Now set key 5, which is already in the map: only its element changes, and the count stays 8. Yet the map grows. Assigning to a small map that holds 8 entries turns it into a table first, without looking for the key: ' +
        'a table of 16 slots (2 groups, growthLeft 14), the 8 entries copied in slot order, dirLen 1. Only then is 5 found and its element set to 55.',
      expect: {
        count: 8, small: false, dirLen: 1, globalDepth: 0, tables: 1,
        table: { 0: { capacity: 16, used: 8, growthLeft: 6 } },
        entries: { '0.0.4': ['5', 55], '0.0.2': ['100', 100] },
        events: [{ e: 'growToTable' }, { e: 'moveEntry', fromSlot: 0, destGroup: 0, destSlot: 0 }, { e: 'moveEntry', fromSlot: 7, destGroup: 0, destSlot: 7 }, { e: 'found', group: 0, slot: 4 }],
      },
    },
    {
      ops: 'del 1\nclear',
      say: 'The map never goes back. Deleting key 1 now leaves a tombstone, because group 0 of the table is full. And clear empties every group, counts clearSeq up to 1 and draws a new seed, but keeps the table of 16 slots: dirLen stays 1.',
      expect: {
        count: 0, small: false, dirLen: 1, clearSeq: 1, tombstonePossible: false,
        table: { 0: { capacity: 16, used: 0, growthLeft: 14 } },
        events: [{ e: 'deleteTombstone', group: 0, slot: 0 }, { e: 'clearMap' }, { e: 'reseed' }],
      },
    },
  ],
};
