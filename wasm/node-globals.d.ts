// The two things of node that gomap.mjs touches when it loads under node (it reads the
// .wasm file itself there). Declared narrowly here rather than with @types/node, so the
// page's code, checked in the same program, keeps the browser's types (setTimeout
// returns a number) and cannot lean on node by mistake.
declare var process: { versions?: { node?: string } } | undefined;
declare module 'node:fs/promises' {
  export function readFile(path: URL): Promise<Uint8Array>;
}
