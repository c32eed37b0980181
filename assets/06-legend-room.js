/* Room above the plot for a chart's legend before plotly draws it. Plotly draws a chart,
   lays out its legend, and when the legend needs more room than the top margin gives
   (automargin), draws the whole chart again: half of the drawing time of a chart with a
   legend. How many rows the legend takes depends on the card's width, known only here.

   The rows are laid out as plotly lays them (components/legend/draw.js): an item is its
   text and 40 px before it, 5 px apart; all items in one row if they fit, else in
   columns as wide as the widest item. The text is measured on a canvas in the chart's
   font. The top margin is made at least what plotly would push it to (plots.js
   autoMargin: the legend's height, its padding, and its offset above the plot). Where a
   font measures wider than the canvas said, plotly still makes the room: the chart is
   then drawn twice, as before. tests/test_browser.py checks every chart draws once. */
window.atmpWithPlotly(function (Plotly) {
  "use strict";

  const react = Plotly.react;
  const ITEM_GAP = 5;  // legend/constants.js itemGap
  const BEFORE_TEXT = 40;  // an item's symbol and gaps before its text: itemwidth 30 + 2 gaps
  const LINE_SPACING = 1.3;  // plotly's line height, in ems
  const PUSH_PAD = 12;  // plots.autoMargin pads what is pushed into a margin by this
  const DEFAULT_MARGIN = { l: 80, r: 80, t: 100, b: 80 };
  const canvas = document.createElement("canvas").getContext("2d");

  function lines(name) {
    return String(name === undefined ? "" : name).split(/<br\s*\/?>/i).map(function (line) {
      return line.replace(/<[^>]+>/g, "");
    });
  }

  /* The legend's height in pixels, laid out in `room` pixels across. */
  function legendHeight(names, font, room) {
    canvas.font = font.size + "px " + font.family;
    const items = names.map(function (name) {
      const parts = lines(name);
      const text = Math.max.apply(null, parts.map(function (part) {
        return canvas.measureText(part).width;
      }));
      return {
        width: BEFORE_TEXT + Math.ceil(text) + 1,
        height: Math.max(font.size * LINE_SPACING * parts.length, 16) + 3,
      };
    });
    const widest = Math.max.apply(null, items.map(function (item) { return item.width; }));
    const total = items.reduce(function (sum, item) { return sum + item.width; }, 0);
    const oneRow = total + (items.length - 1) * ITEM_GAP < room;
    let height = 0;
    let rowHeight = 0;
    let x = 0;
    items.forEach(function (item) {
      const next = (oneRow ? item.width : widest) + ITEM_GAP;
      if (next + x - ITEM_GAP >= room) {
        height += rowHeight;
        rowHeight = 0;
        x = 0;
      }
      x += next;
      rowHeight = Math.max(rowHeight, item.height);
    });
    return Math.ceil(height + rowHeight + 2 * ITEM_GAP);
  }

  /* The figure with a top margin that already holds its horizontal legend above the
     plot; any other legend is left to plotly. */
  function withRoom(figure, width) {
    const layout = figure.layout;
    const legend = layout.legend || {};
    const shown = (figure.data || []).filter(function (trace) {
      return trace.showlegend !== false && trace.visible !== false;
    });
    const simple = shown.every(function (trace) {
      return ["bar", "scatter", undefined].includes(trace.type);
    });
    if (!layout.showlegend || !layout.height || !shown.length || !simple
        || legend.orientation !== "h" || legend.yanchor !== "bottom" || !(legend.y >= 1)
        || legend.entrywidth || (legend.title && legend.title.text)
        || String(legend.traceorder || "").includes("grouped")) {
      return figure;
    }
    const margin = { ...DEFAULT_MARGIN, ...(layout.margin || {}) };
    const font = {
      size: (legend.font && legend.font.size) || (layout.font && layout.font.size) || 12,
      family: (legend.font && legend.font.family) || (layout.font && layout.font.family)
        || "\"Open Sans\", verdana, arial, sans-serif",
    };
    const height = legendHeight(shown.map(function (trace) { return trace.name; }), font,
      width - margin.l - margin.r);
    if (height > Math.max(0.5 * layout.height, 30)) { return figure; }  // a scrolled legend
    const pad = Math.min(PUSH_PAD, margin.l, margin.r, margin.t, margin.b);
    const top = Math.ceil((height + pad + (legend.y - 1) * (layout.height - margin.b)) / legend.y);
    if (top <= margin.t) { return figure; }
    return { ...figure, layout: { ...layout, margin: { ...layout.margin, t: top + 1 } } };
  }

  Plotly.react = function (gd, figure) {
    const width = gd instanceof Element ? gd.clientWidth : 0;
    if (width && figure && figure.layout && !figure.layout.width) {
      return react.call(Plotly, gd, withRoom(figure, width), ...[...arguments].slice(2));
    }
    return react.apply(Plotly, arguments);
  };
});
