// Lesson (Go 1.26): the churn of swiss-tombstones, with the same hashes
// (pinned), on map[[16]byte]int64. The compiler assigns to this map with the
// generic mapassign, which never prunes tombstones (docs/go-map-swiss-1.26.md,
// A.1.9), so the same insert that map[int64] absorbed by pruning grows the
// table instead.
const pinned = (keys) => keys.map((k) => `hash k${k} 0x${k.toString(16)}\nset k${k} ${k}`).join('\n');

export default {
  id: 'swiss-generic-churn',
  title: 'Go 1.26: why map[[16]byte] grows where map[int64] does not',
  summary: 'The same deletes and inserts, with the same hashes, that map[int64] absorbs by pruning tombstones make a map[[16]byte] double its table: its insert path never prunes.',
  setup: 'map[[16]byte]int64\nversion 1.26\nhint 14',
  steps: [
    {
      ops: pinned([1, 2, 3, 4, 5, 6, 7, 8, 128, 129, 130, 131, 132, 133]),
      say: 'The map of the tombstones lesson again, now with 16-byte array keys k1 ... k133, each with its hash pinned to the number in its name, so every key lands where its int64 twin did. ' +
        'Keys k1 to k8 fill group 0, k128 to k133 take 6 slots of group 1: 14 entries in 16 slots, growthLeft 0. A slot is now 24 bytes (16 of key, 8 of element), not 16.',
      expect: {
        count: 14, table: { 0: { capacity: 16, used: 14, growthLeft: 0 } },
        entries: { '0.0.0': 'k1', '0.0.7': 'k8', '0.1.0': 'k128', '0.1.5': 'k133' },
      },
    },
    {
      ops: 'del k1\ndel k2',
      say: 'Delete k1 and k2: two tombstones in the full group 0, growthLeft still 0. So far nothing differs from map[int64].',
      expect: {
        count: 12, tombstonePossible: true, slots: { '0.0.0': 254, '0.0.1': 254 }, table: { 0: { growthLeft: 0, tombstones: 2 } },
      },
    },
    {
      ops: 'hash k134 0x86\nset k134 134',
      say: 'Insert k134 with hash 134, as before. growthLeft is 0, and here the paths part. A map[int64] is assigned by mapassign_fast64, a map[string] by mapassign_faststr; those prune. ' +
        'A [16]byte key goes through the generic mapassign, which goes straight to rehash: the table doubles to 32 slots and every one of the 12 live entries is re-inserted into it. ' +
        'The tombstones vanish with the old table, but the map is now twice the size for the same number of entries.',
      expect: {
        count: 13, table: { 0: { capacity: 32, used: 13, growthLeft: 15, tombstones: 0 } }, entries: { '0.1.6': 'k134' },
        events: [{ e: 'rehash', how: 'grow', newCapacity: 32 }, { e: 'moveEntry' }, { e: 'installTable' }, { e: 'storeEntry', group: 1, slot: 6 }],
        noEvents: [{ e: 'pruneStart' }],
      },
    },
    {
      ops: 'dump',
      say: 'Look at the new table: 4 groups, and k3 to k8 have moved to the start of group 0, in the order they were copied, old slot by old slot. ' +
        'The same holds for float64 keys, interfaces and other array or struct keys: under delete-and-insert churn they grow where integers and strings prune.',
      expect: {
        entries: { '0.0.0': 'k3', '0.0.5': 'k8', '0.1.0': 'k128' }, slots: { '0.0.6': 128, '0.0.7': 128 },
        table: { 0: { capacity: 32 } },
      },
    },
  ],
};
