// Finding the tools the suite needs — Go 1.19 and Go 1.26 to build the two oracles, the gomap CLI
// under test — and building the oracles into build/conformance/ so the source tree stays clean.
// Missing tools are loud errors: a conformance suite that cannot run must never look green.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const conformanceDir = path.resolve(here, '..');
export const buildDir = path.join(repoRoot, 'build', 'conformance');

export const GO = process.env.GO ?? '/usr/lib/go-1.19/bin/go';
export const GOMAP = process.env.GOMAP ?? path.join(repoRoot, 'build', 'native-release', 'gomap');
export const ORACLE = path.join(buildDir, 'oracle');
export const GO126 = process.env.GO126 ?? '/usr/lib/go-1.26/bin/go';
export const ORACLE126 = path.join(buildDir, 'oracle126');

// Everything Go writes (module cache, build cache) stays under build/conformance; nothing is
// downloaded (GOPROXY=off, the oracle uses the standard library only).
const goEnv = {
  ...process.env,
  GOTOOLCHAIN: 'local',
  GOPATH: path.join(buildDir, 'gopath'),
  GOCACHE: path.join(buildDir, 'go-cache'),
  GOFLAGS: '',
  GOPROXY: 'off',
  GO111MODULE: 'on',
  CGO_ENABLED: '0',
};

// The oracle's process: the portable fallback hash (not AES) so the model can reproduce it.
export const oracleEnv = { ...process.env, GODEBUG: 'cpu.aes=off' };

export class ToolMissing extends Error {}

export function buildOracle() {
  return buildGoOracle({ go: GO, version: '1.19', dir: 'oracle', output: ORACLE, ldflags: [] });
}

// The Go 1.26 oracle reads runtime.hashkey through a pulled linkname, which the 1.23+ linker
// only allows with -checklinkname=0.
export function buildOracle126() {
  return buildGoOracle({
    go: GO126, version: '1.26', dir: 'oracle126', output: ORACLE126, ldflags: ['-ldflags=-checklinkname=0'],
  });
}

function buildGoOracle({ go, version, dir, output, ldflags }) {
  if (!existsSync(go)) {
    throw new ToolMissing(`Go ${version} not found at ${go}: conformance suite CANNOT RUN`);
  }
  const got = spawnSync(go, ['version'], { env: goEnv, encoding: 'utf8' });
  if (got.status !== 0 || !new RegExp(`go${version.replace('.', '\\.')}(\\.|\\s)`).test(got.stdout)) {
    // The oracle reads runtime structures whose layout is this Go's; another Go would be wrong.
    throw new ToolMissing(`Go ${version} not found at ${go} (got: ${(got.stdout || got.stderr).trim()}): ` +
      'conformance suite CANNOT RUN');
  }
  mkdirSync(buildDir, { recursive: true });
  const build = spawnSync(go, ['build', ...ldflags, '-o', output, '.'], {
    cwd: path.join(conformanceDir, dir), env: goEnv, encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new ToolMissing(`building the Go ${version} oracle failed: conformance suite CANNOT RUN\n${build.stderr}`);
  }
  return output;
}

export function requireGomap() {
  if (!existsSync(GOMAP)) {
    throw new ToolMissing(`gomap not found at ${GOMAP} (build it with cmake --build build/native-release, ` +
      'or set GOMAP): conformance suite CANNOT RUN');
  }
  return GOMAP;
}

// Whether gomap runs `version 1.26` scenarios with the Swiss dump (contract version 2). A gomap
// that does not must make every 1.26 scenario fail, never pass unchecked.
export function gomapSpeaksSwiss(gomap) {
  const r = spawnSync(gomap, ['-'], {
    input: 'version 1.26\nmap[int64]int64\nset 1 1\n', encoding: 'utf8', timeout: 30_000,
  });
  const lines = (r.stdout ?? '').split('\n').filter((l) => l.trim() !== '');
  try {
    const rec = JSON.parse(lines.at(-1));
    return rec.model === 'swiss' && rec.error === undefined;
  } catch {
    return false;
  }
}
