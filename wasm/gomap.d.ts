// Types for the Go Map Playground JavaScript API (gomap.mjs, gomap-single.mjs).
// Hand-written: Debian's Emscripten 3.1.6 has no --emit-tsd. npm test's type check holds
// them against gomap-api.mjs (tests/types/declarations.ts).
import type { GoMapWasm, Session, SwissSession } from './gomap_wasm.mjs';

export type Failure = { ok: false; error: string };

/** One executed command, as the module reports it. */
export interface Outcome {
  line: number;
  op: string;
  operation?: boolean;
  result?: string;
  keys?: string[];
  start?: number;
  offset?: number;
  hashes?: Record<string, string>;
  events?: TraceEvent[];
  eventsTruncated?: boolean;
  /** The CLI's words: "line 7: why" or "line 1, command 2: why". */
  error?: string;
  /** With an error: why, without the place (compose words from line, index, message). */
  message?: string;
  /** With an error on a line holding several commands: the command's place on it, from 1. */
  index?: number;
}

export type Result<T = {}> = ({ ok: true } & Outcome & T) | Failure;

/** A micro-step of an operation (core/trace.h). */
export interface TraceEvent {
  e: string;          // hashKey, pickBucket, compareTophash, claimSlot, evacuateEntry, ...
  fn: string;         // the runtime function: mapassign, evacuate, ...
  old: boolean;       // on the old bucket array
  bucket: number;
  slot: number;
  tophash: number;
  addr: string;       // bucket address, hex
  value: string;      // kind-specific, hex
  value2: number;
  writes: number;     // pass to rewind() to see the map right after this step
}

export interface Header {
  type: { name: string; keysize: number; elemsize: number; bucketsize: number;
          indirectKey: boolean; indirectElem: boolean; hasPointers: boolean; variant: string };
  hasher: 'go114' | 'go119' | 'identity';
  version: '1.14' | '1.19';
  created: boolean;
  hmap?: string; count?: number; flags?: number; B?: number; noverflow?: number; hash0?: number;
  buckets?: string; oldbuckets?: string; nevacuate?: number; extra?: string; nextOverflow?: string;
  arrayBuckets?: number; heapUsed?: number;
  iterator?: { done: boolean; startBucket: number; offset: number; B: number; bucket: number;
               i: number; wrapped: boolean; bptr: string; buckets: string; checkBucket: string; key?: string };
}

/** A bucket of a chain, read from its bytes. k/v are null where no key is readable. */
export interface BucketView { addr: string; t: number[]; k: (string | null)[]; v: (string | null)[]; overflow: string }
export type Chain = BucketView[];

export interface State {
  header: Header;
  buckets?: Chain[];
  oldbuckets?: Chain[];
  spare?: { total: number; unused: number };
}

export interface MapOptions {
  mapType?: string;                 // "map[string]int64" (default)
  hasher?: 'go114' | 'go119' | 'identity' | 'go126';  // go126: version 1.26 only (its default)
  seed?: number | bigint;           // hash0 (uint32); version 1.26: the 64-bit seed
  hashkey?: (number | bigint)[];    // 1 to 4 words
  rand?: [number, number];          // fastrand state
  hint?: number;
  version?: '1.14' | '1.19' | '1.26';  // 1.26: Go's Swiss table, a SwissGoMap
}

export type Key = string | number | bigint;
export interface Pin { start: number; offset: number }
/** ok false (id 0, restore() false) when the copy would pass the memory budget. */
export interface Snapshot {
  ok: boolean; error?: string; id: number;
  /** false when refused (out of memory, or the snapshot was freed): restoreError() says why. */
  restore(): boolean;
  restoreError(): string;
  /** Copies the restore's bytes ahead, at most maxCopyBytes a call; true once whole. */
  prepareRestore(options?: { maxCopyBytes?: number }): boolean;
  free(): void;
}
/** The model's memory budget: bytes every map, journal and snapshot hold, and the ceiling. */
export interface MemoryUse { inUse: number; ceiling: number }

