/* The numbers table under each chart (callbacks/tables.py): made here from the header
   and rows of text the server sends, so that a filter change sends text, not a component
   per cell. Each row's category is its header cell, for a screen reader's table reading. */
(function () {
  "use strict";

  function element(type, props) {
    return { type: type, namespace: "dash_html_components", props: props };
  }

  function row(cells, header) {
    return element("Tr", {
      children: cells.map(function (text, column) {
        if (header) { return element("Th", { children: text, scope: "col" }); }
        return column === 0
          ? element("Th", { children: text, scope: "row" })
          : element("Td", { children: text });
      }),
    });
  }

  function table(data) {
    if (!data || !Array.isArray(data.head) || !Array.isArray(data.rows)) { return null; }
    return element("Table", {
      children: [
        element("Thead", { children: row(data.head, true) }),
        element("Tbody", { children: data.rows.map(function (cells) { return row(cells, false); }) }),
      ],
    });
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.tables = {
    /* Every chart's table, in the order of the callback's inputs: on the first load all of
       them, after a filter change only those whose rows changed. */
    numbers: function () {
      const rows = Array.prototype.slice.call(arguments);
      const context = window.dash_clientside.callback_context;
      const changed = new Set(context.triggered.map(function (input) { return input.prop_id; }));
      const first = !context.triggered.length || changed.has(".");
      return rows.map(function (data, index) {
        const id = context.inputs_list[index].id + ".data";
        return first || changed.has(id) ? table(data) : window.dash_clientside.no_update;
      });
    },
  };
})();
