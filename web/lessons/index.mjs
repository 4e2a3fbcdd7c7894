// The guided tutorial, in reading order. Each lesson is a module of its own
// (see README.md for the format); the playground and the test import this list.
import bucketChoice from './bucket-choice.mjs';
import realHash from './real-hash.mjs';
import tophash from './tophash.mjs';
import firstBucket from './first-bucket.mjs';
import overflow from './overflow.mjs';
import growth from './growth.mjs';
import del from './delete.mjs';
import sameSizeGrow from './same-size-grow.mjs';
import iteration from './iteration.mjs';
import floatKeys from './float-keys.mjs';
import bigKeys from './big-keys.mjs';
import swissHashBits from './swiss-hash-bits.mjs';
import swissProbing from './swiss-probing.mjs';
import swissSmallMap from './swiss-small-map.mjs';
import swissTombstones from './swiss-tombstones.mjs';
import swissGenericChurn from './swiss-generic-churn.mjs';
import swissGrowth from './swiss-growth.mjs';
import swissIteration from './swiss-iteration.mjs';
import compareMemory from './compare-memory.mjs';

export const lessons = [
  bucketChoice,
  realHash,
  tophash,
  firstBucket,
  overflow,
  growth,
  del,
  sameSizeGrow,
  iteration,
  floatKeys,
  bigKeys,
  // Go 1.26's Swiss table (each lesson's set-up says `version 1.26`).
  swissHashBits,
  swissProbing,
  swissSmallMap,
  swissTombstones,
  swissGenericChurn,
  swissGrowth,
  swissIteration,
  // Both maps side by side (compare mode; `compare: true`).
  compareMemory,
];

export default lessons;
