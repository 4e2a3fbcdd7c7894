// Lesson (both maps, compare mode): the same 1,000 int64 keys in Go 1.14's
// bucket map and Go 1.26's Swiss table, made with a size hint so that
// neither grows at first: the bytes each takes, per entry, the load, and
// how far a lookup reads (buckets along a chain against groups along a
// probe sequence). Then 1,000 more keys (both grow) and clear (neither
// shrinks). Real hashes (seed pinned); every number is a checked figure.
const T = (fields) => ({ 0: fields, 1: fields, 2: fields, 3: fields });

export default {
  id: 'compare-memory',
  title: 'The same 1,000 keys in both maps: memory and probe lengths',
  summary: 'Go 1.14 and Go 1.26 side by side on the same keys: the bytes each map takes, per entry, the load, and how many buckets or groups a lookup reads.',
  compare: true,
  setup: 'map[int64]int64\nseed 1\nhint 1000',
  steps: [
    {
      ops: 'fill 1000',
      say: 'make(map[int64]int64, 1000), then keys 1 to 1,000, the same in both maps. The hint sized both at once: Go 1.14 made 256 buckets (B = 8), Go 1.26 two tables of 1,024 slots, so neither had to grow (nothing moved). ' +
        'Memory: 41,072 bytes in Go 1.14, 36,992 in Go 1.26, or 41.1 and 37.0 bytes per entry. Both hold the entries in the same number of slots, a load of 48.8%. ' +
        'Per slot, a Go 1.14 bucket adds a tophash byte and its share of an overflow pointer, and a few overflow buckets are made up front; a Go 1.26 group adds one control byte.',
      expect: {
        '1.14': { count: 1000, B: 8, buckets: 256 },
        '1.26': { count: 1000, tables: 2, table: { 0: { capacity: 1024 }, 1: { capacity: 1024 } } },
        figures: {
          '1.14': { bytes: 41072, bytesPerEntry: 41.1, loadPercent: 48.8, moved: 0 },
          '1.26': { bytes: 36992, bytesPerEntry: 37.0, loadPercent: 48.8, moved: 0, tables: 2 },
        },
      },
    },
    {
      ops: 'get 887',
      say: 'Looking up key 887. Go 1.14 picks bucket 89, whose chain is 2 buckets long: it compares 887 with each key of bucket 89 in turn, then follows the overflow pointer and finds it in the overflow bucket. ' +
        'Go 1.26 goes to group 127, matches the key\'s h2 (109) against all the group\'s control bytes at once, and compares the one key whose byte matches: found. ' +
        'Over all 1,000 keys, Go 1.14 reads 1.005 buckets on average, 2 at most (its longest chain); Go 1.26 reads 1.012 groups on average, 2 at most. At under half full, both find nearly every key in the first place they look.',
      expect: {
        '1.14': {
          result: '887 true', chains: { 89: 2 }, entries: { '89.1.0': '887' },
          events: [{ e: 'pickBucket', bucket: 89 }, { e: 'compareKey', bucket: 89, slot: 7 }, { e: 'found', bucket: 89, slot: 0 }],
        },
        '1.26': {
          result: '887 true',
          events: [{ e: 'hash', h2: 109 }, { e: 'probeGroup', group: 127 }, { e: 'compareKey', group: 127, equal: true }, { e: 'found', group: 127 }],
          noEvents: [{ e: 'compareKey', equal: false }],
        },
        figures: {
          '1.14': { count: 1000, probeAverage: 1.005, probeLongest: 2, longestChain: 2 },
          '1.26': { count: 1000, probeAverage: 1.012, probeLongest: 2 },
        },
      },
    },
    {
      ops: 'fill 1000',
      say: '1,000 more keys, past the room the hint made. Go 1.14 doubled to 512 buckets (B = 9), moving its 1,664 entries a few buckets per insert; the growth has finished. Go 1.26 split each of its 2 tables in two: 4 tables, its last split moved 896 entries. The load is 48.8% on both again. ' +
        'Bytes: 125,904 and 110,880 (63.0 and 55.4 per entry), more than twice as many for twice the keys: the model\'s heap never frees the arrays each map outgrew, as Go\'s keeps them until a collection. ' +
        'Lookups: 1.007 buckets on average in Go 1.14, 1.008 groups in Go 1.26, 2 at most on both.',
      expect: {
        '1.14': { count: 2000, B: 9, buckets: 512, growing: false },
        '1.26': { count: 2000, tables: 4, table: T({ capacity: 1024 }) },
        figures: {
          '1.14': { bytes: 125904, bytesPerEntry: 63.0, loadPercent: 48.8, moved: 1664, growing: false, probeAverage: 1.007, probeLongest: 2 },
          '1.26': { bytes: 110880, bytesPerEntry: 55.4, loadPercent: 48.8, moved: 896, tables: 4, probeAverage: 1.008, probeLongest: 2 },
        },
      },
    },
    {
      ops: 'clear',
      say: 'clear(m): both maps are empty, and both keep what they built: Go 1.14 its 512 buckets, Go 1.26 its 4 tables of 1,024 slots, every slot empty again. The bytes stay at 125,904 and 110,880. ' +
        'A map never shrinks, in either version: to give the memory back, drop the map and make a new one.',
      expect: {
        '1.14': { count: 0, B: 9, buckets: 512 },
        '1.26': { count: 0, tables: 4, table: T({ capacity: 1024, used: 0 }) },
        figures: {
          '1.14': { count: 0, bytes: 125904, loadPercent: 0 },
          '1.26': { count: 0, bytes: 110880, loadPercent: 0, tables: 4 },
        },
      },
    },
  ],
};
