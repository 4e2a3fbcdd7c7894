// Types of the module Emscripten writes with the wasm inlined (gomap_wasm_single.mjs): the
// same factory and module as gomap_wasm.mjs.
export * from './gomap_wasm.mjs';
export { default } from './gomap_wasm.mjs';
