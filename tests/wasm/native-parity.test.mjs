// The module and the native gomap CLI print the same dumps for the same scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gomapCli, loadModule, newMap } from './load.mjs';

const gomap = await loadModule();

const scenarios = {
  'int64 growth and deletes': 'map[int64]int64\nfill 60\ndel 3; del 4; del 50\nset 7 -7\nget 7\ndump\nrange start=1 offset=3\nset 1000 1\nnext 5\niter start=0 offset=0',
  'strings with quotes and unicode': 'map[string]int64\nset "a b" 1\nset "\\u00e9t\\u00e9" 2\nset "semi;colon" 3\nfill 30\ndel k7\nget "a b"\ndump',
  'floats, NaN and signed zero': 'map[float64]int64\nset 0 1\nset -0 2\nset NaN 3\nset NaN 4\nset 1.5 5\nget NaN\nget 0\nfill 20\niter start=1 offset=5',
  'big keys stored indirectly': 'map[[200]byte][200]byte\nfill 40\ndel k3\nset k3 again\ndump',
  'same-size growth by churn': 'map[int64]int64\nhasher identity\nset 3 3\nset 0 0; set 4 0; set 8 0; set 12 0; set 16 0; set 20 0; set 24 0; set 28 0\nset 32 0\ndel 0; del 4; del 8; del 12; del 16; del 20; del 24; del 28; del 32\ndump',
  'version 1.19 reseeds on empty': 'map[string]int64\nversion 1.19\nset a 1\ndel a\nset b 2\nclear\ndump',
  'errors leave the map alone': 'map[int32]int64\nset 1 1\nset 99999999999 1\nset x 1\nnext\nseed 5\nbogus\nset 2 2',
  'collide and hint': 'map[string]int64\nhint 53\ncollide 5 20\ndump',
};

for (const [name, text] of Object.entries(scenarios)) {
  test(`wasm and native dumps agree: ${name}`, { skip: !existsSync(gomapCli) && 'native gomap not built' }, () => {
    const m = newMap(gomap);
    const fromWasm = m.runScenario(text, { trace: true });
    m.free();
    let out;
    try {
      out = execFileSync(gomapCli, ['--trace'], { input: text, encoding: 'utf8' });
    } catch (e) {
      out = e.stdout; // a scenario with failing lines exits 1
    }
    const fromNative = out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.equal(fromWasm.length, fromNative.length);
    assert.deepEqual(fromWasm, fromNative);
  });
}
