// Types of the module Emscripten writes (gomap_wasm.mjs, built from bindings.cpp): the
// factory, and the embind classes and functions gomap-api.mjs calls. Hand-written, as
// Debian's Emscripten 3.1.6 has no --emit-tsd; bindings.cpp is the truth.

/** What every embind session has (SessionCore in bindings.cpp). */
export interface SessionCore {
  exec(command: string, trace: boolean): string;
  runScenario(text: string, dumpsOnly: boolean, trace: boolean): string;
  rewind(writes: number): string;
  prepareFill(n: number, maxCopyBytes: number): boolean;
  heapPointer(): number;
  heapSize(): number;
  heapBase(): number;
  snapshot(): number;
  restore(id: number): boolean;
  restoreError(): string;
  prepareSnapshot(maxCopyBytes: number): boolean;
  prepareRestore(id: number, maxCopyBytes: number): boolean;
  dropSnapshot(id: number): void;
  snapshotCount(): number;
  snapshotError(): string;
  delete(): void;
}

export interface Session extends SessionCore {
  state(): string;
  header(): string;
  chains(old: boolean, from: number, count: number): string;
  checkInvariants(): string;
  setInt64Batch(keys: number, values: number, count: number): string;
  checkInt64Batch(count: number): string;
}

export interface SwissSession extends SessionCore {
  state(): string;
  stateNear(near: string, maxGroups: number): string;
  stateTables(near: string, maxGroups: number): string;
  groups(table: string, from: number, count: number): string;
  header(): string;
  checkInvariants(): string;
}

export interface GoMapWasm {
  Session: new () => Session;
  SwissSession: new () => SwissSession;
  allocatedBytes(): number;
  memoryInUse(): number;
  memoryCeiling(): number;
  mapLayout(typeText: string): string;
  splitCommands(text: string): string;
  /** The core's schema (core/schema.h, `gomap --schema`): one line of JSON. */
  schema(): string;
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
}

export default function createGoMapModule(args?: { wasmBinary?: ArrayBufferLike | Uint8Array }): Promise<GoMapWasm>;
