/* plotly.js after the page's text. The bundle (05-plotly-…-atmp.min.js, 455 KB) is not
   one of the page's script tags, which run in order before Dash's renderer: it would hold
   back every key figure and sentence on a slow network. dcc.Graph loads plotly.js itself
   when window.Plotly is missing, from window._dashPlotlyJSURL, which Dash points to the
   full plotly.js: here it points to the page's own bundle (app.py puts its address in a
   low-priority preload, so it downloads behind the page's scripts), and Dash's later
   assignment is ignored.

   The scripts that change how plotly draws (06-draw-in-turn.js, 06-legend-room.js,
   07-fit-phone.js) hand their change to window.atmpWithPlotly, which applies each, in
   the order given, once plotly.js has run. */
(function () {
  "use strict";

  const preload = document.getElementById("atmp-plotly");
  if (!preload) { return; }
  const bundle = preload.href;
  const changes = [];
  let plotly;

  Object.defineProperty(window, "_dashPlotlyJSURL", {
    configurable: true,
    get: function () { return bundle; },
    set: function () {},
  });
  // The bundle declares `var Plotly`: with this property on window, that sets it here.
  Object.defineProperty(window, "Plotly", {
    configurable: true,
    get: function () { return plotly; },
    set: function (value) {
      plotly = value;
      changes.forEach(function (change) { change(value); });
    },
  });
  window.atmpWithPlotly = function (change) {
    changes.push(change);
    if (plotly) { change(plotly); }
  };
}());
