/* Browser-side behaviour of the dashboard: theme, presentation keys, auto-advance,
   full screen, links and copying, and drawing PNG/SVG downloads.

   Nothing here decides state: every move goes to a query string that the server
   computed for the current view: the view's filters (view.filters) joined to the move's
   own part (view.moves, see ViewState.moves and join_query in atmp/state.py). Elements
   are found by the data-* attributes the layout gives them, the Location by view.url. */
(function () {
  "use strict";

  const THEME_KEY = "atmp-theme";
  const SLIDE = { width: 1920, height: 1080 };
  let view = null;
  let timer = null;
  let paused = false;
  let focused = null;

  function remembered() {
    try { return window.localStorage.getItem(THEME_KEY); } catch (error) { return null; }
  }

  function remember(theme) {
    try { window.localStorage.setItem(THEME_KEY, theme); } catch (error) { /* private mode */ }
  }

  function setTheme(theme) {
    document.documentElement.setAttribute("data-bs-theme", theme === "dark" ? "dark" : "light");
  }

  /* The query string of a move: the filters, then the move's part, as join_query joins them. */
  function link(key) {
    const move = view.moves[key];
    if (typeof move !== "string") { return undefined; }
    const query = [view.filters, move].filter(Boolean).join("&");
    return query ? "?" + query : "";
  }

  /* Push (or replace) the query string and let Dash's Location carry it to the callbacks.
     Location pushes whatever href it holds, so it is given the new one too. */
  function go(query, replace) {
    if (typeof query !== "string") { return; }
    const href = window.location.origin + window.location.pathname + query;
    if (replace) { window.history.replaceState(null, "", href); }
    window.dash_clientside.set_props(view.url, { search: query, href: href });
  }

  function fullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* refused */ });
    }
  }

  /* Each 1920×1080 stage scaled to its frame: the whole screen, or in the presenter
     view the current slide's part and the next slide's. */
  function fitDeck() {
    document.querySelectorAll(".deck-stage").forEach(function (stage) {
      const frame = stage.parentElement;
      const scale = Math.min(frame.clientWidth / SLIDE.width, frame.clientHeight / SLIDE.height);
      stage.style.setProperty("--deck-scale", String(scale || 1));
    });
  }

  /* The query string of slide `n`: the first slide's move with its number changed (the
     deck's value is base64url, so `slide=` only ever means the slide). */
  function slideLink(n) {
    const first = link("first");
    if (typeof first !== "string" || !(n >= 1 && n <= view.slides)) { return undefined; }
    return first.replace(/([?&])slide=1(?=&|$)/, "$1slide=" + n);
  }

  /* The audience's window and the presenter's, in one browser, keep to one slide: each
     tells the other where it went; no state on the server. */
  const channel = window.BroadcastChannel ? new window.BroadcastChannel("atmp-deck") : null;
  let told = null;
  function tell() {
    if (!channel || !view || !view.present) { return; }
    const where = view.deck + "#" + view.slide;
    if (where !== told) {
      told = where;
      channel.postMessage({ deck: view.deck, slide: view.slide });
    }
  }
  if (channel) {
    channel.onmessage = function (event) {
      const message = event.data || {};
      if (!view || !view.present || message.deck !== view.deck || message.slide === view.slide) {
        return;
      }
      told = view.deck + "#" + message.slide;  // no echo back
      go(slideLink(message.slide), true);
    };
  }

  /* The controls hide after a few seconds without the pointer; the pointer brings them. */
  let idle = null;
  function wake() {
    document.body.classList.remove("deck-idle");
    window.clearTimeout(idle);
    if (view && view.present) {
      idle = window.setTimeout(function () { document.body.classList.add("deck-idle"); }, 3000);
    }
  }
  document.addEventListener("pointermove", wake);

  /* A swipe on a touch screen: left for the next slide, right for the previous. */
  let touchStart = null;
  document.addEventListener("touchstart", function (event) {
    touchStart = event.touches.length === 1 ? event.touches[0] : null;
  }, { passive: true });
  document.addEventListener("touchend", function (event) {
    if (!touchStart || !view || !view.present) { return; }
    const end = event.changedTouches[0];
    const dx = end.clientX - touchStart.clientX;
    const dy = end.clientY - touchStart.clientY;
    touchStart = null;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
      go(link(dx < 0 ? "next" : "previous"), true);
    }
  }, { passive: true });

  function setPaused(value) {
    paused = value;
    const button = document.querySelector(".deck-play");
    if (button) {
      const label = paused ? button.dataset.play : button.dataset.pause;
      button.title = label;
      button.setAttribute("aria-label", label);
      button.setAttribute("aria-pressed", String(paused));
    }
    schedule();
  }

  function tick() {
    const now = new Date();
    document.querySelectorAll("[data-clock]").forEach(function (clock) {
      if (clock.dataset.clock === "now") {
        clock.textContent = now.toLocaleTimeString(view.lang, { hour: "2-digit", minute: "2-digit" });
      } else {
        const seconds = Math.floor((now - started) / 1000);
        clock.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
      }
    });
  }
  const started = new Date();
  window.setInterval(function () { if (view && view.presenter) { tick(); } }, 1000);

  function schedule() {
    window.clearTimeout(timer);
    timer = null;
    document.documentElement.classList.toggle("deck-is-paused", paused);
    if (view && view.present && view.advance && !paused && !view.presenter) {
      timer = window.setTimeout(function () { go(link("next"), true); }, view.advance * 1000);
    }
  }

  function showStatus(text) {
    const status = document.querySelector("[data-done]");
    if (!status) { return; }
    status.textContent = text;
    window.setTimeout(function () { status.textContent = ""; }, 5000);
  }

  function copy(text) {
    const status = document.querySelector("[data-done]");
    const done = function () { showStatus(status ? status.dataset.done : ""); };
    const fallback = function () {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      document.body.removeChild(area);
      if (copied) { done(); } else { showStatus((status ? status.dataset.failed : "") + " " + text); }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  function refreshLinks() {
    if (!view) { return; }
    document.querySelectorAll("a[data-go]").forEach(function (anchor) {
      const query = link(anchor.dataset.go);
      if (typeof query === "string") { anchor.href = window.location.pathname + query; }
    });
    /* A chart's numbers for the view shown: its CSV at the open-data address; the deck
       as PowerPoint likewise. */
    document.querySelectorAll("a[data-numbers], a[data-deck-file]").forEach(function (anchor) {
      anchor.href = anchor.href.split("?")[0] + window.location.search;
    });
  }

  /* Focus is never hidden under the sticky filter bar (WCAG 2.4.11): the page keeps room
     for the bar at the top, so a control focused by Tab (or Shift+Tab) scrolls into
     view below it. The bar's height changes with the chips and the screen's width. */
  let stripWatched = null;
  function keepFocusClear() {
    const strip = document.querySelector(".filter-strip");
    if (!strip || strip === stripWatched) { return; }
    stripWatched = strip;
    const room = function () {
      const sticky = getComputedStyle(strip).position === "sticky";
      document.documentElement.style.scrollPaddingTop = sticky ? `${strip.offsetHeight + 8}px` : "";
    };
    new ResizeObserver(room).observe(strip);
    window.addEventListener("resize", room);
  }

  function showFocus() {
    document.querySelectorAll(".chart-card.is-focus").forEach(function (card) {
      card.classList.remove("is-focus");
    });
    const card = view.chart && document.querySelector(`[data-chart="${view.chart}"]`);
    if (!card) { return; }
    card.classList.add("is-focus");
    if (focused !== view.chart) { card.scrollIntoView({ block: "start", behavior: "instant" }); }
    focused = view.chart;
  }

  /* Dash's dropdown names its button by its value alone ("All"), which hides the <label>:
     put the label first in its aria-labelledby, whenever a dropdown appears (it is loaded
     lazily). Dash writes the same attribute on every render, so React leaves it in place. */
  /* Dash's dropdown puts a focusable input, hidden from assistive technology, before its
     button, only to pass focus on to the button (which it keeps out of the tab order).
     The button itself takes Tab here, the input none, so focus never lands where a screen
     reader cannot follow. The dropdown gives the input its tab stop back whenever the
     button loses focus: taken again just after. */
  function tabToDropdowns() {
    document.querySelectorAll(".dash-dropdown-focus-target").forEach(function (input) {
      const button = input.nextElementSibling;
      if (!button || !button.classList.contains("dash-dropdown")) { return; }
      if (input.tabIndex !== -1) { input.tabIndex = -1; }
      if (button.tabIndex !== 0 && !button.disabled) { button.tabIndex = 0; }
    });
  }
  document.addEventListener("focusout", function (event) {
    if (event.target.classList && event.target.classList.contains("dash-dropdown")) {
      window.setTimeout(tabToDropdowns, 0);
    }
  });

  function nameDropdowns() {
    tabToDropdowns();
    document.querySelectorAll("label[for][id]").forEach(function (label) {
      const button = document.getElementById(label.htmlFor);
      const names = button && button.getAttribute("aria-labelledby");
      if (names && names.split(" ").indexOf(label.id) < 0) {
        button.setAttribute("aria-labelledby", label.id + " " + names);
      }
    });
  }

  /* On a phone the filters are a sheet behind a "Filters (n)" button: it opens with focus
     on its first control, and closes with its own button or Esc, focus back on the
     button. On a wide screen the button is hidden and the filters always shown. */
  function sheet(open) {
    const toggle = document.querySelector("[data-sheet=open]");
    const panel = document.getElementById("filter-sheet");
    if (!toggle || !panel) { return; }
    document.body.classList.toggle("sheet-open", open);
    toggle.setAttribute("aria-expanded", String(open));
    if (open) {
      const first = panel.querySelector("input, button, [tabindex='0']");
      if (first) { first.focus(); }
    } else if (getComputedStyle(toggle).display !== "none") {
      toggle.focus();
    }
  }

  function countFilters() {
    const toggle = document.querySelector("[data-sheet=open]");
    if (!toggle || !view) { return; }
    const chosen = view.filters ? view.filters.split("&").filter(function (part) {
      return /^(centre|class|disease|status|phase)=/.test(part);
    }).reduce(function (n, part) { return n + part.split("=")[1].split(",").length; }, 0) : 0;
    toggle.textContent = `${toggle.dataset.label} (${chosen})`;
  }

  function deckSheet(open) {
    if (view) { window.dash_clientside.set_props(view.deck_sheet, { is_open: open }); }
  }

  document.addEventListener("click", function (event) {
    const opener = event.target.closest("[data-sheet]");
    if (opener) { sheet(opener.dataset.sheet === "open"); return; }
    if (event.target.closest("[data-deck]")) { deckSheet(true); return; }
    if (event.target.closest("[data-print]")) { window.print(); return; }
    if (event.target.closest(".deck-play") && view && view.advance) {
      setPaused(!paused);
      return;
    }
    const target = event.target.closest(
      "[data-go], [data-copy], [data-fullscreen], [data-presenter]"
    );
    if (!target || !view) { return; }
    if (target.dataset.fullscreen) { fullscreen(); return; }
    if (target.dataset.presenter) {  // the presenter's window, and this one presents
      window.open(link("presenter"), "atmp-presenter", "popup,width=1280,height=800");
      deckSheet(false);
      go(link("present"), false);
      return;
    }
    let key = target.dataset.go;
    const advance = document.querySelector("[data-advance]");
    if (key === "present" && advance && advance.value !== "0"
        && target.closest(".deck-actions")) {
      key = "present_" + advance.value;
    }
    if (key === "present" || key === "handout") { deckSheet(false); }
    if (key === "theme") { remember(view.theme === "dark" ? "light" : "dark"); }
    if (key && target.dataset.reload) {  // a language: a new page, rendered in it
      refreshLinks();
      return;
    }
    if (key) {  // a step between slides replaces the history entry, as the keys do
      event.preventDefault();
      go(link(key), key === "next" || key === "previous");
    }
    if (target.dataset.copy) {
      const query = key ? link(key) : window.location.search;
      copy(window.location.origin + window.location.pathname + query);
    }
  });

  /* Esc closes the sheet, unless a dropdown's list is open: that Esc closes the list.
     Seen first (capture), before the dropdown removes its list. */
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.body.classList.contains("sheet-open")
        && !document.querySelector("[role=listbox]")) {
      sheet(false);
    }
  }, true);

  /* Presenting: →/← and PageDown/PageUp (clickers), Home/End, a number then Enter to
     jump, B for a black screen (any key brings the slide back), F full screen, P pause,
     Esc leaves. */
  let typed = "";
  document.addEventListener("keydown", function (event) {
    if (!view || !view.present || event.ctrlKey || event.metaKey || event.altKey) { return; }
    const key = event.key;
    if (document.body.classList.contains("deck-black")) {
      document.body.classList.remove("deck-black");
      if (key !== "Escape") { event.preventDefault(); return; }
    }
    if (view.advance && !paused) {  // any key pauses an unattended screen
      setPaused(true);
      if (key === "p" || key === "P") { return; }
    }
    const moves = {
      ArrowRight: "next", PageDown: "next", ArrowLeft: "previous", PageUp: "previous",
      Home: "first", End: "last",
    };
    if (/^[0-9]$/.test(key)) {
      typed = (typed + key).slice(-3);
      return;
    }
    if (key === "Enter" && typed) {
      event.preventDefault();
      go(slideLink(Number(typed)), true);
      typed = "";
      return;
    }
    typed = "";
    if (moves[key]) {
      event.preventDefault();
      go(link(moves[key]), true);
    } else if (key === "Escape") {
      go(link("exit"), false);
    } else if (key === "b" || key === "B") {
      document.body.classList.add("deck-black");
    } else if (key === "f" || key === "F") {
      fullscreen();
    } else if ((key === "p" || key === "P") && view.advance && paused) {
      setPaused(false);
    }
  });

  window.addEventListener("resize", fitDeck);
  window.addEventListener("beforeprint", fitDeck);  // the handout's pages, at paper size
  window.addEventListener("afterprint", fitDeck);
  new MutationObserver(nameDropdowns).observe(document.body, { childList: true, subtree: true });

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.atmp = {
    /* Before the page exists: the link, with the remembered theme if the link has none. */
    boot: function () {
      let search = window.location.search;
      if (!new URLSearchParams(search).has("theme")) {
        const prefersDark = window.matchMedia &&
          window.matchMedia("(prefers-color-scheme: dark)").matches;
        const theme = remembered() || (prefersDark ? "dark" : "light");
        if (theme === "dark") {
          search += (search ? "&" : "?") + "theme=dark";
          window.history.replaceState(null, "", window.location.pathname + search);
        }
      }
      setTheme(new URLSearchParams(search).get("theme"));
      return { search: search };
    },

    /* After every update: follow the view the server rendered. */
    apply: function (state) {
      if (!state) { return window.dash_clientside.no_update; }
      const wasPresenting = view && view.present;
      view = state;
      setTheme(view.theme);
      document.documentElement.lang = view.lang;
      document.title = view.title;
      document.body.classList.toggle("presenting", view.present);
      document.documentElement.classList.toggle("deck-has-advance", Boolean(view.advance));
      if (view.handout) { window.setTimeout(fitDeck, 0); }
      if (view.present) {
        window.setTimeout(fitDeck, 0);
        wake();
        tell();
        if (view.presenter) { tick(); }
      } else {
        paused = false;
        document.body.classList.remove("deck-black", "deck-idle");
        if (wasPresenting && document.fullscreenElement) { document.exitFullscreen(); }
      }
      setPaused(paused);
      window.setTimeout(function () {
        keepFocusClear();
        countFilters();
        refreshLinks();
        if (!view.present) { showFocus(); }
      }, 0);
      return view.theme;
    },

    /* A PNG or SVG of the slide figure the server built, drawn by plotly.js. */
    downloadImage: function (image) {
      if (image && window.Plotly) {
        window.Plotly.downloadImage({ ...image.figure, config: image.config }, {
          format: image.format, width: SLIDE.width, height: SLIDE.height,
          filename: image.filename,
        });
      }
      return window.dash_clientside.no_update;
    },
  };
}());
