// Lesson: float64 keys. NaN is never equal to itself, and +0 == -0. The
// scenario uses Go 1.14's real float hash with seed 0 (the spec's test vector
// for ±0). NaN hashes are random, drawn from the scenario's deterministic
// random stream, so the lesson still replays identically.
export default {
  id: 'float-keys',
  title: 'Float keys: NaN never matches, and -0 overwrites 0',
  summary: 'Every NaN insert adds a new entry that no lookup can find; 0 and -0 are the same key, but the stored key is rewritten.',
  setup: 'map[float64]int64\nhasher go114\nseed 0',
  steps: [
    {
      ops: 'set 1.5 1',
      say: 'A map[float64]int64. An ordinary float key is hashed through its 64 bits, like an integer. One entry, in the only bucket.',
      expect: { count: 1, B: 0, hashes: { 1.5: '5b67190c054a27d3' }, entries: { '0.0.0': ['1.5', 1] } },
    },
    {
      ops: 'set NaN 2; set NaN 3',
      say: 'Now m[NaN] = 2, then m[NaN] = 3. In Go, NaN != NaN, so the second assignment cannot find the first key to overwrite: it adds another entry. ' +
        'The map now has 3 entries, two of them NaN. Go also gives every hash of a NaN a fresh random value (cd29c9e875d65c77, then c6e27bd623f26325), so NaNs spread over the buckets instead of piling into one.',
      expect: {
        count: 3, entries: { '0.0.1': ['NaN', 2], '0.0.2': ['NaN', 3] },
        events: [{ e: 'hashKey', value: 'cd29c9e875d65c77' }, { e: 'claimSlot', slot: 1 }, { e: 'hashKey', value: 'c6e27bd623f26325' }, { e: 'claimSlot', slot: 2 }],
      },
    },
    {
      ops: 'get NaN',
      say: 'Reading m[NaN] gives 0, false. The lookup draws yet another random hash, and even if its tophash matched a slot, comparing NaN with the stored NaN would fail.',
      expect: { result: '0 false', count: 3, noEvents: [{ e: 'found' }] },
    },
    {
      ops: 'del NaN',
      say: 'delete(m, NaN) removes nothing, for the same reason: the count stays 3. A NaN key, once in, can be seen by range but never reached by key.',
      expect: { count: 3, noEvents: [{ e: 'found' }, { e: 'markEmptyOne' }] },
    },
    {
      ops: 'set 0 10',
      say: 'Zero is special the other way. Go hashes +0 and -0 to the same value on purpose (with seed 0: 041fe719c053b59f), because 0 == -0 is true in Go. Key 0 goes into slot 3; the hash\'s top byte, 0x04, is below 5, so its tophash is 9.',
      expect: { count: 4, hashes: { 0: '041fe719c053b59f' }, entries: { '0.0.3': ['0', 10] }, slots: { '0.0.3': 9 } },
    },
    {
      ops: 'set -0 20',
      say: 'm[-0] = 20 finds the existing key, since -0 == 0, so the count stays 4. But look at the key: it now reads -0. ' +
        'For float keys Go overwrites the stored key on every assignment, because equal floats can have different bits; the value becomes 20.',
      expect: {
        count: 4, hashes: { '-0': '041fe719c053b59f' }, entries: { '0.0.3': ['-0', 20] },
        events: [{ e: 'compareKey', slot: 3, value: 1 }, { e: 'found', slot: 3 }, { e: 'updateKey', slot: 3 }],
      },
    },
    {
      ops: 'get 0',
      say: 'Looking up +0 finds the -0 entry: 20, true.',
      expect: { result: '20 true' },
    },
    {
      ops: 'range start=0 offset=0; del 1.5; next; del NaN; next; del NaN; next; del -0; next',
      say: 'The usual way to empty a map: for k := range m { delete(m, k) }. The loop yields 1.5, NaN, NaN and -0, and deletes each as it goes. ' +
        'The deletes of 1.5 and -0 work; the deletes of NaN cannot. After the loop, 2 entries remain, both NaN. (For keys that always equal themselves, such as ints and strings, the compiler turns this loop into one call that clears the whole map; for floats it cannot.)',
      expect: { yielded: ['1.5', 'NaN', 'NaN', '-0'], result: 'end', count: 2, entries: { '0.0.1': 'NaN', '0.0.2': 'NaN' }, slots: { '0.0.0': 1, '0.0.3': 0 } },
    },
  ],
};
