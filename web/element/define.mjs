// Registers <go-map-viz>: the one module with that side effect, so a page
// may import the class (go-map-viz.mjs) without registering it, or
// register it under a name of its own with define('my-map').
// go-map-viz.js (the one script a blog needs) and the playground import this.
import { GoMapViz, define } from './go-map-viz.mjs';

define();

export { GoMapViz, define };
