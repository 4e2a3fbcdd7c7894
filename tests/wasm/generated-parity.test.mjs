// Native and wasm builds fed the same generated scenarios print identical
// dumps: a seeded generator writes scenarios over every key type, with
// growth, deletes, clears, iteration (pinned and random), errors and pins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gomapCli, loadModule, newMap } from './load.mjs';

const gomap = await loadModule();

// A small deterministic PRNG (xorshift32), so failures reproduce.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x % n;
  };
}

const types = ['map[int64]int64', 'map[int32]int64', 'map[string]int64', 'map[float64]int64',
               'map[[8]byte]int64', 'map[[200]byte][200]byte', 'map[string][130]byte', 'map[[3]byte][5]byte'];

function key(type, r) {
  const n = r(300);
  if (type.startsWith('map[float64]')) return ['0', '-0', 'NaN', '1.5', '+Inf', String(n - 150), `${n}e3`][r(7)];
  if (type.startsWith('map[string]')) return r(10) === 0 ? `"k ${n};#\\t"` : `k${n}`;
  if (type.startsWith('map[[3]')) return `a${n % 50}`;
  if (type.startsWith('map[[')) return `k${n}`;
  return String(n - 100);
}

function value(type, r) {
  if (type.endsWith(']int64')) return String(r(1000) - 500);
  return `v${r(99)}`;
}

function generate(seed) {
  const r = rng(seed);
  const type = types[seed % types.length];
  const lines = [type];
  if (r(3) === 0) lines.push(`hint ${r(120)}`);
  if (r(4) === 0) lines.push('version 1.19');
  if (r(3) === 0 && (type.includes('int64]') || type.includes('int32]')) && !type.startsWith('map[[')) lines.push('hasher identity');
  if (r(3) === 0) lines.push(`seed ${r(100000)}`);
  let iterOpen = false;
  for (let i = 0; i < 120; i++) {
    const c = r(100);
    if (c < 45) lines.push(`set ${key(type, r)} ${value(type, r)}`);
    else if (c < 65) lines.push(`del ${key(type, r)}`);
    else if (c < 75) lines.push(`get ${key(type, r)}`);
    else if (c < 80) lines.push(`fill ${r(40)}`);
    else if (c < 82) lines.push('clear');
    else if (c < 86) { lines.push(r(2) ? 'range' : `range start=0 offset=${r(8)}`); iterOpen = true; }
    else if (c < 90 && iterOpen) lines.push(`next ${1 + r(6)}`);
    else if (c < 92) lines.push(r(2) ? 'iter' : 'iter start=0 offset=3');
    else if (c < 94) lines.push(`hash ${key(type, r)} ${r(2) ? '0x' + r(1 << 30).toString(16) + 'ff' : r(1000)}`);
    else if (c < 96) lines.push(['bogus', 'set', 'seed 4', 'next 0', 'del "unterminated'][r(5)]);
    else lines.push('dump');
  }
  return lines.join('\n');
}

test('40 generated scenarios give identical dumps natively and in wasm',
  { skip: !existsSync(gomapCli) && 'native gomap not built' }, () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = generate(seed);
      const m = newMap(gomap);
      const fromWasm = m.runScenario(text);
      m.free();
      let out;
      try {
        out = execFileSync(gomapCli, [], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
      } catch (e) {
        out = e.stdout;
      }
      const fromNative = out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
      assert.equal(fromWasm.length, fromNative.length, `seed ${seed}`);
      for (let i = 0; i < fromNative.length; i++) {
        assert.deepEqual(fromWasm[i], fromNative[i], `seed ${seed}, dump ${i}:\n${text}`);
      }
    }
  });
