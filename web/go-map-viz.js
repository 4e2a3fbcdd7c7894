// The one script a page needs for <go-map-viz>:
//
//   <script type="module" src="https://example.org/go-map/go-map-viz.js"></script>
//   <go-map-viz map-type="map[int64]int64" ops="fill 20; del 3"></go-map-viz>
//
// Everything else (the element's modules, its styles, the map module and
// its .wasm) is found relative to this file, so the site can live at any
// path or on another origin. Cross-origin, the server must send
// Access-Control-Allow-Origin (module scripts and the wasm fetch use CORS;
// scripts/serve.mjs does), and the host page's CSP must allow this origin
// for script-src (with 'wasm-unsafe-eval'), connect-src and style-src.
export { GoMapViz, define } from './element/define.mjs';
