// The source pane's anchors: every (function, event kind) it names points
// at a line of the Go 1.14.2 source data, and the steps the player makes
// land on the line that does what the narration says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANCHORS, sourceLine } from '../../web/source/source-lines.mjs';
import { FUNCTIONS } from '../../web/source/map-go-1.14.2.mjs';

test('every anchor is found in its function', () => {
  for (const [fn, kinds] of Object.entries(ANCHORS)) {
    assert.ok(FUNCTIONS[fn], `${fn} is in the source data`);
    for (const e of Object.keys(kinds)) {
      const at = sourceLine({ fn, e });
      assert.notEqual(at.line, null, `${fn}/${e}`);
    }
  }
});

test('steps land on the line that does them', () => {
  const text = (fn, e) => { const at = sourceLine({ fn, e }); return at.lines[at.line].trim(); };
  assert.equal(text('mapassign', 'claimSlot'), '*inserti = top');
  assert.equal(text('evacuate', 'evacuateEntry'), 'b.tophash[i] = evacuatedX + useY');
  assert.equal(text('mapdelete', 'markEmptyOne'), 'b.tophash[i] = emptyOne');
  assert.equal(text('mapaccess', 'compareTophash'), 'if b.tophash[i] != top {');
  assert.equal(text('advanceEvacuationMark', 'advanceNevacuate'), 'h.nevacuate++');
  // the not-found return of a lookup is its last line that returns zero
  const miss = sourceLine({ fn: 'mapaccess', e: 'notFound' });
  assert.ok(miss.line > sourceLine({ fn: 'mapaccess', e: 'found' }).line);
});

test('a step without a line of its own shows its function; an unknown function none', () => {
  assert.deepEqual({ ...sourceLine({ fn: 'mapassign', e: 'iterYield' }), lines: null }, { fn: 'mapassign', line: null, lines: null });
  assert.equal(sourceLine({ fn: 'mapclear', e: 'clearMap' }).fn, null);
});
