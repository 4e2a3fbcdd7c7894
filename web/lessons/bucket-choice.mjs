// Lesson: how a key's hash picks its bucket. The identity hasher makes the
// hash equal to the key, so the arithmetic can be done in one's head.
export default {
  id: 'bucket-choice',
  title: 'From key to bucket: the low bits of the hash',
  summary: 'A map is an array of 2^B buckets; the lowest B bits of a key\'s hash say which one it lives in.',
  setup: 'map[int64]int64\nhasher identity\nhint 27',
  steps: [
    {
      ops: 'set 10 100',
      say: 'This map was made with room for 27 entries, so it starts with B = 3: an array of 2^3 = 8 buckets. ' +
        'To keep the arithmetic visible we use a toy hash function that returns the key itself, so the hash of 10 is 10, binary 1010. ' +
        'The map keeps only the lowest B bits of the hash: 010, which is 2. Key 10 goes into bucket 2, and takes its first slot.',
      expect: { B: 3, buckets: 8, count: 1, hashes: { 10: '000000000000000a' }, entries: { '2.0.0': ['10', 100] } },
    },
    {
      ops: 'set 13 130; set 21 210',
      say: '13 is 1101 in binary and 21 is 10101. Both end in 101, which is 5, so both go into bucket 5. ' +
        'Nothing is wrong with that: a bucket has 8 slots, and 21 simply takes slot 1, next to 13.',
      expect: { count: 3, entries: { '5.0.0': '13', '5.0.1': '21' } },
    },
    {
      ops: 'set 8 80; set 16 160; set 0 1',
      say: 'Multiples of 8 end in three zero bits, so 8, 16 and 0 all land in bucket 0, in the order they were inserted. ' +
        'Masking with 2^B - 1 is just a fast way to take the hash modulo the number of buckets.',
      expect: { count: 6, entries: { '0.0.0': '8', '0.0.1': '16', '0.0.2': '0' } },
    },
    {
      ops: 'set -1 7',
      say: 'Hashes are unsigned 64-bit numbers. The int64 -1 has all 64 bits set (ffffffffffffffff), so its low three bits are 111 and it goes to bucket 7. ' +
        'Notice the small number above each slot: 5 for every key so far, 255 for this one. That byte is the tophash, the subject of a later lesson.',
      expect: { count: 7, hashes: { '-1': 'ffffffffffffffff' }, entries: { '7.0.0': '-1' }, slots: { '7.0.0': 255, '0.0.0': 5, '5.0.1': 5 } },
    },
    {
      ops: 'get 21',
      say: 'A lookup repeats the same steps: hash 21, keep the low three bits, go straight to bucket 5, and compare keys there. ' +
        'The other seven buckets are never touched. 21 sits in slot 1, so the map reports 210, found.',
      expect: { result: '210 true', events: [{ e: 'pickBucket', bucket: 5 }, { e: 'found', bucket: 5, slot: 1 }] },
    },
    {
      ops: 'get 29',
      say: '29 is 11101, so it would live in bucket 5 too. The map checks the keys in bucket 5, finds neither is 29, and answers with the zero value and false.',
      expect: { result: '0 false', events: [{ e: 'pickBucket', bucket: 5 }, { e: 'notFound' }] },
    },
  ],
};
