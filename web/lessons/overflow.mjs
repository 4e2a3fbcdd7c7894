// Lesson: what happens when a bucket's 8 slots are full. The map is made with
// a size hint large enough (B = 4) that Go preallocates spare overflow
// buckets behind the main array; `collide` then aims keys at one bucket.
export default {
  id: 'overflow',
  title: 'Full bucket? Chain an overflow bucket',
  summary: 'A ninth key for one bucket goes into an overflow bucket linked behind it, taken from a preallocated pool while it lasts.',
  setup: 'map[int64]int64\nhasher identity\nhint 53',
  steps: [
    {
      ops: 'dump',
      say: 'make(map[int64]int64, 53) sizes the map up front: 6.5 entries per bucket times 8 buckets is 52, one short, so Go picks B = 4 and allocates all 16 buckets immediately. ' +
        'Because a map this size is likely to need overflow buckets, the same allocation also holds a couple of spare buckets behind the 16. They are invisible until used.',
      expect: { count: 0, B: 4, buckets: 16 },
    },
    {
      ops: 'collide 3 8',
      say: 'With the toy hash (hash = key) and 16 buckets, a key goes to bucket key mod 16. The playground picks the keys 3, 19, 35, ... 115: eight keys, all in bucket 3, filling its 8 slots.',
      expect: { count: 8, entries: { '3.0.0': '3', '3.0.1': '19', '3.0.2': '35', '3.0.7': '115' }, chains: { 3: 1 }, noverflow: 0 },
    },
    {
      ops: 'collide 3 1',
      say: 'Key 131 also belongs to bucket 3, which is full. The map does not grow for that: it links an overflow bucket behind bucket 3 and puts 131 in its slot 0. ' +
        'The overflow bucket comes from the spare pool, and the map counts it: noverflow is now 1.',
      expect: {
        count: 9, B: 4, noverflow: 1, chains: { 3: 2 }, entries: { '3.1.0': '131' },
        events: [{ e: 'overflowPrealloc' }, { e: 'countOverflow', value: 1 }, { e: 'claimSlot', slot: 0 }],
      },
    },
    {
      ops: 'collide 5 9',
      say: 'Nine keys for bucket 5: eight fill it, the ninth needs an overflow bucket, and gets the second spare from the pool.',
      expect: { count: 18, noverflow: 2, chains: { 5: 2 }, entries: { '5.1.0': '261' }, events: [{ e: 'overflowPrealloc' }], noEvents: [{ e: 'overflowFresh' }] },
    },
    {
      ops: 'collide 7 9',
      say: 'Same for bucket 7, but the pool is used up after two, so this overflow bucket is allocated fresh from the heap. To the map it is just another link in the chain; noverflow is 3.',
      expect: { count: 27, noverflow: 3, chains: { 7: 2 }, entries: { '7.1.0': '391' }, events: [{ e: 'overflowFresh' }], noEvents: [{ e: 'overflowPrealloc' }] },
    },
    {
      ops: 'collide 3 8',
      say: 'Eight more keys for bucket 3 fill the rest of its first overflow bucket, and the last one starts a third bucket in the chain. ' +
        'The map holds 35 entries in 16 buckets, far below 6.5 per bucket, so there is no reason to double, even though one chain is three buckets long.',
      expect: { count: 35, B: 4, noverflow: 4, growing: false, chains: { 3: 3 }, entries: { '3.1.7': '499', '3.2.0': '515' } },
    },
    {
      ops: 'get 515',
      say: 'A lookup of 515 goes to bucket 3 and follows the chain: 8 slots of the bucket itself, 8 of the first overflow bucket, and finds 515 in slot 0 of the third (collide stores the value 0). ' +
        'Long chains make lookups slow, which is why the map also watches noverflow (a later lesson).',
      expect: { result: '0 true', events: [{ e: 'pickBucket', bucket: 3 }, { e: 'found', bucket: 3, slot: 0 }] },
    },
  ],
};
