// Lesson: overflow churn (insert nine keys into one bucket, delete them, next
// bucket...) leaves empty overflow buckets behind. When there are as many as
// there are buckets, the next new key triggers a grow that keeps B: a
// compaction. Recipe of the spec, section 4.12, with the toy hash.
export default {
  id: 'same-size-grow',
  title: 'Same-size growth: compacting after churn',
  summary: 'Insert-then-delete cycles leave empty overflow buckets; once there are 2^B of them, the next new key rebuilds the map at the same size.',
  setup: 'map[int64]int64\nhasher identity\nhint 14',
  steps: [
    {
      ops: 'set 3 1\nset 4; set 8; set 12; set 16; set 20; set 24; set 28; set 32; set 36',
      say: 'Four buckets (B = 2), toy hash (hash = key). Key 3 stays in bucket 3 for the whole lesson, so the map is never empty. ' +
        'Then nine multiples of 4 go into bucket 0: eight fill it and the ninth needs an overflow bucket. noverflow, the map\'s count of overflow buckets, is 1.',
      expect: { count: 10, B: 2, noverflow: 1, chains: { 0: 2 }, entries: { '3.0.0': '3', '0.1.0': '36' } },
    },
    {
      ops: 'del 4; del 8; del 12; del 16; del 20; del 24; del 28; del 32; del 36',
      say: 'Delete those nine again. Bucket 0 is all emptyRest now, but its overflow bucket stays linked, and noverflow stays 1: deletes never give overflow buckets back.',
      expect: { count: 1, noverflow: 1, chains: { 0: 2 }, slots: { '0.0.0': 0, '0.1.0': 0 } },
    },
    {
      ops: 'set 5; set 9; set 13; set 17; set 21; set 25; set 29; set 33; set 37; del 5; del 9; del 13; del 17; del 21; del 25; del 29; del 33; del 37\n' +
        'set 6; set 10; set 14; set 18; set 22; set 26; set 30; set 34; set 38; del 6; del 10; del 14; del 18; del 22; del 26; del 30; del 34; del 38',
      say: 'The same churn in bucket 1, then in bucket 2. The map holds a single key, yet it drags along 3 empty overflow buckets. ' +
        'The load factor cannot notice: it only counts entries.',
      expect: { count: 1, B: 2, noverflow: 3, chains: { 0: 2, 1: 2, 2: 2, 3: 1 }, growing: false },
    },
    {
      ops: 'set 7; set 11; set 15; set 19; set 23; set 27; set 31',
      say: 'Now bucket 3: with key 3 already there, seven new keys fill its 8 slots.',
      expect: { count: 8, noverflow: 3, chains: { 3: 1 }, entries: { '3.0.0': '3', '3.0.7': '31' } },
    },
    {
      ops: 'set 35',
      say: 'Key 35 is new, so before inserting the map asks whether it should grow. The load is fine, and noverflow is 3, below the limit of one overflow bucket per bucket, 2^B = 4. ' +
        'So no grow: bucket 3 gets an overflow bucket for 35, and noverflow reaches 4.',
      expect: { count: 9, B: 2, flags: 0, growing: false, noverflow: 4, chains: { 3: 2 }, entries: { '3.1.0': '35' } },
    },
    {
      ops: 'set 39',
      say: 'Key 39 is new too, and this time noverflow is 4, not below 4. The map starts a grow, but since the load is fine it keeps the same size: B stays 2, and flags gets the bit 8, sameSizeGrow. ' +
        'Evacuation works as in a doubling, except that every entry goes to the same bucket index and is packed from slot 0. ' +
        'This write moved old bucket 3 (its 9 entries fill new bucket 3 and one slot of a fresh overflow bucket, so the new array\'s noverflow starts at 1) and old bucket 0, all empty. 39 lands right after 35.',
      expect: {
        count: 10, B: 2, flags: 8, growing: true, oldbuckets: 4, nevacuate: 1, noverflow: 1,
        chains: { 0: 1, 3: 2 }, entries: { '3.0.0': '3', '3.1.0': '35', '3.1.1': '39' },
        oldslots: { '3.0.0': 2, '3.0.7': 2, '3.1.0': 2, '3.1.1': 4, '0.0.0': 4, '0.1.7': 4 },
        events: [{ e: 'growStart', value: 0, value2: 2 }],
      },
    },
    {
      ops: 'del 7',
      say: 'The next write, a delete, moves old bucket 1 (nothing in it), and nevacuate becomes 2.',
      expect: { count: 9, nevacuate: 2, growing: true, oldslots: { '1.0.0': 4 } },
    },
    {
      ops: 'del 11',
      say: 'One more write moves old bucket 2; bucket 3 was already done, so the grow is finished. The sameSizeGrow flag is cleared, the old array is dropped together with its overflow buckets (three of them empty), ' +
        'and buckets 0, 1 and 2 are single buckets again. Same B, far less memory to walk.',
      expect: { count: 8, B: 2, flags: 0, growing: false, nevacuate: 4, noverflow: 1, chains: { 0: 1, 1: 1, 2: 1, 3: 2 } },
    },
  ],
};
