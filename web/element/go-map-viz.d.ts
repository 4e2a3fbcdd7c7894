// Types of <go-map-viz> (go-map-viz.mjs), for pages that script it.
// Attributes and their grammar: web/README.md, "Embedding".

/** Where the element is on its timeline; the detail of `step-change`. */
export interface GoMapVizStepDetail {
  /** The step in the `step` attribute's grammar: `N`, `N.M`, or `end` at the last step. */
  step: string;
  /** Timeline position, 0 (before any operation) … total - 1. */
  position: number;
  total: number;
  /** The operation shown, from 1; 0 before any. */
  op: number;
  /** The micro-step inside the operation (from 0), or null at its end. */
  micro: number | null;
  phase: 'origin' | 'event' | 'done';
  /** The operation's command as the scenario language writes it; null before any. */
  command: string | null;
  /** Whether the element's own playback is running. */
  playing: boolean;
}

/** Detail of `ready`: a standalone element finished (re)building its map. */
export interface GoMapVizReadyDetail extends GoMapVizStepDetail {
  /** Operations in the scenario (set-up lines not counted). */
  operations: number;
}

/** Detail of `gomap-error`: the scenario did not run; the map shown (if any) is unchanged. */
export interface GoMapVizErrorDetail {
  /** line: line of the `ops` attribute, 0 for the set-up (map-type, hasher, seed); command: the one that failed, as written. */
  errors: { line: number; command?: string; message: string }[];
}

export interface GoMapVizWarning {
  /** The setting concerned (mapType, seed, …), or null. */
  field: string | null;
  message: string;
}

export interface GoMapVizEventMap extends HTMLElementEventMap {
  'ready': CustomEvent<GoMapVizReadyDetail>;
  'step-change': CustomEvent<GoMapVizStepDetail>;
  'gomap-error': CustomEvent<GoMapVizErrorDetail>;
  'gomap-window': CustomEvent<{ from: number }>;
  'gomap-inspect': CustomEvent<{ slot: Record<string, unknown> }>;
}

export type Hasher = 'go114' | 'go119' | 'identity' | 'go126';
/** 1.14 and 1.19: the bucket map; 1.26: Go's Swiss table. */
export type GoVersion = '1.14' | '1.19' | '1.26';
export type View = 'buckets' | 'table' | 'both';
export type Theme = 'auto' | 'light' | 'dark';
export type Controls = 'full' | 'minimal' | 'none';
export type Density = 'auto' | 'full' | 'keys' | 'compact' | 'overview';

/**
 * Each property reads the value in use (a refused attribute value leaves
 * the one before it) and writes its attribute; null removes it. mapType,
 * hasher, seed and ops read the map on screen: a new value once `ready`
 * has fired for it, never one whose scenario failed (`gomap-error`).
 */
export class GoMapViz extends HTMLElement {
  get mapType(): string;
  set mapType(v: string | null);
  get version(): GoVersion;
  set version(v: GoVersion | null);
  get hasher(): Hasher;
  set hasher(v: Hasher | null);
  /** The map's hash0; null: the model's default. Version 1.26: the 64-bit seed (a bigint past 2^53). */
  get seed(): number | bigint | null;
  set seed(v: number | string | null);
  get ops(): string;
  set ops(v: string | null);
  /** `N`, `N.M` or `end`. */
  get step(): string;
  set step(v: string | number | null);
  get view(): View;
  set view(v: View | null);
  get theme(): Theme;
  set theme(v: Theme | null);
  /** Steps per second, 0.25 … 120. */
  get speed(): number;
  set speed(v: number | string | null);
  get autoplay(): boolean;
  set autoplay(v: boolean | null);
  /** Compare mode: the same operations on Go 1.14 and Go 1.26 side by side. */
  get compare(): boolean;
  set compare(v: boolean | null);
  get controls(): Controls;
  set controls(v: Controls | null);
  /** The hmap header: full, compact (a line or two) or none. */
  get header(): 'full' | 'compact' | 'none';
  set header(v: 'full' | 'compact' | 'none' | null);
  /** Only these buckets, canonical text like "3,7,11" or "4-7"; null: all. */
  get buckets(): string | null;
  set buckets(v: string | null);
  /** A fixed height in CSS pixels (scrolls inside); null: auto, stable. */
  get height(): number | null;
  set height(v: number | 'auto' | null);
  /** At most this height in CSS pixels (scrolls inside); null: none. */
  get maxHeight(): number | null;
  set maxHeight(v: number | null);
  get density(): Density;
  set density(v: Density | null);
  get moduleSrc(): string | null;
  set moduleSrc(v: string | null);

  /** Problems with the attributes, as the element shows them. */
  readonly warnings: GoMapVizWarning[];
  /** The step drawn now (`N`, `N.M`, `end`); null before a map is drawn. */
  readonly currentStep: string | null;
  readonly playing: boolean;
  play(): void;
  pause(): void;

  /** A page that runs its own Player sets it; the element then only draws (see web/README.md). */
  player: unknown;
  show(options?: { animate?: boolean; follow?: boolean; quiet?: boolean }): unknown;
  windowFrom: number;
  readonly model: unknown;
  /** Compare mode's view while the compare attribute is on (null otherwise). */
  readonly comparePanel: unknown;

  addEventListener<K extends keyof GoMapVizEventMap>(type: K, listener: (this: GoMapViz, ev: GoMapVizEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof GoMapVizEventMap>(type: K, listener: (this: GoMapViz, ev: GoMapVizEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Defines the element under a name (once); define.mjs calls it for 'go-map-viz' (importing go-map-viz.mjs alone registers nothing). */
export function define(name?: string): CustomElementConstructor;

declare global {
  interface HTMLElementTagNameMap {
    'go-map-viz': GoMapViz;
  }
}
