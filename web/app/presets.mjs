// Ready-made scenarios, in the same language as the scenario box. Each
// sets up a map and brings it to an interesting moment; the last
// operation is the one to step through. The guided lessons (web/lessons)
// are offered beside these, each as one scenario.

export const PRESETS = [
  {
    id: 'first-grow',
    title: 'The first grow (9th key)',
    text: 'map[int64]int64\nseed 1\nfill 8\nset 9 9  # the 9th key overloads one bucket: B 0 → 1',
  },
  {
    id: 'evacuation',
    title: 'Evacuation, step by step (B 2 → 3)',
    text: 'map[string]int64\nseed 7\nfill 26\nset apple 1  # grow starts; two old buckets evacuated\nset banana 2\ndel k5',
  },
  {
    id: 'empty-rest',
    title: 'emptyOne and emptyRest',
    text: 'map[int64]int64\nseed 3\nhint 9\ncollide 0 10  # bucket 0 and an overflow bucket\ndel 32\ndel 29  # the overflow bucket is empty: emptyRest\n' +
      'del 8  # a hole in the middle: emptyOne\ndel 23\ndel 21\ndel 20\ndel 11  # emptyRest runs back over the hole',
  },
  {
    id: 'overflow-pool',
    title: 'Overflow chains and the preallocated pool',
    text: 'map[int64]int64\nseed 5\nhint 53  # B=4, with 2 spare overflow buckets\ncollide 3 12\ncollide 7 9\ncollide 7 8',
  },
  {
    id: 'iterate-grow',
    title: 'Iterating while the map grows',
    text: 'map[string]int64\nseed 9\nfill 52\nrange start=3 offset=2\nnext 4\nset grow 1  # a grow starts under the loop\nnext 6',
  },
  {
    id: 'nan',
    title: 'NaN keys never meet',
    text: 'map[float64]int64\nseed 4\nset NaN 1\nset NaN 2\nset NaN 3\nget NaN\nset -0 1\nset 0 2',
  },
  {
    id: 'identity',
    title: 'Identity hasher: watch the bits',
    text: 'map[int64]int64\nhasher identity\nset 5 1\nset 13 1  # 13 = 0b1101: low bit 1 → bucket 1\nset 72057594037927936 1  # 2^56: top byte 0x01, tophash 0x06',
  },
  {
    id: 'big',
    title: 'B=8: about 1,600 keys',
    text: 'map[string]int64\nseed 1\nfill 1600\nset hello 1',
  },
  // Go 1.26's Swiss table (version 1.26).
  {
    id: 'swiss-small-to-table',
    title: 'Go 1.26: a small map becomes a table (9th key)',
    text: 'version 1.26\nmap[int64]int64\nseed 7\nfill 8  # one group of 8 slots, no directory\nset 9 9  # the 9th key: a table of 16 slots, every entry moved',
  },
  {
    id: 'swiss-tombstone',
    title: 'Go 1.26: a tombstone, then reused',
    text: 'version 1.26\nmap[int64]int64\nseed 7\nfill 14\ndel 5  # its group is full: the slot becomes a tombstone (0xFE)\nset 5 50  # the probe remembers the tombstone and reuses it',
  },
  {
    id: 'swiss-split',
    title: 'Go 1.26: a table splits, the directory doubles',
    text: 'version 1.26\nmap[int64]int64\nseed 7\nfill 896  # a table of 1,024 slots, 7/8 full\nset 0 0  # no room: split by the top hash bit into two tables',
  },
  {
    id: 'million',
    title: 'A million inserts',
    text: 'map[int64]int64\nseed 1\nfill 1000000\nset 0 1',
  },
];
