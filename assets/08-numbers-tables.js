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

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.tables = {
    numbers: function (data) {
      if (!data || !Array.isArray(data.head) || !Array.isArray(data.rows)) { return null; }
      return element("Table", {
        children: [
          element("Thead", { children: row(data.head, true) }),
          element("Tbody", { children: data.rows.map(function (cells) { return row(cells, false); }) }),
        ],
      });
    },
  };
})();
