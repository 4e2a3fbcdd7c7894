// The hand-written .d.ts files held against the code they describe, by the type check of
// npm test (tsconfig.json). Each declared export must be what the module exports (the
// implementation is assignable to the declaration), and nothing public the module has may
// be left out of it. Nothing here runs.
import * as api from '../../wasm/gomap.mjs';
import * as apiSingle from '../../wasm/gomap-single.mjs';
import type * as apiDeclared from '../../wasm/gomap';
import * as element from '../../web/element/go-map-viz.mjs';
import * as elementDefine from '../../web/element/define.mjs';
import * as elementScript from '../../web/go-map-viz.js';
import type * as elementDeclared from '../../web/element/go-map-viz';
import type * as defineDeclared from '../../web/element/define';
import type * as packageDeclared from '../../npm/go-map-viz/go-map-viz';

/** Compiles only when T is never; the error names what is in T. */
type None<T extends never> = T;
/** Public names (not _private) of Impl that Decl does not declare. */
type Undeclared<Impl, Decl> = Exclude<{ [K in keyof Impl]: K extends `_${string}` ? never : K }[keyof Impl], keyof Decl>;

// wasm/gomap.d.ts: gomap.mjs and gomap-single.mjs export the same declared API.
export const load: typeof apiDeclared.loadGoMap = api.loadGoMap;
export const loadSingle: typeof apiDeclared.loadGoMap = apiSingle.loadGoMap;
export const quote: typeof apiDeclared.quoteToken = api.quoteToken;
export type ApiExports = None<Undeclared<typeof api, typeof apiDeclared>>;
export type ApiSingleExports = None<Undeclared<typeof apiSingle, typeof apiDeclared>>;

declare const module: InstanceType<typeof api.GoMapModule>;
declare const map: InstanceType<typeof api.GoMap>;
declare const swissMap: InstanceType<typeof api.SwissGoMap>;
export const moduleAsDeclared: apiDeclared.GoMapModule = module;
export const mapAsDeclared: apiDeclared.GoMap = map;
export const swissAsDeclared: apiDeclared.SwissGoMap = swissMap;
export type ModuleMembers = None<Undeclared<typeof module, apiDeclared.GoMapModule>>;
export type MapMembers = None<Undeclared<typeof map, apiDeclared.GoMap>>;
export type SwissMembers = None<Undeclared<typeof swissMap, apiDeclared.SwissGoMap>>;

// web/element/go-map-viz.d.ts and define.d.ts (shipped in the npm package) against the element.
// The element defines one property per attribute at run time (settings.mjs PROPERTY_OF),
// which the checker cannot see: those are left out here, and tests/web/declarations.test.mjs
// holds this list, the declared accessors and PROPERTY_OF equal.
type AttributeProperty = 'mapType' | 'version' | 'hasher' | 'seed' | 'ops' | 'step' | 'view' | 'theme' | 'speed'
  | 'autoplay' | 'compare' | 'controls' | 'header' | 'buckets' | 'height' | 'maxHeight' | 'density' | 'moduleSrc';
type Lifecycle = 'connectedCallback' | 'disconnectedCallback' | 'attributeChangedCallback';
declare const viz: InstanceType<typeof element.GoMapViz>;
export const vizAsDeclared: Omit<elementDeclared.GoMapViz, AttributeProperty> = viz;
export type VizMembers = None<Exclude<Undeclared<typeof viz, elementDeclared.GoMapViz>, Lifecycle>>;
export const defineAsDeclared: typeof elementDeclared.define = element.define;
export type ElementExports = None<Undeclared<typeof element, typeof elementDeclared>>;
export const defineModule: typeof defineDeclared.define = elementDefine.define;
export type DefineExports = None<Undeclared<typeof elementDefine, typeof defineDeclared>>;
export const scriptDefine: typeof packageDeclared.define = elementScript.define;
export type ScriptExports = None<Undeclared<typeof elementScript, typeof packageDeclared>>;
