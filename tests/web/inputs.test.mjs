import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyToken, valueToken, countValue, seedValue, parseMapType } from '../../web/player/inputs.mjs';

test('integer keys are checked against their type\'s range', () => {
  assert.deepEqual(keyToken('map[int64]int64', ' 42 '), { token: '42' });
  assert.deepEqual(keyToken('map[int64]int64', '-9223372036854775808'), { token: '-9223372036854775808' });
  assert.ok(keyToken('map[int64]int64', '9223372036854775808').error);
  assert.ok(keyToken('map[int32]int64', '2147483648').error);
  assert.ok(keyToken('map[int64]int64', 'abc').error);
  assert.ok(keyToken('map[int64]int64', '').error);
  assert.ok(keyToken('map[int64]int64', '1.5').error);
});

test('float keys accept Go\'s spellings of special values', () => {
  assert.deepEqual(keyToken('map[float64]int64', 'NaN'), { token: 'NaN' });
  assert.deepEqual(keyToken('map[float64]int64', '-0'), { token: '-0' });
  assert.deepEqual(keyToken('map[float64]int64', '2e3'), { token: '2000' });
  assert.ok(keyToken('map[float64]int64', 'one').error);
  assert.ok(keyToken('map[float64]int64', '1e999').error);
});

test('text keys are quoted, whatever they contain, and byte keys must fit', () => {
  assert.deepEqual(keyToken('map[string]int64', '<b>"hi"</b>'), { token: '"<b>\\"hi\\"</b>"' });
  assert.deepEqual(keyToken('map[[4]byte]int64', 'abcd'), { token: '"abcd"' });
  assert.ok(keyToken('map[[4]byte]int64', 'abcde').error);
  assert.ok(keyToken('map[[4]byte]int64', 'éé√').error);
  assert.ok(keyToken('map[string]int64', '\uD800').error);
});

test('values, counts and seeds', () => {
  assert.deepEqual(valueToken('map[string]int64', ''), { token: '' });
  assert.ok(valueToken('map[string]int64', 'x').error);
  assert.deepEqual(valueToken('map[string][4]byte', 'ab'), { token: '"ab"' });
  assert.deepEqual(countValue('1,000,000', { max: 2e6 }), { value: 1000000 });
  assert.ok(countValue('-1', { max: 10 }).error);
  assert.ok(countValue('11', { max: 10 }).error);
  assert.deepEqual(seedValue('0x10'), { value: 16 });
  assert.deepEqual(seedValue(''), { value: undefined });
  assert.ok(seedValue('4294967296').error);
  assert.equal(parseMapType('map[[300]byte]int64'), null);
  assert.deepEqual(parseMapType('map[[8]byte][200]byte'), { key: { kind: 'bytes', size: 8 }, elem: { kind: 'bytes', size: 200 } });
});
