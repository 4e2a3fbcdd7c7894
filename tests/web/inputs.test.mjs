import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyToken, valueToken, countValue, seedValue, parseMapType } from '../../web/player/inputs.mjs';

// What a key field takes, by map type: accepted, what was typed → its token
// (integers in range, blanks around them ignored; Go's float spellings;
// text quoted whatever it holds; bytes that fit the array), and refused.
const KEYS = {
  'map[int64]int64': { accepted: { ' 42 ': '42', '-9223372036854775808': '-9223372036854775808' }, refused: ['9223372036854775808', 'abc', '', '1.5'] },
  'map[int32]int64': { accepted: { '-7': '-7' }, refused: ['2147483648'] },
  'map[float64]int64': { accepted: { NaN: 'NaN', '-0': '-0', '2e3': '2000' }, refused: ['one', '1e999'] },
  'map[string]int64': { accepted: { '<b>"hi"</b>': '"<b>\\"hi\\"</b>"' }, refused: ['\uD800'] },
  'map[[4]byte]int64': { accepted: { abcd: '"abcd"' }, refused: ['abcde', 'éé√'] },
};

test('keys are checked against their type and written as tokens', () => {
  for (const [type, { accepted, refused }] of Object.entries(KEYS)) {
    for (const [raw, token] of Object.entries(accepted)) assert.deepEqual(keyToken(type, raw), { token }, `${type} ${raw}`);
    for (const raw of refused) assert.ok(keyToken(type, raw).error, `${type} refuses ${JSON.stringify(raw)}`);
  }
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
  // Only the split: that [300]byte is over the limit is the core's to say.
  assert.deepEqual(parseMapType('map[[300]byte]int64').key, { kind: 'bytes', size: 300 });
  assert.deepEqual(parseMapType('map[[8]byte][200]byte'), { key: { kind: 'bytes', size: 8 }, elem: { kind: 'bytes', size: 200 } });
});

test('any map[K]V splits into key and element kinds (issue 16); Go literals stay one token', async () => {
  const { keyIsTextType, keyIsFloatType, isIntegerKey } = await import('../../web/player/inputs.mjs');
  assert.deepEqual(parseMapType('map[struct{X, Y int32}]bool'), { key: { kind: 'literal', name: 'struct{X, Y int32}' }, elem: { kind: 'bool' } });
  assert.deepEqual(parseMapType('map[[2]int64]string'), { key: { kind: 'literal', name: '[2]int64' }, elem: { kind: 'string' } });
  assert.deepEqual(parseMapType('map[int]struct{}').key, { kind: 'integer', name: 'int' });
  assert.deepEqual(parseMapType('map[string][]byte').elem, { kind: 'literal', name: '[]byte' });
  assert.equal(parseMapType('map[int]'), null);
  assert.equal(parseMapType('map[int64]int64\nclear'), null);
  assert.equal(isIntegerKey('map[uint8]bool'), true);
  assert.equal(keyIsTextType('map[[4]uint8]int'), true);
  assert.equal(keyIsTextType('map[struct{A int8; B string}]bool'), false);
  assert.equal(keyIsFloatType('map[float32]uint8'), true);

  const mt = 'map[struct{A int8; B string}]bool';
  assert.deepEqual(keyToken(mt, ' {1, "a b"} '), { token: '{1, "a b"}' });
  assert.match(keyToken(mt, '{1, "a"} 2').error, /one Go literal/);
  assert.match(keyToken(mt, '{1, "a"}; clear').error, /one Go literal/);
  assert.match(keyToken(mt, '').error, /Go literal of struct/);
  assert.deepEqual(valueToken(mt, 'true'), { token: 'true' });
  assert.match(valueToken(mt, 'yes').error, /true or false/);
  assert.deepEqual(keyToken('map[uint8]bool', '255'), { token: '255' });
  assert.match(keyToken('map[uint8]bool', '256').error, /between 0 and 255/);
  assert.match(keyToken('map[int8]bool', '-129').error, /between -128 and 127/);
  assert.deepEqual(keyToken('map[complex128]int', '(1+2i)'), { token: '(1+2i)' });
  assert.deepEqual(keyToken('map[float32]uint8', '-0'), { token: '-0' });
  assert.deepEqual(valueToken('map[string]string', 'a b'), { token: '"a b"' });
  assert.deepEqual(valueToken('map[int]struct{}', ''), { token: '' });
  // Version-1 types read as before.
  assert.deepEqual(keyToken('map[int64]int64', '42'), { token: '42' });
  assert.deepEqual(keyToken('map[string]int64', 'k1'), { token: '"k1"' });
});
