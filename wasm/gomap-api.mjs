// The friendly JavaScript API over the embind Session (bindings.cpp).
// It turns values into scenario commands, parses the JSON the module returns
// and never lets a bad input reach the module: every method returns a result
// object ({ ok: false, error } on failure) and the map is left as it was.
//
// Lifetimes: a Uint8Array view of the simulated heap is only handed out
// inside withHeap(fn) and is invalid once fn returns (any later call may
// grow wasm memory). Everything else returned is a plain copy.

// The one quoting rule, beside this file in the build (web/wasm/scenario-quote.mjs in the tree).
import { quoteToken } from './scenario-quote.mjs';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_TEXT = 4 << 20;

/**
 * @param {string} error
 * @returns {import('./gomap').Failure}
 */
function fail(error) {
  return { ok: false, error };
}

function checkText(what, text) {
  if (typeof text !== 'string') return `${what} must be a string, got ${describe(text)}`;
  if (text.length > MAX_TEXT) return `${what} is ${text.length} characters; the limit is ${MAX_TEXT}`;
  if (LONE_SURROGATE.test(text)) return `${what} contains a lone UTF-16 surrogate, which is not text`;
  return null;
}

function describe(v) {
  if (v === null) return 'null';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return typeof v;
}

// The argument checks the methods share: a count or offset is a whole
// number from 0 that a JavaScript number holds exactly (below 2^53); a
// 64-bit word may also be a BigInt; an address is the core's lowercase hex.
const HEX_ADDR = /^[0-9a-f]{1,16}$/;

function isCount(v) {
  return Number.isSafeInteger(v) && v >= 0;
}

function isUint64(v) {
  return isCount(v) || (typeof v === 'bigint' && v >= 0n && v < 1n << 64n);
}

function isUint32(v) {
  return (Number.isInteger(v) || typeof v === 'bigint') && v >= 0 && v <= 0xffffffff;
}

// null for a count, else `${what} must be an integer from 0, got …` (a
// number as it reads, anything else as its kind).
function countError(what, v) {
  return isCount(v) ? null : `${what} must be an integer from 0, got ${typeof v === 'number' ? v : describe(v)}`;
}

// Go's text for a float64 key, as the scenario language reads it.
function floatToken(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

// The core decides which types exist (core/map_type.h); its message names
// the column. A line break would start a second command, so it is refused here.
function mapTypeError(owner, text) {
  if (/[\r\n]/.test(text)) return 'mapType must be one line';
  const layout = owner.mapLayout(text);
  return layout.ok ? null : `mapType: ${layout.error}`;
}

/** @typedef {import('./gomap_wasm.mjs').Session} BucketSession the bucket map's session (SwissGoMap overrides what needs it) */

const TEXT_TYPE = /^(string|\[\d+\](byte|uint8))$/;
const INTEGER_TYPE = /^u?int(8|16|32|64)?$|^uintptr$/;

export class GoMapModule {
  /** @param {import('./gomap_wasm.mjs').GoMapWasm} module what Emscripten's factory gave */
  constructor(module) {
    this.module = module;
  }

  /** @type {import('./gomap').CoreSchema | null} */
  #coreSchema = null;

  // The core's facts (core/schema.h, `gomap --schema`): tophash states,
  // control bytes, commands, hashers, versions, event kinds, variants, limits.
  /** @returns {import('./gomap').CoreSchema} */
  schema() {
    this.#coreSchema ??= JSON.parse(this.module.schema());
    return this.#coreSchema;
  }

  // Bytes held by the module's allocator (for leak checks).
  allocatedBytes() {
    return this.module.allocatedBytes();
  }

  // The model's memory budget (core/sim_heap.h): what every map, journal
  // and snapshot holds together, and the ceiling none may pass.
  memory() {
    return { inUse: this.module.memoryInUse(), ceiling: this.module.memoryCeiling() };
  }

  // What the type decides about the map's memory (core/map_layout.h), as
  // { ok: true, layout } or { ok: false, error } with the core's message.
  /** @returns {{ ok: true, layout: import('./gomap').MapLayout } | import('./gomap').Failure} */
  mapLayout(typeText) {
    const err = checkText('type', typeText);
    if (err) return fail(err);
    const out = JSON.parse(this.module.mapLayout(typeText));
    return out.error ? fail(out.error) : { ok: true, layout: out };
  }

  // Scenario text split into commands and tokens by the core's own tokenizer
  // (core/scenario_parse.h): [{ line, index, text, tokens, error? }].
  /** @returns {{ ok: true, commands: import('./gomap').SplitCommand[] } | import('./gomap').Failure} */
  splitCommands(text) {
    const err = checkText('scenario', text);
    if (err) return fail(err);
    const out = JSON.parse(this.module.splitCommands(text));
    return out.error ? fail(out.error) : { ok: true, commands: out };
  }

  // A new, empty session. Call free() when done.
  /** @returns {{ ok: true, map: GoMap | SwissGoMap } | import('./gomap').Failure} */
  createMap(options = {}) {
    // Checked before a session exists, so a bad call leaks nothing.
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      return fail(`options must be an object, got ${Array.isArray(options) ? 'an array' : describe(options)}`);
    }
    return GoMap.create(this, options);
  }
}

