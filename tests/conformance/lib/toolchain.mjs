// Finding the tools the suite needs — Go 1.19 to build the oracle, the gomap CLI under test —
// and building the oracle into build/conformance/ so the source tree stays clean.
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
  if (!existsSync(GO)) {
    throw new ToolMissing(`Go 1.19 not found at ${GO}: conformance suite CANNOT RUN`);
  }
  const version = spawnSync(GO, ['version'], { env: goEnv, encoding: 'utf8' });
  if (version.status !== 0 || !/go1\.19(\.|\s)/.test(version.stdout)) {
    // The oracle reads runtime structures whose layout is Go 1.19's; another Go would be wrong.
    throw new ToolMissing(`Go 1.19 not found at ${GO} (got: ${(version.stdout || version.stderr).trim()}): ` +
      'conformance suite CANNOT RUN');
  }
  mkdirSync(buildDir, { recursive: true });
  const build = spawnSync(GO, ['build', '-o', ORACLE, '.'], {
    cwd: path.join(conformanceDir, 'oracle'), env: goEnv, encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new ToolMissing(`building the Go oracle failed: conformance suite CANNOT RUN\n${build.stderr}`);
  }
  return ORACLE;
}

export function requireGomap() {
  if (!existsSync(GOMAP)) {
    throw new ToolMissing(`gomap not found at ${GOMAP} (build it with cmake --build build/native-release, ` +
      'or set GOMAP): conformance suite CANNOT RUN');
  }
  return GOMAP;
}
