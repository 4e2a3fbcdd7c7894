// Go's own numbers for each map type of Go's other types (`oracle --layout`: unsafe.Sizeof,
// Alignof and Offsetof of the key and element, the compiled maptype's keysize, elemsize,
// bucketsize and flags, and the hash function the compiler attached) against gomap's layout
// (`gomap --layout`). Returns { checked, diffs }.

import { spawnSync } from 'node:child_process';

export function checkLayouts({ oracle, gomap, oracleEnv, swiss = false }) {
  const o = spawnSync(oracle, ['--layout'], { env: oracleEnv, encoding: 'utf8' });
  if (o.status !== 0) return { checked: 0, diffs: [`oracle --layout failed: ${o.stderr}`] };
  const diffs = [];
  let checked = 0;
  // Generated hash functions are named after the type; only "generated or which runtime
  // function" is compared.
  const kind = (h) => (h.startsWith('.hash.') ? 'generated' : h);
  for (const line of o.stdout.split('\n').filter(Boolean)) {
    const want = JSON.parse(line);
    const g = spawnSync(gomap, ['--layout', want.type], { encoding: 'utf8' });
    if (g.status !== 0) {
      diffs.push(`${want.type}: gomap refused it: ${g.stderr.trim()}`);
      continue;
    }
    const got = JSON.parse(g.stdout);
    checked++;
    const differ = (what, e, v) => { if (e !== v) diffs.push(`${want.type}: ${what}: Go ${e}, gomap ${v}`); };
    if (swiss) {
      // Go 1.26 (oracle126 --layout): the slot geometry and the hash function.
      for (const f of ['slotSize', 'elemOff', 'groupSize', 'flags']) differ(`swiss ${f}`, want[f], got.swiss[f]);
      differ('hasher', kind(want.hasher), kind(got.hasher));
      continue;
    }
    for (const part of ['key', 'elem']) {
      differ(`${part} size`, want[part].size, got[part].size);
      differ(`${part} align`, want[part].align, got[part].align);
      for (const f of want[part].fields ?? []) {
        const mine = (got[part].fields ?? []).find((x) => x.name === f.name);
        differ(`${part}.${f.name} offset`, f.offset, mine?.offset);
        differ(`${part}.${f.name} size`, f.size, mine?.size);
      }
    }
    for (const f of ['keysize', 'elemsize', 'bucketsize', 'flags']) differ(f, want[f], got[f]);
    differ('hasher', kind(want.hasher), kind(got.hasher));
  }
  return { checked, diffs };
}
