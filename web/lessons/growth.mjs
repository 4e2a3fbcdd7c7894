// Lesson: a doubling that is not finished in one go. From B = 2 to B = 3 the
// map stays "growing" across several writes, moving old buckets into the X
// (same index) or Y (index + old size) half of the new array.
export default {
  id: 'growth',
  title: 'Growing a little at a time: evacuation to X and Y',
  summary: 'When the map doubles, old buckets are moved a couple per write; each entry goes to the same index (X) or to index plus the old size (Y).',
  setup: 'map[int64]int64\nhasher identity',
  steps: [
    {
      ops: 'fill 26',
      say: 'Keys 1 to 26, with the toy hash (hash = key). The map has already doubled twice on the way and now has B = 2: four buckets, sorted by the low two bits of the key. ' +
        'That is 26 entries in 4 buckets, exactly the 6.5 per bucket that Go tolerates.',
      expect: {
        count: 26, B: 2, growing: false,
        entries: { '0.0.0': '4', '0.0.5': '24', '1.0.0': '1', '1.0.6': '25', '2.0.6': '26', '3.0.0': '3', '3.0.5': '23' },
      },
    },
    {
      ops: 'set 27 27',
      say: 'Key 27 would make it 27 entries, too many, so the map starts a doubling: a new array of 8 buckets (B = 3), with the 4 old buckets kept aside as oldbuckets. ' +
        'Nothing is copied wholesale. This insert only moves what it must: the old bucket that feeds the key\'s new bucket (27 goes to bucket 3, fed by old bucket 3), plus old bucket 0, the next in line. Then it inserts 27. ' +
        'The map is now growing, and nevacuate = 1 records that every old bucket before index 1 is done.',
      expect: {
        count: 27, B: 3, buckets: 8, oldbuckets: 4, growing: true, nevacuate: 1, flags: 0,
        events: [{ e: 'growStart', value: 1, value2: 3 }, { e: 'evacuateBucket', old: true, bucket: 3 }, { e: 'evacuateBucket', old: true, bucket: 0 }, { e: 'claimSlot', bucket: 3, slot: 3 }],
      },
    },
    {
      ops: 'dump',
      say: 'Look at how old bucket 3 was split. Its keys 3, 7, 11, 15, 19, 23 all ended in 11; with 8 buckets, the next bit up decides. 3, 11 and 19 have it clear and go to new bucket 3, the "X" half; ' +
        '7, 15 and 23 have it set and go to 3 + 4 = 7, the "Y" half. The old slots are not wiped: their tophash becomes a marker, 2 for moved to X, 3 for moved to Y, 4 for a slot that was already empty.',
      expect: {
        entries: { '3.0.0': '3', '3.0.1': '11', '3.0.2': '19', '3.0.3': '27', '7.0.0': '7', '7.0.1': '15', '7.0.2': '23', '0.0.0': '8', '4.0.0': '4' },
        oldslots: { '3.0.0': 2, '3.0.1': 3, '3.0.2': 2, '3.0.3': 3, '3.0.4': 2, '3.0.5': 3, '3.0.6': 4, '3.0.7': 4, '0.0.0': 3, '0.0.1': 2 },
        oldentries: { '1.0.1': '5', '2.0.0': '2' },
      },
    },
    {
      ops: 'get 5',
      say: 'Key 5 belongs in new bucket 5, but its old bucket, 1, has not been moved yet, so the lookup reads old bucket 1 instead and finds it there. ' +
        'Reads never help the grow along: nevacuate is still 1. A map that is only read can stay half-grown forever, and that is fine.',
      expect: {
        result: '5 true', nevacuate: 1, growing: true,
        events: [{ e: 'pickBucket', bucket: 5 }, { e: 'checkOldBucket', old: true, bucket: 1, value: 0 }, { e: 'found', old: true, bucket: 1, slot: 1 }],
      },
    },
    {
      ops: 'set 28 28',
      say: 'Key 28 goes to new bucket 4, whose old bucket 0 is already done. The write still does its share: it moves old bucket 1, the first one not yet moved, and nevacuate becomes 2. ' +
        'Its odd keys split into new buckets 1 (1, 9, 17, 25) and 5 (5, 13, 21).',
      expect: {
        count: 28, nevacuate: 2, growing: true,
        entries: { '1.0.0': '1', '1.0.1': '9', '1.0.2': '17', '1.0.3': '25', '5.0.0': '5', '5.0.1': '13', '5.0.2': '21', '4.0.3': '28' },
        oldslots: { '1.0.0': 2, '1.0.1': 3, '1.0.7': 4 },
      },
    },
    {
      ops: 'del 99',
      say: 'Deleting 99, a key that is not even in the map, is still a write, so it does evacuation work too: it moves old bucket 2. ' +
        'With 0, 1, 2 and 3 all moved, nevacuate reaches 4, the old array is dropped, and the grow is over: 28 entries in 8 buckets.',
      expect: {
        count: 28, B: 3, growing: false, nevacuate: 4,
        entries: { '2.0.0': '2', '6.0.0': '6' },
        events: [{ e: 'evacuateBucket', old: true, bucket: 2 }, { e: 'growFinish' }, { e: 'notFound' }],
      },
    },
  ],
};
