// Types of go-map-viz.js: importing it registers <go-map-viz>.
export * from './element/go-map-viz.js';
