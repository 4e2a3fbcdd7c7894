// A sample blog built by Eleventy, embedding <go-map-viz> the way a blogger
// would: the go-map-viz package installed from npm, its Eleventy plugin
// (the goMapViz shortcode, and the script added once per page that holds
// an element). GO_MAP_VIZ_SRC points the script elsewhere than jsDelivr
// (the e2e flow serves the package from a second local origin).
import goMapViz from 'go-map-viz/eleventy';

export default function (config) {
  config.addPlugin(goMapViz, { src: process.env.GO_MAP_VIZ_SRC || undefined });
  config.addPassthroughCopy('assets');
  config.ignores.add('README.md');
}

export const config = {
  dir: { input: '.', includes: '_includes', output: '_site' },
  markdownTemplateEngine: 'liquid',
};
