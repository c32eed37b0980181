// The dashboard's plotly.js: the core and only the trace types its figures draw, built
// from the npm registry's plotly.js (package-lock.json) with esbuild, as plotly.js builds
// its own bundles (its esbuild-config.js) minus the plugins those traces do not need.
// Run by `make plotly-bundle`; writes ../assets/05-plotly-<version>-atmp.min.js, and
// ../assets/01-regenerator-runtime-<version>.min.js (see the end).
import { build, transform } from "esbuild";
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";

// Keep in step with what atmp/figures.py draws: tests/test_first_load.py fails when a
// figure uses a trace type that is not here.
export const TRACES = ["bar", "scatter", "indicator", "choropleth", "scattergeo"];

const version = JSON.parse(readFileSync("node_modules/plotly.js/package.json", "utf8")).version;
const entry = [
  "var Plotly = require('plotly.js/lib/core');",
  `Plotly.register([${TRACES.map((trace) => `require('plotly.js/lib/${trace}')`).join(", ")}]);`,
  "module.exports = Plotly;",
].join("\n");

const result = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: "js" },
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "Plotly",
  define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
  target: "es2016",
  // The map traces' stylesheet, required by plotly.js's registry for any trace: not drawn here.
  loader: { ".css": "empty" },
  legalComments: "none",
  write: false,
  logLevel: "warning",
});

/** Write `text` as assets/<prefix><version><suffix>, in place of any older version. */
function writeAsset(prefix, version, suffix, banner, text) {
  for (const old of readdirSync("../assets").filter((file) => file.startsWith(prefix))) {
    unlinkSync(`../assets/${old}`);
  }
  const name = `${prefix}${version}${suffix}`;
  writeFileSync(`../assets/${name}`, `/* ${banner} Built by plotly-bundle/build.mjs. */\n${text}`);
  console.log(`assets/${name}: ${(text.length / 1024).toFixed(0)} KiB`);
}

writeAsset(
  "05-plotly-",
  version,
  "-atmp.min.js",
  `plotly.js ${version} (MIT), partial bundle of the ATMP dashboard: traces ${TRACES.join(", ")}.`,
  result.outputFiles[0].text,
);

// Dash's own scripts call the global regeneratorRuntime, which Dash loads with all of
// @babel/polyfill; app.py leaves the polyfill out and the page loads the runtime alone.
const runtimeVersion = JSON.parse(
  readFileSync("node_modules/regenerator-runtime/package.json", "utf8"),
).version;
const runtime = await transform(
  readFileSync("node_modules/regenerator-runtime/runtime.js", "utf8"),
  { minify: true, target: "es2016", legalComments: "none" },
);
writeAsset(
  "01-regenerator-runtime-",
  runtimeVersion,
  ".min.js",
  `regenerator-runtime ${runtimeVersion} (MIT), the global regeneratorRuntime of Dash's scripts.`,
  runtime.code,
);