// A slice size for the sliced copies: a positive whole number of bytes.
function copySlice(maxCopyBytes) {
  return Math.max(1, Math.floor(Number(maxCopyBytes)) || 1);
}

export class GoMap {
  /**
   * @param {GoMapModule} owner
   * @param {import('./gomap').MapOptions} options
   * @returns {{ ok: true, map: GoMap | SwissGoMap } | import('./gomap').Failure}
   */
  static create(owner, options) {
    // Go 1.26's Swiss table lives in a session of its own (SwissSession):
    // its seed is 64 bits and its hasher go126 by default.
    const swiss = options.version === '1.26';
    const map = swiss ? new SwissGoMap(owner) : new GoMap(owner);
    const setup = [];
    const add = (name, value, check) => {
      if (value === undefined) return null;
      const err = check(value);
      if (err) return `${name}: ${err}`;
      setup.push(`${name} ${value}`);
      return null;
    };
    // The hashers and versions are the core's (its schema), the model's default hasher first.
    const { hashers, versions } = owner.schema();
    const model = swiss ? 'swiss' : 'buckets';
    const modelVersions = versions.filter((v) => v.model === model).map((v) => v.name);
    const defaultHasher = versions.find((v) => v.model === model).defaultHasher;
    const hasherNames = [defaultHasher, ...hashers.filter((h) => h.models.includes(model) && h.name !== defaultHasher).map((h) => h.name)];
    const oneOf = (names) => `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
    const seedError = swiss
      ? (v) => (isUint64(v) ? null : 'must be an integer from 0 to 2^64-1 (a BigInt past 2^53)')
      : (v) => (isUint32(v) ? null : 'must be an integer from 0 to 4294967295');
    const errors = [
      options.mapType === undefined ? null
        : (checkText('mapType', options.mapType) ?? mapTypeError(owner, options.mapType) ?? (setup.push(options.mapType), null)),
      add('hasher', options.hasher, (v) => hasherNames.includes(v) ? null : `must be ${oneOf(hasherNames)}`),
      add('seed', options.seed, seedError),
      add('hint', options.hint, (v) => Number.isSafeInteger(v) ? null : 'must be a safe integer'),
      // The Swiss session reads `version 1.26` itself, before any other line.
      swiss ? null : add('version', options.version, (v) => modelVersions.includes(v) ? null : `must be ${oneOf(versions.map((x) => `"${x.name}"`))}`),
    ].filter(Boolean);
    if (options.hashkey !== undefined) {
      const words = Array.isArray(options.hashkey) ? options.hashkey : null;
      if (!words || words.length < 1 || words.length > 4 ||
          words.some((w) => !isUint64(w))) {
        errors.push('hashkey: must be 1 to 4 unsigned integers (BigInt for 64-bit words)');
      } else {
        setup.push('hashkey ' + words.map(String).join(' '));
      }
    }
    if (options.rand !== undefined) {
      const r = options.rand;
      if (!Array.isArray(r) || r.length !== 2 || !r.every(isUint32)) {
        errors.push('rand: must be two integers from 0 to 4294967295');
      } else {
        setup.push(`rand ${r[0]} ${r[1]}`);
      }
    }
    if (errors.length) {
      map.free();
      return fail(errors.join('; '));
    }
    if (setup.length) {
      const outcomes = map.run(setup.join('\n'));
      const bad = outcomes.find((o) => o.error);
      if (bad) {
        map.free();
        return fail(bad.error);
      }
    }
    return { ok: true, map };
  }

  // The header as last read across the boundary (or handed back by exec),
  // until something changes the map: a moment's many readers (player,
  // drawing, panels) then cost one read, and each gets its own copy to keep
  // or change.
  /** @type {any} JSON data, as header() parses it */
  #header = null;
  #headerReads = 0;

  #lastEvents = [];
  #typesFor = null;
  #typesCache = null;

  /**
   * @param {GoMapModule} owner
   * @param {'Session' | 'SwissSession'} [sessionClass]
   */
  constructor(owner, sessionClass = 'Session') {
    this.module = owner.module;
    /** @type {import('./gomap_wasm.mjs').Session | import('./gomap_wasm.mjs').SwissSession | null} */
    this.session = new owner.module[sessionClass]();
  }

  // The Go version whose map this is: '1.14' (or '1.19') for the bucket map.
  get version() {
    return this.header().version;
  }

  free() {
    if (this.session) {
      this.session.delete();
      this.session = null;
    }
  }

  #live() {
    if (!this.session) throw new Error('this GoMap was freed');
    return this.session;
  }

  // The session for a call that may change the map (its header included).
  #changing() {
    this.#header = null;
    return this.#live();
  }

  // Runs scenario text; returns one outcome per command (see wasm/README.md).
  run(text, options) {
    // null, as undefined, means the defaults
    const { trace = false } = options ?? {};
    const err = checkText('scenario', text);
    if (err) return [{ line: 0, op: '', error: err }];
    // exec hands back the header after the last command with the outcomes,
    // so the reader who asks next does not cross the boundary again.
    const { outcomes, header } = JSON.parse(this.#changing().exec(text, trace));
    this.#header = header;
    const last = outcomes[outcomes.length - 1];
    this.#lastEvents = trace && last && last.events ? last.events : [];
    return outcomes;
  }

  // The gomap CLI's JSON lines for a whole scenario, parsed.
  runScenario(text, options) {
    // null, as undefined, means the defaults
    const { dumpsOnly = false, trace = false } = options ?? {};
    const err = checkText('scenario', text);
    if (err) return [{ line: 0, op: '', error: err }];
    const out = this.#changing().runScenario(text, dumpsOnly, trace);
    return out.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }

  #one(command, trace) {
    const [o] = this.run(command, { trace });
    if (!o) return fail('nothing ran');
    if (o.error) return { ...o, ok: false };
    return { ...o, ok: true };
  }

  // The key and element types as the core names them, once per type.
  #types() {
    const name = this.header().type.name;
    if (this.#typesFor !== name) {
      const r = new GoMapModule(this.module).mapLayout(name);
      this.#typesCache = r.ok ? { key: r.layout.key.name, elem: r.layout.elem.name } : { key: '', elem: '' };
      this.#typesFor = name;
    }
    return this.#typesCache;
  }

  // One value of Go type `type` as a scenario token. Text types take a JS
  // string (quoted); numbers, BigInts and booleans are written as Go writes
  // them; anything else (structs, arrays, complex, slices) is the Go literal
  // as a string ({1, "a"}, (1+2i)), which must stay one token: the core's
  // tokenizer decides, and the core checks the literal against the type.
  #token(what, type, v) {
    const mapName = this.header().type.name;
    if (TEXT_TYPE.test(type)) {
      const err = checkText(what, v);
      return err ? { error: err } : { token: quoteToken(v) };
    }
    if (/^float(32|64)$/.test(type)) {
      return typeof v === 'number' ? { token: floatToken(v) } : { error: `${what} must be a number for ${mapName}, got ${describe(v)}` };
    }
    if (type === 'bool') {
      return typeof v === 'boolean' ? { token: String(v) } : { error: `${what} must be true or false for ${mapName}, got ${describe(v)}` };
    }
    if (INTEGER_TYPE.test(type)) {
      if (typeof v === 'bigint') return { token: v.toString() };
      if (typeof v === 'number' && Number.isSafeInteger(v)) return { token: String(v) };
      return { error: `${what} must be a safe integer or a BigInt for ${mapName}, got ${describe(v)}` };
    }
    if (typeof v !== 'string') {
      return { error: `${what} for ${mapName} must be a Go literal of ${type} as a string, like {1, "a"}, got ${describe(v)}` };
    }
    const err = checkText(what, v) ?? (/[\r\n]/.test(v) ? `${what} must be one line` : null);
    if (err) return { error: err };
    const split = new GoMapModule(this.module).splitCommands(`get ${v}`);
    const tokens = split.ok && split.commands.length === 1 && !split.commands[0].error ? split.commands[0].tokens : [];
    if (tokens.length !== 2 || tokens[1] !== v) {
      return { error: `${what} ${JSON.stringify(v)} is not one Go literal of ${type} (write it as ${type === 'bool' ? 'true' : '{1, "a"}'} without spaces outside braces)` };
    }
    return { token: v };
  }

  #keyToken(key) {
    return this.#token('key', this.#types().key, key);
  }

  #valueToken(value) {
    if (value === undefined) return { token: '' };
    return this.#token('value', this.#types().elem, value);
  }

  set(key, value, options) {
    // null, as undefined, means the defaults
    const { trace = false } = options ?? {};
    const k = this.#keyToken(key);
    if (k.error) return fail(k.error);
    const v = this.#valueToken(value);
    if (v.error) return fail(v.error);
    return this.#one(`set ${k.token} ${v.token}`.trim(), trace);
  }

  get(key, options) {
    // null, as undefined, means the defaults
    const { trace = false } = options ?? {};
    const k = this.#keyToken(key);
    if (k.error) return fail(k.error);
    const o = this.#one(`get ${k.token}`, trace);
    if (!o.ok) return o;
    const found = o.result.endsWith(' true');
    return { ...o, found, value: o.result.slice(0, o.result.lastIndexOf(' ')) };
  }

  delete(key, options) {
    // null, as undefined, means the defaults
    const { trace = false } = options ?? {};
    const k = this.#keyToken(key);
    if (k.error) return fail(k.error);
    return this.#one(`del ${k.token}`, trace);
  }

  clear(options) {
    // null, as undefined, means the defaults
    const { trace = false } = options ?? {};
    return this.#one('clear', trace);
  }

  pinHash(key, hash) {
    const k = this.#keyToken(key);
    if (k.error) return fail(k.error);
    if (typeof hash !== 'bigint' || !isUint64(hash)) return fail('hash must be a BigInt from 0 to 2^64-1');
    return this.#one(`hash ${k.token} ${hash}`, false);
  }

  fill(n) {
    if (!isCount(n)) return fail(`fill count must be a non-negative integer, got ${describe(n)}`);
    return this.#one(`fill ${n}`, false);
  }

  // Makes the heap room fill(n) will need ahead, in calls that each copy at
  // most maxCopyBytes of a heap that must move; true once it is there (or
  // when there is nothing to prepare). A page calls it between tasks until
  // true, so a big fill never moves tens of megabytes in one task. The
  // map's bytes do not change.
  prepareFill(n, options) {
    // null, as undefined, means the defaults
    const { maxCopyBytes = 8 << 20 } = options ?? {};
    if (!isCount(n)) return true;
    return this.#changing().prepareFill(n, Math.max(1, Number(maxCopyBytes) || 1));
  }

  collide(bucket, n) {
    if (!isCount(bucket)) return fail('bucket must be a non-negative integer');
    if (!isCount(n)) return fail('count must be a non-negative integer');
    return this.#one(`collide ${bucket} ${n}`, false);
  }

  #pin(cmd, pin) {
    if (!pin) return cmd;
    if (this instanceof SwissGoMap) {
      const { entry, dir } = pin;
      return isUint64(entry) && isUint64(dir) ? `${cmd} entry=${entry} dir=${dir}` : null;
    }
    const { start, offset } = pin;
    if (!isCount(start) || !Number.isInteger(offset) || offset < 0 || offset > 7) {
      return null;
    }
    return `${cmd} start=${start} offset=${offset}`;
  }

  // A whole for-range loop; pin = { start, offset } replaces the random start.
  iterate(pin, options) {
    // null, as undefined, means the defaults
    const { trace = false } = options ?? {};
    const cmd = this.#pin('iter', pin);
    return cmd ? this.#one(cmd, trace) : fail(this.#pinUsage());
  }

  #pinUsage() {
    return this instanceof SwissGoMap
      ? 'pin must be { entry, dir }: unsigned 64-bit offsets (numbers or BigInts)'
      : 'pin must be { start: bucket, offset: 0..7 }';
  }

  // Opens an iterator (yields the first key) ...
  range(pin, options) {
    // null, as undefined, means the defaults
    const { trace = false } = options ?? {};
    const cmd = this.#pin('range', pin);
    return cmd ? this.#one(cmd, trace) : fail(this.#pinUsage());
  }

  // ... and advances it.
  next(n = 1, options) {
    // null, as undefined, means the defaults
    const { trace = false } = options ?? {};
    if (!isCount(n) || n < 1) return fail('next count must be a positive integer');
    return this.#one(`next ${n}`, trace);
  }

  // m[k] = v for many int64 pairs in one call (map[int64]int64 only).
  /** @returns {{ ok: true } | import('./gomap').Failure} */
  setInt64Batch(keys, values) {
    if (!(keys instanceof BigInt64Array) || !(values instanceof BigInt64Array)) {
      return fail('keys and values must be BigInt64Arrays');
    }
    if (keys.length !== values.length) return fail('keys and values differ in length');
    // Limits first (entries, heap room), so nothing is copied for a batch
    // the map would refuse; then an allocation that fails is an error, never
    // a write at address 0.
    const refused = /** @type {BucketSession} */ (this.#live()).checkInt64Batch(keys.length);
    if (refused) return fail(refused);
    const m = this.module;
    const bytes = keys.length * 8;
    const kp = m._malloc(Math.max(bytes, 8));
    const vp = kp ? m._malloc(Math.max(bytes, 8)) : 0;
    if (!kp || !vp) {
      if (kp) m._free(kp);
      return fail(`out of memory: no room in the module for ${keys.length} key/value pairs (${bytes * 2} bytes)`);
    }
    try {
      m.HEAPU8.set(new Uint8Array(keys.buffer, keys.byteOffset, bytes), kp);
      m.HEAPU8.set(new Uint8Array(values.buffer, values.byteOffset, bytes), vp);
      const err = /** @type {BucketSession} */ (this.#changing()).setInt64Batch(kp, vp, keys.length);
      return err ? fail(err) : { ok: true };
    } finally {
      m._free(kp);
      m._free(vp);
    }
  }

  // Events of the last traced call.
  get events() {
    return this.#lastEvents;
  }

  // Winds the last traced command back to the state right after an event
  // (pass event.writes). Run anything else to move on.
  /** @returns {{ ok: true } | import('./gomap').Failure} */
  rewind(writes) {
    if (!isCount(writes)) return fail('writes must be a non-negative integer');
    const err = this.#changing().rewind(writes);
    return err ? fail(err) : { ok: true };
  }

  header() {
    const session = this.#live(); // a freed map says so, even with a header remembered
    if (this.#header === null) {
      this.#header = JSON.parse(session.header());
      this.#headerReads++;
    }
    return structuredClone(this.#header);
  }

  /** How many times header() crossed into the module (for tests that count them). */
  get headerReads() {
    return this.#headerReads;
  }

  state() {
    return JSON.parse(this.#live().state());
  }

  // The chains of buckets [from, from + count) of the current (or old)
  // array, cut at its end; a start or count that is not a whole number from
  // 0, or a start past the array, is refused naming the argument.
  chains(old, from, count) {
    const session = /** @type {BucketSession} */ (this.#live());
    const err = countError('chains: from', from) ?? countError('chains: count', count);
    if (err) return fail(err);
    const out = JSON.parse(session.chains(Boolean(old), from, count));
    return Array.isArray(out) ? out : fail(out.error);
  }

  checkInvariants() {
    return this.#live().checkInvariants();
  }

  // fn(view, baseAddress): view covers the simulated heap from baseAddress;
  // it is valid only while fn runs.
  withHeap(fn) {
    const s = this.#live();
    if (typeof fn !== 'function') return fail(`withHeap needs a function (view, base) => …, got ${describe(fn)}`);
    const ptr = s.heapPointer();
    const size = s.heapSize();
    const view = new Uint8Array(this.module.HEAPU8.buffer, ptr, size);
    return fn(view, s.heapBase());
  }

  heapCopy() {
    return this.withHeap((view) => view.slice());
  }

  // A snapshot of the whole session; restore() brings it back (any number
  // of times) and returns true, or false with restoreError() saying why
  // (out of memory, or a snapshot freed); free() releases it.
  // A snapshot that would pass the memory budget is refused:
  // { ok: false, error, id: 0 } whose restore() returns false.
  // A big map's copies can be made in slices first (prepareSnapshot() on
  // the map, then snapshot(); snap.prepareRestore(), then restore()).
  snapshot() {
    const s = this.#live();
    const id = s.snapshot();
    if (id === 0) {
      const error = s.snapshotError();
      return { ok: false, error, id: 0, restore: () => false, restoreError: () => error, prepareRestore: () => true, free: () => {} };
    }
    let freed = false;
    let why = '';
    return {
      ok: true,
      id,
      restore: () => {
        if (freed) {
          why = `restore: snapshot ${id} was freed`;
          return false;
        }
        this.#header = null;
        const ok = this.#live().restore(id);
        why = ok ? '' : s.restoreError();
        return ok;
      },
      restoreError: () => why,
      prepareRestore: (options) => freed || this.#live().prepareRestore(id, copySlice((options ?? {}).maxCopyBytes ?? 8 << 20)),
      free: () => {
        if (freed || !this.session) return;
        freed = true;
        s.dropSnapshot(id);
      },
    };
  }

  // Makes the copy the next snapshot() takes ahead, in calls that each copy
  // at most maxCopyBytes of the heap; true once it is whole (or when there
  // is nothing to slice). A change to the map meanwhile starts it again.
  prepareSnapshot(options) {
    // null, as undefined, means the defaults
    const { maxCopyBytes = 8 << 20 } = options ?? {};
    return this.#live().prepareSnapshot(copySlice(maxCopyBytes));
  }

  snapshotCount() {
    return this.#live().snapshotCount();
  }
}

// Go 1.26's map (a Swiss table), in its own session: the same methods as the
// bucket map's where they mean the same; state() is the Swiss dump of
// docs/scenario-format.md (contract version 2) with addresses, under
// `swiss`, and the trace events have named fields per kind (wasm/README.md).
// collide(group, n) aims at a group of the table at directory entry 0;
// iterate/range pins are { entry, dir }. There are no bucket chains and no
// int64 batch.
export class SwissGoMap extends GoMap {
  constructor(owner) {
    super(owner, 'SwissSession');
  }

  /**
   * @override
   * @returns {'1.26'}
   */
  get version() {
    return '1.26';
  }

  #swiss() {
    if (!this.session) throw new Error('this GoMap was freed');
    return /** @type {import('./gomap_wasm.mjs').SwissSession} */ (this.session);
  }

  // state({ near: [hex addresses], maxGroups }) for a big map: when its
  // tables hold more than maxGroups groups, only the tables holding one of
  // `near` (a table's address or one inside its groups) come with groups;
  // the others have `summary: true` and `groups: []`. With `groups: false`
  // no table lists its groups (those without `summary` are the ones it
  // would list): a viewer reads the window it draws with groups().
  /** @override */
  state(options) {
    // null, as undefined, means the defaults
    const { near = null, maxGroups = 256, groups = true } = options ?? {};
    if (!near) return super.state();
    const session = this.#swiss();
    // What is not an address or a count is refused, never read as another.
    const bad = Array.isArray(near) ? near.find((a) => typeof a !== 'string' || !HEX_ADDR.test(a)) : near;
    if (!Array.isArray(near) || bad !== undefined) {
      return fail(`state: near must be an array of hex addresses, got ${Array.isArray(near) ? `${typeof bad === 'string' ? `'${bad.slice(0, 40)}'` : describe(bad)} in it` : describe(near)}`);
    }
    const err = countError('state: maxGroups', maxGroups);
    if (err) return fail(err);
    const list = near.join(',');
    const max = maxGroups;
    return JSON.parse(groups ? session.stateNear(list, max) : session.stateTables(list, max));
  }

  // Groups [from, from + count) of a table this moment's state lists (its
  // hex address), cut at the table's end, as state() gives them; refused
  // ({ ok: false, error }) for a table not in the state or a bad range.
  groups(table, from, count) {
    const session = this.#swiss();
    if (typeof table !== 'string' || !HEX_ADDR.test(table)) {
      return fail(`groups: table must be a hex address, got ${typeof table === 'string' ? `'${table.slice(0, 40)}'` : typeof table === 'number' ? table : describe(table)}`);
    }
    const err = countError('groups: from', from) ?? countError('groups: count', count);
    if (err) return fail(err);
    const out = JSON.parse(session.groups(table, from, count));
    return out.error ? fail(out.error) : out.groups;
  }

  /** @override */
  chains() {
    return fail('chains() is the bucket map\'s (Go 1.14); a Swiss map has state().swiss');
  }

  /** @override */
  setInt64Batch() {
    return fail('setInt64Batch is for the bucket map (Go 1.14); use fill or set on a Go 1.26 map');
  }
}
