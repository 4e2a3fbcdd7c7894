// Lesson (Go 1.26): a table grows all at once, in the insert that finds no
// room; past 1024 slots it splits in two by one more bit of the hash, and
// the directory doubles to tell them apart. Go 1.14's bucket map instead
// moved two old buckets per write (the growth lesson). Real hashes here
// (go126, seed pinned), so the split's left/right counts are the model's.
export default {
  id: 'swiss-growth',
  title: 'Go 1.26: growing all at once, and splitting with the directory',
  summary: 'A Swiss table doubles in one insert, moving every entry at once; past 1024 slots it splits into two tables by a bit of the hash instead, and the directory doubles to point at both.',
  setup: 'map[int64]int64\nversion 1.26\nseed 1',
  steps: [
    {
      ops: 'fill 14',
      say: 'Keys 1 to 14 with Go 1.26\'s real hash (seed pinned to 1). The 9th insert turned the small map into a table of 16 slots; 14 entries is 7/8 of 16, so growthLeft is now 0.',
      expect: { count: 14, dirLen: 1, tables: 1, table: { 0: { capacity: 16, used: 14, growthLeft: 0 } } },
    },
    {
      ops: 'set 15 15',
      say: 'Key 15 finds no room. There are no tombstones to prune, so the table is rehashed: a new table of 32 slots is built, and all 14 entries are moved into it, one after the other, inside this one insert. Only then is key 15 stored. ' +
        'Go 1.14\'s map did it the other way round: a doubling moved at most two old buckets per write and could stay half done for a long time (the lesson on evacuation). In Go 1.26 a table is never half grown.',
      expect: {
        count: 15, table: { 0: { capacity: 32, used: 15, growthLeft: 13 } },
        events: [{ e: 'rehash', how: 'grow', newCapacity: 32 }, { e: 'moveEntry', fromGroup: 0, fromSlot: 0 }, { e: 'installTable' }, { e: 'storeEntry' }],
      },
    },
    {
      ops: 'fill 882',
      say: 'Keys up to 896 (this fill runs without micro-steps). On the way the table kept doubling the same way, and it now has 1024 slots. 896 entries is 7/8 of 1024: full again. But 1024 slots is as big as a table gets.',
      expect: {
        count: 896, dirLen: 1, tables: 1, table: { 0: { capacity: 1024, used: 896, growthLeft: 0, localDepth: 0 } },
      },
    },
    {
      ops: 'set 901 901',
      say: 'Key 901 needs room, and the table cannot double, so it splits. Two tables of 1024 slots are made, each with localDepth 1. Every entry goes left or right by one bit, the top bit of its hash: 486 go left and 410 go right. ' +
        'The directory had one entry; a table with localDepth 1 needs one bit to tell its entries apart, so the directory doubles to 2 entries (globalDepth 1) and each points at one of the new tables. ' +
        'Key 901\'s hash starts with bit 0, so it lands on the left, in group 0 of T0: T0 holds 487, T1 410.',
      expect: {
        count: 897, dirLen: 2, globalDepth: 1, tables: 2, directory: [0, 1],
        table: { 0: { capacity: 1024, used: 487, localDepth: 1, index: 0 }, 1: { capacity: 1024, used: 410, localDepth: 1, index: 1 } },
        events: [{ e: 'hash', hash: '5b4fd52e73e08044' }, { e: 'rehash', how: 'split' }, { e: 'moveEntry', side: 'left' }, { e: 'moveEntry', side: 'right' }, { e: 'directoryDouble', dirLen: 2 }, { e: 'installTable', dirIndex: 0 }, { e: 'installTable', dirIndex: 1 }, { e: 'dirEntry', dirIndex: 0 }],
      },
    },
    {
      ops: 'get 13',
      say: 'Looking up key 13: its hash is 0x09b4e30bee9743b9, whose top bit is 0, so directory entry 0 leads to T0, and the probe happens in that table only (it finds 13 in group 7). ' +
        'This is how the Swiss map stays incremental as a whole: a split rebuilds one table of at most 896 entries, and every other table is left alone.',
      expect: {
        result: '13 true', hashes: { 13: '09b4e30bee9743b9' },
        events: [{ e: 'dirEntry', dirIndex: 0 }, { e: 'found', group: 7 }],
      },
    },
  ],
};
