/*
 * skm-grafik.js: draws the Plotly charts of the SKM site.
 *
 * Included on every page through `extra_javascript`, so it runs once per
 * visit; the work of a page view runs from Material's `document$`, which emits
 * on the first load and after each instant navigation.
 *
 * Contract (written by the Python side):
 *   <div class="skm-chart" id="grafik-..." data-plotly="{figure JSON}"
 *        style="min-height:360px" role="img" aria-label="..."></div>
 * The figure JSON is plotly.io.to_json output: {"data": [...], "layout": {...}}.
 *
 * plotly.js is loaded only on pages that have charts, from the folder this
 * file was served from: the basic bundle (bar, pie, scatter), or the cartesian
 * bundle when a figure needs another trace type (heatmap). Nothing is fetched
 * from any other host.
 */
(function () {
  "use strict";

  var TAG = "[skm-grafik]";
  var STYLE_ID = "plotly.js-style-global";
  var PRINT_WIDTH = 680; // px: A4 portrait less 15 mm margins (see skm.css @page)

  var FILES = { basic: "plotly-basic.min.js", cartesian: "plotly-cartesian.min.js" };
  var BASIC_TYPES = ["bar", "pie", "scatter"];
  var CARTESIAN_TYPES = BASIC_TYPES.concat([
    "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour",
    "image", "scatterternary", "violin"
  ]);

  // Indonesian locale: day and month names, decimal comma and thousands dot.
  var LOCALE = {
    moduleType: "locale",
    name: "id",
    dictionary: {},
    format: {
      days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
      shortDays: ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
      months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
        "Agustus", "September", "Oktober", "November", "Desember"],
      shortMonths: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep",
        "Okt", "Nov", "Des"],
      date: "%d/%m/%Y",
      decimal: ",",
      thousands: ".",
      currency: ["Rp", ""]
    }
  };

  var CONFIG = {
    responsive: true,
    displaylogo: false,
    displayModeBar: false,
    locale: "id"
  };

  // Folder of this script, taken now: instant navigation changes location.
  var BASE = (function () {
    var script = document.currentScript ||
      document.querySelector('script[src*="skm-grafik.js"]');
    return script ? new URL(".", script.src).href : new URL(".", document.baseURI).href;
  })();

  var loads = {};             // bundle name -> Promise<Plotly>
  var instances = {};         // bundle name -> Plotly object of that bundle
  var rendered = new Map();   // container -> {plotly, axes, width}
  var pending = new WeakSet(); // containers waiting for a bundle or newPlot
  var printed = new Set();    // containers narrowed for printing

  /* ------------------------------------------------------------------ */
  /* Loading                                                             */
  /* ------------------------------------------------------------------ */

  function loadBundle(name) {
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = BASE + FILES[name];
        script.async = true;
        script.addEventListener("load", function () {
          // The bundle has just set window.Plotly; keep our own reference in
          // case another bundle finishes later and overwrites it.
          var plotly = window.Plotly;
          if (!plotly || typeof plotly.newPlot !== "function") {
            delete loads[name];
            reject(new Error("bundle has no Plotly.newPlot: " + script.src));
            return;
          }
          instances[name] = plotly;
          if (name === "basic" && instances.cartesian) {
            window.Plotly = instances.cartesian; // never downgrade
          }
          plotly.register(LOCALE);
          keepPlotlyStyle();
          resolve(plotly);
        });
        script.addEventListener("error", function () {
          delete loads[name]; // allow a retry on the next page view
          script.remove();
          reject(new Error("could not load " + script.src));
        });
        document.head.appendChild(script);
      });
    }
    return loads[name];
  }

  function traceType(trace) {
    return (trace && typeof trace.type === "string") ? trace.type : "scatter";
  }

  // Which bundle can draw all these figures: "basic", "cartesian" or null.
  function bundleFor(figures) {
    var need = "basic";
    for (var i = 0; i < figures.length; i++) {
      var data = figures[i].data;
      for (var j = 0; j < data.length; j++) {
        var type = traceType(data[j]);
        if (CARTESIAN_TYPES.indexOf(type) < 0) return null;
        if (BASIC_TYPES.indexOf(type) < 0) need = "cartesian";
      }
    }
    // Cartesian already loaded (or loading) draws everything basic does.
    if (need === "basic" && loads.cartesian) return "cartesian";
    return need;
  }

  /* ------------------------------------------------------------------ */
  /* Plotly's runtime stylesheet                                         */
  /* ------------------------------------------------------------------ */

  // plotly.js inserts its rules with CSSOM into <style id="plotly.js-style-global">
  // in <head>. Material's instant navigation removes <head> elements that the
  // next page lacks, which leaves later charts unstyled. Move the sheet into
  // <body>, which Material does not touch: serialize the rules (they are not
  // in the element's text), recreate the element with the same id, so a
  // bundle loaded later adds its rules to it, and drop the one in <head>.
  function keepPlotlyStyle() {
    var live = document.getElementById(STYLE_ID);
    if (!live || live.parentNode === document.body) return;
    var css = [];
    var rules = live.sheet ? live.sheet.cssRules : [];
    for (var i = 0; i < rules.length; i++) css.push(rules[i].cssText);
    var copy = document.createElement("style");
    copy.textContent = css.join("\n");
    live.remove();
    copy.id = STYLE_ID;
    document.body.appendChild(copy);
  }

  /* ------------------------------------------------------------------ */
  /* Theme from Material's CSS variables                                 */
  /* ------------------------------------------------------------------ */

  function parseColor(text) {
    var m = /rgba?\(([^)]*)\)/.exec(text);
    if (!m) return null;
    var parts = m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat);
    if (parts.length < 3 || parts.some(isNaN)) return null;
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  }

  function hex(rgb) {
    return "#" + rgb.map(function (v) {
      var s = Math.round(Math.max(0, Math.min(255, v))).toString(16);
      return s.length < 2 ? "0" + s : s;
    }).join("");
  }

  // Resolve Material's colour variables as opaque hex colours (the partly
  // transparent greys are blended over the page background).
  function readTheme() {
    var probe = document.createElement("span");
    probe.style.display = "none";
    document.body.appendChild(probe);
    function resolve(variable, fallback) {
      probe.style.color = fallback;
      probe.style.color = "var(" + variable + ", " + fallback + ")";
      return parseColor(getComputedStyle(probe).color) || parseColor(fallback);
    }
    var bg = resolve("--md-default-bg-color", "rgb(255, 255, 255)");
    function over(rgba) {
      var a = rgba[3];
      return hex([0, 1, 2].map(function (i) { return rgba[i] * a + bg[i] * (1 - a); }));
    }
    var theme = {
      fg: over(resolve("--md-default-fg-color", "rgba(0, 0, 0, 0.87)")),
      lighter: over(resolve("--md-default-fg-color--lighter", "rgba(0, 0, 0, 0.32)")),
      lightest: over(resolve("--md-default-fg-color--lightest", "rgba(0, 0, 0, 0.07)")),
      family: getComputedStyle(document.body).fontFamily || "sans-serif"
    };
    probe.remove();
    return theme;
  }

  // Axis names of a figure: layout keys like xaxis, yaxis2 plus trace refs.
  function axisNames(figure) {
    var names = { xaxis: true, yaxis: true };
    Object.keys(figure.layout || {}).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) names[key] = true;
    });
    figure.data.forEach(function (trace) {
      ["xaxis", "yaxis"].forEach(function (key) {
        var ref = trace && trace[key];
        if (typeof ref === "string" && /^[xy]\d*$/.test(ref)) {
          names[ref.charAt(0) + "axis" + ref.slice(1)] = true;
        }
      });
    });
    return Object.keys(names);
  }

  // Flat Plotly.relayout update for the current palette.
  function themeUpdate(theme, axes) {
    var update = {
      "font.color": theme.fg,
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)"
    };
    axes.forEach(function (ax) {
      update[ax + ".gridcolor"] = theme.lightest;
      update[ax + ".zerolinecolor"] = theme.lighter;
      update[ax + ".linecolor"] = theme.lighter;
      update[ax + ".tickcolor"] = theme.lighter;
    });
    return update;
  }

  function setPath(obj, path, value) {
    var keys = path.split(".");
    var target = obj;
    for (var i = 0; i < keys.length - 1; i++) {
      var next = target[keys[i]];
      if (!next || typeof next !== "object") next = target[keys[i]] = {};
      target = next;
    }
    target[keys[keys.length - 1]] = value;
  }

  function rethemeAll() {
    if (!rendered.size) return;
    var theme = readTheme();
    rendered.forEach(function (info, el) {
      if (!el.isConnected) return;
      Promise.resolve(info.plotly.relayout(el, themeUpdate(theme, info.axes)))
        .catch(function (err) { console.error(TAG, "relayout failed for #" + el.id, err); });
    });
  }

  /* ------------------------------------------------------------------ */
  /* Drawing                                                             */
  /* ------------------------------------------------------------------ */

  function readFigure(el) {
    var figure;
    try {
      figure = JSON.parse(el.getAttribute("data-plotly"));
    } catch (err) {
      console.error(TAG, "invalid figure JSON in #" + el.id, err);
      return null;
    }
    if (!figure || !Array.isArray(figure.data)) {
      console.error(TAG, "figure in #" + el.id + " has no data array");
      return null;
    }
    if (!figure.layout || typeof figure.layout !== "object") figure.layout = {};
    return figure;
  }

  var resizeObserver = ("ResizeObserver" in window) ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var el = entry.target;
      var info = rendered.get(el);
      var width = Math.round(entry.contentRect.width);
      if (!info || !el.isConnected || width === 0 || width === info.width) return;
      info.width = width;
      info.plotly.Plots.resize(el);
    });
  }) : null;

  async function draw(plotly, el, figure, theme) {
    if (!el.isConnected) return; // the reader navigated away meanwhile
    var layout = figure.layout;
    var axes = axisNames(figure);
    var update = themeUpdate(theme, axes);
    Object.keys(update).forEach(function (path) { setPath(layout, path, update[path]); });
    if (!(layout.font && layout.font.family)) setPath(layout, "font.family", theme.family);
    if (!layout.separators) layout.separators = ",.";
    try {
      await plotly.newPlot(el, figure.data, layout, Object.assign({}, CONFIG));
    } catch (err) {
      console.error(TAG, "Plotly.newPlot failed for #" + el.id, err);
      return;
    }
    el.setAttribute("data-plotly-rendered", "1");
    rendered.set(el, {
      plotly: plotly,
      axes: axes,
      width: Math.round(el.clientWidth),
      fixedWidth: typeof layout.width === "number" ? layout.width : null
    });
    if (resizeObserver) resizeObserver.observe(el);
  }

  // Release charts that instant navigation took out of the page.
  function forget() {
    rendered.forEach(function (info, el) {
      if (el.isConnected) return;
      if (resizeObserver) resizeObserver.unobserve(el);
      printed.delete(el);
      rendered.delete(el);
      try {
        info.plotly.purge(el);
      } catch (err) {
        console.error(TAG, "Plotly.purge failed", err);
      }
    });
  }

  // On a phone-sized screen charts are drawn when they scroll into view: a phone that
  // shows only the headline figures never downloads or runs plotly.js (~400 kB and a
  // second of a slow CPU). On a wide screen (Material's full layout, 1220 px and up),
  // where several charts are in view at once, every chart is drawn straight away, as
  // it is without IntersectionObserver.
  var WIDE = window.matchMedia("(min-width: 76.25em)");
  var waiting = new Map();
  var LOOKAHEAD = "0px";
  var nearObserver = ("IntersectionObserver" in window) ? new IntersectionObserver(
    function (entries) {
      var batch = [];
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        nearObserver.unobserve(entry.target);
        var job = waiting.get(entry.target);
        waiting.delete(entry.target);
        if (job && entry.target.isConnected) batch.push(job);
      });
      if (batch.length) drawJobs(batch);
    }, { rootMargin: LOOKAHEAD }) : null;

  function forgetWaiting() {
    waiting.forEach(function (job, el) {
      if (el.isConnected) return;
      if (nearObserver) nearObserver.unobserve(el);
      waiting.delete(el);
      pending.delete(el);
    });
  }

  // The bundle was chosen in onPage for all charts of the page together: charts drawn
  // as they scroll in must not fetch basic first and cartesian later (both bundles).
  function drawJobs(jobs) {
    var name = (jobs.some(function (job) { return job.bundle === "cartesian"; }) ||
      loads.cartesian) ? "cartesian" : "basic";
    function done() { jobs.forEach(function (job) { pending.delete(job.el); }); }
    loadBundle(name)
      .then(function (plotly) {
        keepPlotlyStyle();
        var theme = readTheme();
        return Promise.all(jobs.map(function (job) {
          return draw(plotly, job.el, job.figure, theme);
        }));
      })
      .catch(function (err) { console.error(TAG, err); })
      .then(done, done);
  }

  function onPage() {
    forget();
    forgetWaiting();
    var jobs = [];
    var nodes = document.querySelectorAll("[data-plotly]");
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      if (el.hasAttribute("data-plotly-rendered") || pending.has(el)) continue;
      var figure = readFigure(el);
      if (figure) jobs.push({ el: el, figure: figure });
    }
    if (!jobs.length) return; // no charts: load nothing
    var name = bundleFor(jobs.map(function (job) { return job.figure; }));
    if (!name) {
      console.error(TAG, "a figure on this page uses a trace type outside the " +
        "cartesian bundle: " + jobs.map(function (job) { return "#" + job.el.id; }).join(" "));
      return;
    }
    jobs.forEach(function (job) {
      job.bundle = name;
      pending.add(job.el);
    });
    if (!nearObserver || WIDE.matches) {
      drawJobs(jobs);
      return;
    }
    jobs.forEach(function (job) {
      waiting.set(job.el, job);
      nearObserver.observe(job.el);
    });
  }

  /* ------------------------------------------------------------------ */
  /* Wiring                                                              */
  /* ------------------------------------------------------------------ */

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { onPage(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }

  // Material switches palettes by setting data-md-color-scheme on <body>.
  new MutationObserver(rethemeAll).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme"]
  });

  // Printing: narrow wide charts to the printable width, restore afterwards.
  window.addEventListener("beforeprint", function () {
    if (waiting.size) {
      var rest = Array.from(waiting.values());
      waiting.forEach(function (job, el) { if (nearObserver) nearObserver.unobserve(el); });
      waiting.clear();
      drawJobs(rest);
    }
    rendered.forEach(function (info, el) {
      if (!el.isConnected || el.clientWidth <= PRINT_WIDTH) return;
      printed.add(el);
      info.plotly.relayout(el, { width: PRINT_WIDTH });
    });
  });
  window.addEventListener("afterprint", function () {
    printed.forEach(function (el) {
      var info = rendered.get(el);
      if (!info || !el.isConnected) return;
      info.plotly.relayout(el, info.fixedWidth ? { width: info.fixedWidth }
        : { width: null, autosize: true });
    });
    printed.clear();
  });
})();
