/* A chart on a phone: the figure the server built is laid out for a card of 500 px or
   more. In a narrower one, long category labels would take the plot's width and numbers
   written beside the bars would run out of it. Before plotly draws such a chart, its
   category labels are a little smaller and wrapped to a few words a line (at most 45 % of
   the width),
   room is made on the right for the longest number written beside a bar, numbers are a
   little smaller and the value axis has fewer ticks. Wider cards draw the figure as it is.
   tests/test_first_load.py checks every chart's text at 390 px. */
window.atmpWithPlotly(function (Plotly) {
  "use strict";

  const react = Plotly.react;
  const NARROW = 500;  // px: below this the figure is refitted
  const EM = 0.56;  // a character's width in ems, as atmp/figures.py estimates it

  function plain(label) {
    return String(label).replace(/<[^>]+>/g, "");
  }

  /* "Patients (manufacturing, preparation)" → "Patients<br>(manufacturing,<br>preparation)"
     at `columns` characters a line; a label's own second line (<br><span>…) is kept. */
  function wrapped(label, columns) {
    const parts = String(label).split("<br>");
    const words = parts[0].split(" ");
    const lines = [];
    let line = "";
    words.forEach(function (word) {
      if (line && (line + " " + word).length > columns) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    lines.push(line);
    return [lines.join("<br>"), ...parts.slice(1)].join("<br>");
  }

  function refit(figure, width) {
    const layout = JSON.parse(JSON.stringify(figure.layout || {}));
    const data = (figure.data || []).map(function (trace) { return { ...trace }; });
    const size = (layout.font && layout.font.size) || 13;
    const across = data.filter(function (t) { return t.type === "bar" && t.orientation === "h"; });
    if (!across.length) { return figure; }
    const tick = Math.min(size, 11);  // category labels a little smaller, wrapped
    const columns = Math.max(10, Math.floor((0.45 * width) / (tick * EM)));
    let widest = 0;
    let longest = 0;
    data.forEach(function (trace) {
      if (Array.isArray(trace.y) && trace.y.some(function (y) { return typeof y === "string"; })) {
        trace.y = trace.y.map(function (y) { return typeof y === "string" ? wrapped(y, columns) : y; });
        trace.y.forEach(function (y) {
          String(y).split("<br>").forEach(function (part) {
            widest = Math.max(widest, plain(part).length);
          });
        });
      }
      if (trace.textposition === "outside" || trace.mode === "text") {
        (trace.text || []).forEach(function (text) { longest = Math.max(longest, plain(text).length); });
        trace.textfont = { ...(trace.textfont || {}), size: Math.min(12, size) };
      }
    });
    const margin = { ...(layout.margin || {}) };
    margin.l = Math.min(0.45 * width, widest * tick * 0.62 + 14);
    margin.r = Math.max(margin.r || 0, Math.min(0.3 * width, longest * 12 * EM + 8));
    layout.margin = margin;
    layout.xaxis = { ...(layout.xaxis || {}), nticks: 4 };
    const yaxis = layout.yaxis || {};
    layout.yaxis = { ...yaxis, automargin: false, tickfont: { ...(yaxis.tickfont || {}), size: tick } };
    return { ...figure, data: data, layout: layout };
  }

  Plotly.react = function (gd, figure) {
    const width = gd instanceof Element ? gd.clientWidth : 0;
    if (width && width < NARROW && figure && figure.layout && !figure.layout.width) {
      return react.call(Plotly, gd, refit(figure, width), ...[...arguments].slice(2));
    }
    return react.apply(Plotly, arguments);
  };
});
