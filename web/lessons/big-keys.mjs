// Lesson: keys and values larger than 128 bytes are stored indirectly: the
// slot holds an 8-byte pointer to a separate object. The bucket size is
// measured from the addresses of two buckets the trace reports.
export default {
  id: 'big-keys',
  title: 'Big keys and values live outside the bucket',
  summary: 'A key or value over 128 bytes is stored behind an 8-byte pointer, so a bucket of map[[200]byte][200]byte is only 144 bytes.',
  setup: 'map[[200]byte][200]byte\nhasher go114\nseed 0\nhint 9',
  steps: [
    {
      ops: 'set gopher hello; set gc world',
      say: 'A map[[200]byte][200]byte with two buckets (the playground writes the arrays as text, padded with zero bytes). Stored inline, eight such keys and eight values would make a bucket of 8 + 8×200 + 8×200 + 8 = 3216 bytes. ' +
        'Go stores a key or value larger than 128 bytes indirectly: it allocates it separately and keeps only an 8-byte pointer in the slot. ' +
        'So the bucket is 8 tophash bytes, 8 key pointers, 8 value pointers and the overflow pointer: 8 + 64 + 64 + 8 = 144 bytes, the same as a map[int64]int64 bucket. Bucket 1 starts 144 bytes after bucket 0.',
      expect: { count: 2, B: 1, bucketsize: 144, entries: { '0.0.0': ['gopher', 'hello'], '1.0.0': ['gc', 'world'] } },
    },
    {
      ops: 'set map bucket',
      say: '"map" also lands in bucket 1. Its slot holds two fresh pointers; the 200-byte key and the 200-byte value are objects of their own.',
      expect: { count: 3, entries: { '1.0.1': ['map', 'bucket'] } },
    },
    {
      ops: 'get gopher',
      say: 'A lookup follows the key pointer of each slot whose tophash matches and compares all 200 bytes, then returns the value through its pointer: hello, true.',
      expect: { result: 'hello true', events: [{ e: 'compareKey', bucket: 0, slot: 0, value: 1 }, { e: 'found', bucket: 0, slot: 0 }] },
    },
    {
      ops: 'del gopher',
      say: 'Deleting "gopher" sets the slot\'s key pointer and value pointer to nil, so the garbage collector can reclaim both 200-byte objects, and marks the slot empty (emptyRest here, as nothing follows it). ' +
        'With inline int64 keys, by contrast, the old key bytes are simply left in the slot.',
      expect: { count: 2, slots: { '0.0.0': 0 }, events: [{ e: 'markEmptyOne', slot: 0 }, { e: 'promoteEmptyRest', slot: 0 }] },
    },
    {
      ops: 'fill 12',
      say: 'Twelve generated keys, k1 to k12 (with zero values), push the map past 13 entries, and it doubles to four buckets. ' +
        'Evacuation copies each slot\'s two pointers into the new bucket: 16 bytes per entry, however big the key and value are. The objects themselves never move.',
      expect: { count: 14, B: 2, growing: false, entries: { '1.0.0': ['gc', 'world'], '3.0.0': ['map', 'bucket'] }, events: [{ e: 'growStart', value: 1, value2: 2 }, { e: 'evacuateEntry' }, { e: 'growFinish' }] },
    },
    {
      ops: 'get gc',
      say: '"gc" now sits in bucket 1 of the new array, and its pointers still lead to the same value: world, true.',
      expect: { result: 'world true', events: [{ e: 'found', bucket: 1, slot: 0 }] },
    },
  ],
};