export declare class GoMap {
  /** The Go version whose map this is (a SwissGoMap's is '1.26'). */
  readonly version: '1.14' | '1.19' | '1.26';
  /** The Emscripten module and this map's embind session underneath (null once freed): for tests and tools. */
  readonly module: GoMapWasm;
  readonly session: Session | SwissSession | null;
  run(text: string, options?: { trace?: boolean }): Outcome[];
  runScenario(text: string, options?: { dumpsOnly?: boolean; trace?: boolean }): object[];
  set(key: Key, value?: number | bigint | string, options?: { trace?: boolean }): Result;
  get(key: Key, options?: { trace?: boolean }): Result<{ found: boolean; value: string }>;
  delete(key: Key, options?: { trace?: boolean }): Result;
  clear(options?: { trace?: boolean }): Result;
  pinHash(key: Key, hash: bigint): Result;
  fill(n: number): Result;
  /** Makes fill(n)'s heap room ahead, copying at most maxCopyBytes per call; true once ready. */
  prepareFill(n: number, options?: { maxCopyBytes?: number }): boolean;
  collide(bucket: number, n: number): Result;
  iterate(pin?: Pin, options?: { trace?: boolean }): Result;
  range(pin?: Pin, options?: { trace?: boolean }): Result;
  next(n?: number, options?: { trace?: boolean }): Result;
  setInt64Batch(keys: BigInt64Array, values: BigInt64Array): { ok: true } | Failure;
  readonly events: TraceEvent[];
  rewind(writes: number): { ok: true } | Failure;
  /** A fresh copy each call; read across the boundary once per state of the map. */
  header(): Header;
  /** How many times header() read across the boundary (tests count them). */
  readonly headerReads: number;
  state(): State;
  /** A start or count that is not an integer from 0, or a start past the array, is a Failure. */
  chains(old: boolean, from: number, count: number): Chain[] | Failure;
  checkInvariants(): string;
  /** view is valid only while fn runs. */
  withHeap<T>(fn: (view: Uint8Array, baseAddress: number) => T): T;
  heapCopy(): Uint8Array;
  snapshot(): Snapshot;
  /** Copies the next snapshot()'s bytes ahead, at most maxCopyBytes a call; true once whole. */
  prepareSnapshot(options?: { maxCopyBytes?: number }): boolean;
  snapshotCount(): number;
  free(): void;
}

/** One group of a Swiss table: 8 control bytes and 8 slots. */
export interface SwissGroup {
  addr: string;
  ctrl: number[];  // 0x80 empty, 0xFE deleted, else the h2 of a full slot
  s: ({ k: string; v: string | number } | { stale: string; staleV?: string | number } | Record<string, never>)[];
}
export interface SwissTable {
  addr: string; groupsAddr: string; index: number; localDepth: number;
  capacity: number; used: number; growthLeft: number; tombstones: number; groups: SwissGroup[];
  groupCount: number;
  /** Read without its groups (state({ near, maxGroups }) of a big map). */
  summary?: true;
}
/** docs/scenario-format.md's Swiss dump (contract version 2) plus addresses. */
export interface SwissDump {
  model: 'swiss'; count: number; seed: string; dirLen: number; globalDepth: number;
  tombstonePossible: boolean; clearSeq: number;
  small?: SwissGroup; directory?: number[]; tables?: SwissTable[];
  map: string; dirPtr: string; globalShift: number; heapUsed: number;
  /** Tables the last traced operation named that the directory does not point at (mid-grow). */
  detached: SwissTable[];
}
export interface SwissHeader {
  version: '1.26';
  type: { name: string; keysize: number; elemsize: number; indirectKey: boolean; indirectElem: boolean;
    variant: string; slotSize?: number; groupSize?: number; elemOff?: number };
  created: boolean; hasher?: string; map?: string; count?: number; seed?: string; dirLen?: number;
  globalDepth?: number; tombstonePossible?: boolean; clearSeq?: number; heapUsed?: number;
  /** Slots in all tables (8 for a small map), and the groups of directory entry 0's table. */
  slots?: number; groups0?: number;
}
/** A Go 1.26 trace event: "e", "fn", "writes" and named fields per kind (wasm/README.md). */
export type SwissTraceEvent = { e: string; fn: string; writes: number; [field: string]: unknown };

