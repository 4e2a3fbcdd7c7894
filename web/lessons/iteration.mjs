// Lesson: the order of `for range`, and what an iterator does when the map is
// growing. Iteration starts are pinned (start=S offset=O) where the lesson
// needs a particular order; Go draws them at random.
export default {
  id: 'iteration',
  title: 'Iteration order, and ranging over a growing map',
  summary: 'range starts at a random bucket and a random slot offset, wraps around, and copes with a map that grows under it.',
  setup: 'map[int64]int64\nhasher identity\nhint 14',
  steps: [
    {
      ops: 'fill 10',
      say: 'Keys 1 to 10 in four buckets (B = 2, toy hash: hash = key): bucket 0 holds 4 and 8, bucket 1 holds 1, 5, 9, bucket 2 holds 2, 6, 10, bucket 3 holds 3 and 7.',
      expect: {
        count: 10, B: 2,
        entries: { '0.0.0': '4', '0.0.1': '8', '1.0.0': '1', '1.0.1': '5', '1.0.2': '9', '2.0.0': '2', '2.0.1': '6', '2.0.2': '10', '3.0.0': '3', '3.0.1': '7' },
      },
    },
    {
      ops: 'iter start=2 offset=1',
      say: 'A for range loop starts with two random numbers: a start bucket and a slot offset. Here we pin them to bucket 2 and offset 1. ' +
        'The loop visits buckets 2, 3, then wraps around to 0 and 1. Inside every bucket it reads slots 1, 2, ..., 7 and then slot 0, so each bucket\'s first key comes out last: 6, 10, 2, then 7, 3, and so on.',
      expect: { start: 2, offset: 1, result: 'end', keys: ['6', '10', '2', '7', '3', '8', '4', '5', '9', '1'], events: [{ e: 'iterStart', value: 2, value2: 1 }, { e: 'iterWrap' }, { e: 'iterEnd' }] },
    },
    {
      ops: 'iter',
      say: 'Without a pin, the start is drawn from the random generator: this time bucket 0, offset 2, and a different order for the same map. ' +
        'Go randomises on purpose, so that no program comes to rely on an order the language never promised. Ranging also set flags to 3 (iterator and oldIterator): the map remembers that iterators may be reading it.',
      expect: { start: 0, offset: 2, flags: 3, keys: ['4', '8', '9', '1', '5', '10', '2', '6', '3', '7'] },
    },
    {
      ops: 'fill 16',
      say: 'Sixteen more keys, 11 to 26. The map is now exactly at its limit for four buckets.',
      expect: { count: 26, B: 2, growing: false },
    },
    {
      ops: 'range start=0 offset=0; next 2',
      say: 'Start a loop at bucket 0, offset 0, and take three keys: 4, 8, 12. The loop is now paused in the middle of bucket 0.',
      expect: { yielded: ['4', '8', '12'] },
    },
    {
      ops: 'set 27',
      say: 'Inside the loop body we insert key 27. That starts a doubling to B = 3, and moves old buckets 3 and 0, including the bucket the loop is standing in. ' +
        'Because an iterator was active, flags is now 2 (oldIterator): iterators may be reading the old array.',
      expect: { count: 27, B: 3, growing: true, flags: 2, nevacuate: 1, oldslots: { '0.0.3': 2, '0.0.4': 3, '0.0.5': 2 } },
    },
    {
      ops: 'next 30',
      say: 'The loop carries on through its own snapshot: the four old buckets. Where a slot has been moved (tophash 2 or 3), it looks the key up in the live map, so it gets the current value, and would skip the key had it been deleted meanwhile. Here that re-lookup happens for 16, 20, 24 and all of old bucket 3, and each is still there. ' +
        'Old buckets 1 and 2 have not moved and are read directly. Key 27 lives only in the new array, so this loop never sees it: the 3 keys before the insert plus these 23, 26 in all.',
      expect: {
        result: 'end',
        keys: ['16', '20', '24', '1', '5', '9', '13', '17', '21', '25', '2', '6', '10', '14', '18', '22', '26', '3', '7', '11', '15', '19', '23'],
        hashes: { 16: '0000000000000010', 3: '0000000000000003' },
        events: [{ e: 'found', fn: 'mapiternext', bucket: 0, slot: 1 }, { e: 'iterYield', slot: 3, tophash: 2 }],
      },
    },
    {
      ops: 'range start=1 offset=0; next 40',
      say: 'A new loop started now, mid-grow, walks the new array of 8 buckets. New bucket 1 has not been filled yet, because old bucket 1 has not moved. So the loop reads old bucket 1 instead and keeps only the keys whose new bucket is 1: 1, 9, 17, 25. ' +
        'Later, at new bucket 5, it reads old bucket 1 a second time and keeps 5, 13, 21. Old bucket 2 is read twice the same way. All 27 keys come out, each exactly once.',
      expect: {
        start: 1, offset: 0, result: 'end', count: 27, nevacuate: 1,
        yielded: ['1', '9', '17', '25', '2', '10', '18', '26', '3', '11', '19', '27', '4', '12', '20', '5', '13', '21', '6', '14', '22', '7', '15', '23', '8', '16', '24'],
        events: [
          { e: 'iterBucket', old: true, bucket: 1, value: 1 }, { e: 'iterSkip', old: true, value: 1 },
          { e: 'iterBucket', old: true, bucket: 2, value: 2 },
          { e: 'iterBucket', old: true, bucket: 5, value: 5 }, { e: 'iterBucket', old: true, bucket: 6, value: 6 },
        ],
      },
    },
  ],
};
