// Lesson: the real Go 1.14 hash (the portable one Go uses on WebAssembly).
// hashkey 1 1 1 1 and seed 0 are the spec's test-vector settings, so the
// hashes shown can be checked against the spec.
export default {
  id: 'real-hash',
  title: 'The real hash scatters neighbours',
  summary: 'Go hashes each key with a per-process key and a per-map seed, so keys that look alike end up far apart.',
  setup: 'map[int64]int64\nhasher go114\nhashkey 1 1 1 1\nseed 0\nhint 27',
  steps: [
    {
      ops: 'set 0 1',
      say: 'Same map shape as before (8 buckets), but now keys go through the hash Go 1.14 really uses when it has no AES instructions, as on WebAssembly. ' +
        'The key 0 hashes to 484eafea4c971fd2. Its last hex digit, 2, is 0010 in binary; the low three bits are 010, so key 0 lands in bucket 2.',
      expect: { B: 3, count: 1, hashes: { 0: '484eafea4c971fd2' }, entries: { '2.0.0': ['0', 1] } },
    },
    {
      ops: 'set 1 2',
      say: 'The key 1 hashes to 161aab1b2b93ca77: low bits 111, bucket 7. Consecutive keys are no longer neighbours; a good hash spreads them evenly over the buckets, whatever pattern the keys follow.',
      expect: { count: 2, hashes: { 1: '161aab1b2b93ca77' }, entries: { '7.0.0': '1' } },
    },
    {
      ops: 'set 2 3; set 3 4; set 4 5; set 5 6',
      say: 'Four more small keys: 2 goes to bucket 5, 5 to bucket 4, and 3 and 4 happen to share bucket 0. ' +
        'Look at the tophash byte over each slot: it is now the top byte of the real hash, for example 0x48 = 72 for key 0 and 0xf3 = 243 for key 2.',
      expect: {
        count: 6,
        hashes: { 2: 'f384e8a94ba3416d', 3: '29a5c584d772b5b8', 4: 'fa61ba6880f9d5f8', 5: '6e9d72e0c3750e14' },
        entries: { '5.0.0': '2', '0.0.0': '3', '0.0.1': '4', '4.0.0': '5' },
        slots: { '2.0.0': 72, '5.0.0': 243 },
      },
    },
    {
      ops: 'collide 6 3',
      say: 'Here the playground searches for keys whose hash ends in 110 and inserts the first three it finds: 11, 16 and 18, all in bucket 6. ' +
        'Anyone who knows the hash key and the seed can do this and pile keys into one bucket. That is why Go picks the hash key at random when the program starts and a fresh seed (hash0) for every map: ' +
        'the layout, and the iteration order, differ from run to run. Here we fixed both, so the lesson replays identically.',
      expect: {
        count: 9, hash0: 0,
        hashes: { 11: 'c4bfbd9a8789a84e', 16: '6cc70a730cc4cae6', 18: '08a1bdf5564ab24e' },
        entries: { '6.0.0': '11', '6.0.1': '16', '6.0.2': '18' },
      },
    },
    {
      ops: 'get 1',
      say: 'A lookup hashes the key with the same hash key and seed, gets 161aab1b2b93ca77 again, and goes straight to bucket 7. The hash of a key never changes during the life of a map.',
      expect: { result: '2 true', hashes: { 1: '161aab1b2b93ca77' }, events: [{ e: 'pickBucket', bucket: 7 }, { e: 'found', bucket: 7, slot: 0 }] },
    },
  ],
};
