'use strict';

// The trace types the dashboard draws, as plotly.js's own partial bundles register theirs
// (node_modules/plotly.js/lib/index-map.js: the `map` bundle, which lacks bar). Scatter
// comes with the core. A figure of any other type would not draw: tests/unit/
// test_plotly_bundle.py checks every figure the dashboard builds against this list.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/choroplethmap'),
    require('plotly.js/lib/scattermap'),
]);

module.exports = Plotly;
