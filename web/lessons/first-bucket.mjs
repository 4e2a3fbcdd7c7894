// Lesson: a map made without a size hint. No bucket until the first insert;
// the first two doublings finish inside the insert that triggers them.
export default {
  id: 'first-bucket',
  title: 'Born empty: the first bucket and the first doublings',
  summary: 'make(map[K]V) allocates no bucket at all; the first insert creates one, and the ninth doubles the array.',
  setup: 'map[int64]int64\nhasher identity',
  steps: [
    {
      ops: 'dump',
      say: 'This is m := make(map[int64]int64) with no size hint. Go allocates only the small map header: count 0, B = 0, and no bucket array at all. ' +
        'Plenty of maps stay empty, so the bucket is not paid for until it is needed.',
      expect: { count: 0, B: 0, buckets: 0, growing: false },
    },
    {
      ops: 'set 1 10',
      say: 'The first insert notices the missing array and allocates a single bucket, 2^0 = 1, then stores key 1 in its slot 0. ' +
        '(This lesson uses the toy hash again: the hash of a key is the key.)',
      expect: { count: 1, B: 0, buckets: 1, entries: { '0.0.0': ['1', 10] }, events: [{ e: 'allocFirstBucket' }, { e: 'claimSlot', slot: 0 }] },
    },
    {
      ops: 'set 2 20; set 3 30; set 4 40; set 5 50; set 6 60; set 7 70; set 8 80',
      say: 'With one bucket every key lands in bucket 0, whatever its hash. Seven more inserts fill all 8 slots.',
      expect: { count: 8, B: 0, buckets: 1, entries: { '0.0.7': '8' }, chains: { 0: 1 } },
    },
    {
      ops: 'set 9 90',
      say: 'Key 9 would be the ninth entry. Go allows an average of 6.5 entries per bucket, and never grows a map of 8 entries or fewer; 9 is over both limits, so before inserting, the map doubles: B becomes 1, two buckets. ' +
        'The old bucket is emptied into the new array right away: even keys (last bit 0) to bucket 0, odd keys to bucket 1. Then 9 is inserted into bucket 1.',
      expect: {
        count: 9, B: 1, buckets: 2, growing: false,
        entries: { '0.0.0': '2', '0.0.3': '8', '1.0.0': '1', '1.0.4': '9' },
        events: [{ e: 'growStart', value: 1, value2: 1 }, { e: 'evacuateBucket', old: true, bucket: 0 }, { e: 'growFinish' }, { e: 'claimSlot', bucket: 1, slot: 4 }],
      },
    },
    {
      ops: 'set 10 100; set 11 110; set 12 120; set 13 130',
      say: 'Two buckets may hold 6.5 × 2 = 13 entries on average, so keys 10 to 13 fit without growing. Each bucket still has a free slot or two.',
      expect: { count: 13, B: 1, buckets: 2, entries: { '0.0.5': '12', '1.0.6': '13' } },
    },
    {
      ops: 'set 14 140',
      say: 'The 14th key crosses 13, so the map doubles again, to B = 2 and four buckets, keyed by the low two bits. ' +
        'Every write during a grow moves at most two old buckets, and here there are exactly two, so this grow also completes inside one insert. From the next doubling on, that is no longer true.',
      expect: {
        count: 14, B: 2, buckets: 4, growing: false,
        entries: { '0.0.0': '4', '1.0.0': '1', '2.0.3': '14', '3.0.0': '3' },
        events: [{ e: 'growStart', value: 1, value2: 2 }, { e: 'evacuateBucket', old: true, bucket: 0 }, { e: 'evacuateBucket', old: true, bucket: 1 }, { e: 'growFinish' }],
      },
    },
  ],
};
