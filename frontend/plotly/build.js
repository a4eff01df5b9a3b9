'use strict';

// Builds explorer.js into one minified file with the settings of plotly.js's own build
// (node_modules/plotly.js/esbuild-config.js, which cannot be required from the package:
// it reads a file of plotly.js's repository that is not published), so the result behaves
// as its dist bundles do: a global `Plotly`, MapLibre's CSS inlined, the same aliases,
// definitions and target.
//   node build.js <outfile>
const path = require('path');
const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');

const outfile = path.resolve(process.argv[2] || 'dist/plotly.min.js');
const version = require('plotly.js/package.json').version;

esbuild.build({
    entryPoints: [path.join(__dirname, 'explorer.js')],
    outfile,
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    sourcemap: false,
    plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
    alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
    define: { global: 'window', 'define.amd': 'false' },
    target: 'es2016',
    logLevel: 'warning',
}).then(() => console.log(`${outfile}: plotly.js ${version} (bar, scatter, choroplethmap, scattermap)`))
  .catch(() => process.exit(1));
