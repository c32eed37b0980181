/* The first drawing of each chart in a task of its own, so that ten charts never block
   the page at once: the charts on the screen first, then those nearing it
   (IntersectionObserver), the rest when the browser is idle. On a phone the rest wait
   until they near the screen (a screen ahead): a phone's processor and battery go to
   what is read, and a chart drawn idle there still holds up a tap for a tenth of a
   second. A chart already drawn (a filter change, a new theme) is redrawn at once:
   someone is waiting for it. Printing draws every chart still waiting first.

   dcc.Graph draws through Plotly.react and waits for its promise, so a later drawing is
   the same to it. Two marks for the benchmarks: "atmp:first-screen-drawn" once the charts
   on the first screen are drawn, "atmp:all-charts-drawn" once every chart shown is. */
window.atmpWithPlotly(function (Plotly) {
  "use strict";

  const react = Plotly.react;
  const waiting = new Map();  // graph div -> {args, done: [[resolve, reject], ...]}
  const near = new Set();  // waiting graphs the IntersectionObserver saw near the screen
  let firstScreen = new Set();  // the graphs on the first screen, until they are drawn
  let turn = null;  // the next turn's frame or timer, while one is asked for
  let idling = false;  // an idle callback is asked for

  function onScreen(gd) {
    const box = gd.getBoundingClientRect();
    return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
  }

  function mark(name) {
    if (!performance.getEntriesByName(name).length) { performance.mark(name); }
  }

  function marks() {
    if (firstScreen && [...firstScreen].every(function (gd) { return !waiting.has(gd); })) {
      mark("atmp:first-screen-drawn");
      firstScreen = null;
    }
    // A chart the data cannot draw is on the page, hidden: it never nears the screen.
    if (![...waiting.keys()].some(function (gd) { return gd.offsetParent; })) {
      mark("atmp:all-charts-drawn");
    }
  }

  function draw(gd) {
    const job = waiting.get(gd);
    waiting.delete(gd);
    near.delete(gd);
    observer.unobserve(gd);
    react.apply(Plotly, job.args).then(
      function (result) { job.done.forEach(function (pair) { pair[0](result); }); },
      function (error) { job.done.forEach(function (pair) { pair[1](error); }); }
    ).then(marks);
  }

  const PHONE = window.matchMedia("(max-width: 575.98px)").matches;  // as 10-dashboard.css
  const idle = window.requestIdleCallback || function (run) { return window.setTimeout(run, 200); };

  /* One chart per task: one on the screen, else one near it, else (not on a phone) one
     when idle. */
  function next() {
    turn = null;
    const graphs = [...waiting.keys()];
    const soon = graphs.find(onScreen) || graphs.find(function (gd) { return near.has(gd); });
    if (soon) {
      draw(soon);
      schedule();
    } else if (graphs.length && !idling && !PHONE) {
      idling = true;
      idle(function () {
        idling = false;
        const first = waiting.keys().next();
        if (!first.done) { draw(first.value); }
        schedule();
      }, { timeout: 4000 });
    }
  }

  /* The next turn once the browser has painted: the page's text shows before the first
     chart is drawn (a timer alone may run first and hold the paint back), and each
     chart shows as it is drawn. */
  function schedule() {
    if (turn === null && waiting.size) {
      turn = window.requestAnimationFrame(function () { turn = window.setTimeout(next, 0); });
    }
  }

  const observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting && waiting.has(entry.target)) { near.add(entry.target); }
    });
    schedule();
  }, { rootMargin: PHONE ? "100% 0px" : "50% 0px" });

  window.addEventListener("beforeprint", function () {
    [...waiting.keys()].forEach(draw);
  });

  Plotly.react = function (gd) {
    if (!(gd instanceof Element) || gd._fullLayout || !document.contains(gd)) {
      return react.apply(Plotly, arguments);
    }
    const args = arguments;
    return new Promise(function (resolve, reject) {
      const job = waiting.get(gd) || { done: [] };
      job.args = args;  // a newer figure for a chart still waiting replaces the older
      job.done.push([resolve, reject]);
      waiting.set(gd, job);
      if (firstScreen && onScreen(gd)) { firstScreen.add(gd); }
      observer.observe(gd);
      schedule();
    });
  };
});
