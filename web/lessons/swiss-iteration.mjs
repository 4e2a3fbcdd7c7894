// Lesson (Go 1.26): range order comes from two random offsets, the same
// entry offset for every table; and a loop whose table is replaced under it
// keeps walking the old one, looking each key up again in the live map.
// Offsets are pinned (entry=E dir=D) where the lesson needs an order.
export default {
  id: 'swiss-iteration',
  title: 'Go 1.26: iteration order, and what a range sees when the map changes',
  summary: 'range starts at a random slot of each table and wraps around; if the table grows under a loop, the loop walks the old table and asks the live map for each key, so new keys are missed and deleted ones skipped.',
  setup: 'map[int64]int64\nversion 1.26\nhasher identity\nhint 14',
  steps: [
    {
      ops: 'fill 10',
      say: 'Keys 1 to 10 in a table of 16 slots (toy hash: hash = key): 1 to 8 fill group 0, 9 and 10 spill into group 1.',
      expect: { count: 10, entries: { '0.0.0': '1', '0.0.7': '8', '0.1.0': '9', '0.1.1': '10' }, table: { 0: { capacity: 16 } } },
    },
    {
      ops: 'iter entry=3 dir=0',
      say: 'A range draws two random numbers: an entry offset and a directory offset. Here the entry offset is pinned to 3. The loop reads the table\'s 16 slots as one row, starting at slot 3 and wrapping around: 4, 5, 6, 7, 8, 9, 10, then 1, 2, 3.',
      expect: {
        result: 'end', keys: ['4', '5', '6', '7', '8', '9', '10', '1', '2', '3'],
        events: [{ e: 'iterStart', entryOffset: '3', dirOffset: '0' }, { e: 'iterYield', slot: 3 }, { e: 'iterEnd' }],
      },
    },
    {
      ops: 'range entry=0 dir=0\nnext 1',
      say: 'Start a loop at offset 0 and take two keys, 1 and 2. The loop is paused at slot 2 of group 0.',
      expect: { yielded: ['1', '2'] },
    },
    {
      ops: 'fill 6',
      say: 'Inside the loop body, six keys go in: 11 to 16. The 15th entry does not fit in 16 slots, so the table is rebuilt with 32 slots, all at once. The loop\'s table is no longer the map\'s.',
      expect: { count: 16, table: { 0: { capacity: 32, used: 16 } }, events: [{ e: 'rehash', how: 'grow', newCapacity: 32 }] },
    },
    {
      ops: 'del 9',
      say: 'And key 9 is deleted. Group 1 of the new table is full, so its slot becomes a tombstone.',
      expect: { count: 15, slots: { '0.1.0': 254 } },
    },
    {
      ops: 'next 30',
      say: 'The loop goes on over the old table it started with, the one that held keys 1 to 14. For each key there it asks the live map again, so that it returns the current element and skips keys that were deleted: 9 is skipped. ' +
        'Keys 15 and 16 exist only in the new table, so this loop never sees them. It yields 3 to 8 and 10 to 14. Go allows either outcome for keys added during a range; this is the one Go 1.26 picks here.',
      expect: {
        result: 'end', keys: ['3', '4', '5', '6', '7', '8', '10', '11', '12', '13', '14'],
        events: [{ e: 'iterYield', relooked: true }, { e: 'iterSkip', slot: 0 }, { e: 'iterEnd' }],
      },
    },
    {
      ops: 'range entry=0 dir=0\nnext 30',
      say: 'A loop started now walks the new table of 32 slots and sees all 15 keys: 1 to 8, then 10 to 16, passing over the tombstone where 9 was.',
      expect: { result: 'end', yielded: ['1', '2', '3', '4', '5', '6', '7', '8', '10', '11', '12', '13', '14', '15', '16'] },
    },
  ],
};