/** Go 1.26's map (createMap({ version: '1.26' })): pins are { entry, dir }; no chains or batch. */
export declare class SwissGoMap extends GoMap {
  readonly version: '1.26';
  // @ts-expect-error the Swiss state has its own shape, not the bucket map's State
  state(options?: { near?: string[]; maxGroups?: number; groups?: boolean }): { header: SwissHeader; swiss?: SwissDump };
  // @ts-expect-error the Swiss header has its own fields, not the bucket map's Header
  header(): SwissHeader;
  /** Groups [from, from + count) of a table the state lists, cut at its end. */
  groups(table: string, from: number, count: number): SwissGroup[] | Failure;
}

/** The core's facts (core/schema.h, `gomap --schema`); web/share/core-schema.mjs is generated from it. */
export interface CoreSchema {
  schemaVersion: number;
  setupCommands: string[];
  operations: string[];
  versions: { name: string; model: 'buckets' | 'swiss'; defaultHasher: string }[];
  hashers: { name: string; models: ('buckets' | 'swiss')[] }[];
  variants: { name: string; suffix: string }[];
  limits: { scenarioLines: number; scenarioBytes: number; traceEventsPerOperation: number;
            swissTraceEventsPerOperation: number; maxGoArrayLen: number; maxGoTypeDepth: number;
            maxStructFields: number; maxGoTypeSize: number };
  buckets: {
    bucketCnt: number; minTopHash: number; tophashStates: { value: number; name: string }[];
    loadFactor: number; maxInlineSize: number;
    flags: { iterator: number; oldIterator: number; hashWriting: number; sameSizeGrow: number };
    limits: { maxEntries: number; maxStringKeyBytes: number; maxHeapBytes: number; dumpFullBucketLimit: number };
    eventKinds: string[]; functions: string[];
  };
  swiss: {
    groupSlots: number; ctrlEmpty: number; ctrlDeleted: number; maxTableCapacity: number;
    maxAvgGroupLoad: number; loadFactor: number;
    limits: { maxEntries: number; maxStringKeyBytes: number; maxHeapBytes: number };
    eventKinds: string[]; functions: string[];
  };
}

export declare class GoMapModule {
  /** The Emscripten module underneath (wasm/gomap_wasm.d.mts): for tests and tools. */
  readonly module: GoMapWasm;
  /** The core's facts (core/schema.h, `gomap --schema`), read from the module once. */
  schema(): CoreSchema;
  allocatedBytes(): number;
  memory(): MemoryUse;
  createMap(options?: MapOptions): { ok: true; map: GoMap | SwissGoMap } | Failure;
  /** What the type decides about the map's memory (core/map_layout.h, `gomap --layout`). */
  mapLayout(typeText: string): { ok: true; layout: MapLayout } | Failure;
  /** Scenario text split by the core's tokenizer (core/scenario_parse.h). */
  splitCommands(text: string): { ok: true; commands: SplitCommand[] } | Failure;
}

export interface GoTypeLayout {
  name: string; size: number; align: number; padding: number;
  fields?: { name: string; type: string; offset: number; size: number }[];
}

export interface MapLayout {
  type: string; key: GoTypeLayout; elem: GoTypeLayout;
  keysize: number; elemsize: number; bucketsize: number;
  keysOffset: number; elemsOffset: number; overflowOffset: number;
  indirectKey: boolean; indirectElem: boolean; reflexiveKey: boolean; needKeyUpdate: boolean;
  flags: number; bucketHasPointers: boolean; hasher: string; variant: string;
  swiss: { slotSize: number; elemOff: number; groupSize: number; flags: number; prunes: boolean };
}

export interface SplitCommand { line: number; index: number; text: string; tokens: string[]; error?: string }

export declare function loadGoMap(): Promise<GoMapModule>;
export declare function quoteToken(text: string): string;
