// Types of define.mjs: importing it registers <go-map-viz>.
export { GoMapViz, define } from './go-map-viz.js';
