// osteobiome pages: draws the charts whose data a page carries in <script type="application/json"> blocks.
// Loaded from this server only (the Content-Security-Policy allows no inline script).
(function () {
  "use strict";
  // The project's figure style (report.FigureStyle): Okabe–Ito colours in an order whose neighbours differ in lightness,
  // and for the n-th line a different dash, so that a line drawn over an identical one still shows both.
  var palette = ["#0072B2", "#D55E00", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000"];
  var dashes = [[], [9, 5], [0.1, 5.5], [11, 4, 2, 4]];
  // the k-th line: solid and widest first, then dashed and thinner; the dotted one as wide as the first (round dots)
  function lineLook(k) {
    var dash = dashes[k % dashes.length];
    var dots = dash.length > 0 && dash[0] < 1;
    return { dash: dash, width: k === 0 || dots ? 2.6 : Math.max(1.3, 2.6 - 0.6 * k), cap: dots || dash.length === 0 ? "round" : "butt" };
  }
  function lineStyle(ctx, k, dpr) {
    var look = lineLook(k);
    ctx.lineWidth = look.width * dpr;
    ctx.lineCap = look.cap;
    ctx.setLineDash(look.dash.map(function (d) { return d * dpr; }));
  }

  function trajectoryCharts(holder) {
    var source = document.getElementById(holder.getAttribute("data-source"));
    if (!source) { return; }
    var t = JSON.parse(source.textContent);
    var x = t.time.map(function (v) { return v / (t.days_per_unit || 1); });
    var width = Math.max(320, Math.min(560, holder.clientWidth / 2 - 24 || 480));
    t.columns.forEach(function (col, i) {
      var figure = document.createElement("figure");
      figure.className = "chart";
      figure.setAttribute("data-observable", col.id);
      var caption = document.createElement("figcaption");
      caption.textContent = col.id + (col.unit && col.unit !== "1" ? " (" + col.unit + ")" : "") + " — " + col.description;
      holder.appendChild(figure);
      var opts = {
        width: width, height: 220,
        scales: { x: { time: false } },
        axes: [{ label: t.time_label }, { label: col.unit && col.unit !== "1" ? col.unit : "" }],
        legend: { show: false },
        series: [{ label: t.time_label }, { label: col.id, stroke: palette[i % palette.length], width: 2 }]
      };
      new uPlot(opts, [x, col.values], figure);
      figure.appendChild(caption);
      figure.setAttribute("data-drawn", "true");
    });
  }

  // One chart per observable kept by every run, one line per run; runs on different time grids are joined
  // (a run has no point where its grid has none).
  function comparisonCharts(holder) {
    var source = document.getElementById(holder.getAttribute("data-source"));
    if (!source) { return; }
    var runs = JSON.parse(source.textContent).runs;
    var first = runs[0].trajectory;
    var width = Math.max(320, Math.min(560, holder.clientWidth / 2 - 24 || 480));
    first.columns.forEach(function (col) {
      var perRun = runs.map(function (run) {
        var t = run.trajectory;
        var match = t.columns.filter(function (c) { return c.id === col.id; })[0];
        return match ? [t.time.map(function (v) { return v / (t.days_per_unit || 1); }), match.values] : null;
      });
      if (perRun.some(function (r) { return r === null; })) { return; }
      var data = uPlot.join(perRun);
      var series = [{ label: first.time_label }];
      runs.forEach(function (run, i) {
        var look = lineLook(i);
        series.push({ label: run.label, stroke: palette[i % palette.length], spanGaps: true, dash: look.dash, width: look.width, cap: look.cap });
      });
      var figure = document.createElement("figure");
      figure.className = "chart";
      figure.setAttribute("data-observable", col.id);
      holder.appendChild(figure);
      new uPlot({
        width: width, height: 240, scales: { x: { time: false } },
        axes: [{ label: first.time_label }, { label: col.unit && col.unit !== "1" ? col.unit : "" }],
        series: series
      }, data, figure);
      var caption = document.createElement("figcaption");
      caption.textContent = col.id + (col.unit && col.unit !== "1" ? " (" + col.unit + ")" : "") + " — " + col.description;
      figure.appendChild(caption);
      figure.setAttribute("data-drawn", "true");
    });
  }

  // A scatter of samples, one colour per group (uPlot's mode 2: each series its own x and y).
  function scatterChart(holder) {
    var source = document.getElementById(holder.getAttribute("data-source"));
    if (!source) { return; }
    var d = JSON.parse(source.textContent);
    var data = [null];
    var series = [{}];
    d.groups.forEach(function (g, i) {
      data.push([g.x, g.y]);
      series.push({ label: g.label + " (" + g.x.length + ")", stroke: palette[i % palette.length], fill: palette[i % palette.length],
        paths: function () { return null; }, points: { show: false } });
    });
    // the points are drawn here, one filled circle per sample in its group's colour
    function drawPoints(u) {
      var ctx = u.ctx;
      var r = 3.5 * (window.devicePixelRatio || 1);
      ctx.save();
      for (var si = 1; si < u.series.length; si++) {
        if (!u.series[si].show) { continue; }
        var xs = u.data[si][0], ys = u.data[si][1];
        ctx.fillStyle = palette[(si - 1) % palette.length];
        ctx.globalAlpha = 0.75;
        for (var k = 0; k < xs.length; k++) {
          ctx.beginPath();
          ctx.arc(u.valToPos(xs[k], "x", true), u.valToPos(ys[k], "y", true), r, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
      ctx.restore();
    }
    var figure = document.createElement("figure");
    figure.className = "chart";
    figure.setAttribute("data-observable", "pcoa");
    holder.appendChild(figure);
    new uPlot({
      mode: 2, width: Math.min(720, Math.max(360, holder.clientWidth - 24)), height: 460,
      scales: { x: { time: false } },
      axes: [{ label: d.x_label }, { label: d.y_label }],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      hooks: { draw: [drawPoints] },
      series: series
    }, data, figure);
    var caption = document.createElement("figcaption");
    caption.textContent = "Samples on the first two principal coordinates of their Bray–Curtis distances, coloured by group"
      + " (n per group in the legend).";
    figure.appendChild(caption);
    figure.setAttribute("data-drawn", "true");
  }

  function finite(v) { return typeof v === "number" && isFinite(v); }

  // A figure of the report package (title, x label, panels of lines, points with error bars, and bands), one chart per
  // panel. uPlot draws the axes, scales and legend; the marks are drawn here so that each series keeps its own x values.
  function figureCharts(holder) {
    var source = document.getElementById(holder.getAttribute("data-source"));
    if (!source) { return; }
    JSON.parse(source.textContent).forEach(function (fig, fi) {
      fig.panels.forEach(function (panel, pi) {
        var marks = [];
        (panel.bands || []).forEach(function (b) { marks.push({ kind: "band", name: b.name, x: b.x, lo: b.lower, hi: b.upper, line: b.line }); });
        (panel.lines || []).forEach(function (l) { marks.push({ kind: "line", name: l.name, x: l.x, y: l.y }); });
        (panel.points || []).forEach(function (p) { marks.push({ kind: "points", name: p.name, x: p.x, y: p.y, err: p.errors, line: p.line }); });
        var data = [null];
        var series = [{}];
        // as in the PNG and SVG figures: the k-th line in the k-th colour and dash; data and bands in the colour of the
        // line they name; other data in colours after the lines'; bands of no line in deepening tints of the first colour
        var lineNames = (panel.lines || []).map(function (l) { return l.name; });
        var own = lineNames.length, shade = 0;
        marks.forEach(function (m) {
          var k = m.kind === "line" ? lineNames.indexOf(m.name) : (m.line ? lineNames.indexOf(m.line) : -1);
          if (m.kind === "points" && k < 0) { k = own++; }
          m.index = k;
          m.colour = palette[Math.max(k, 0) % palette.length];
          m.alpha = m.kind === "band" ? (k >= 0 ? 0.24 : 0.2 + 0.18 * Math.min(shade++, 3)) : 1;
        });
        marks.forEach(function (m, i) {
          var xs = [], ys = [];
          m.x.forEach(function (x, k) {
            var lo = m.kind === "band" ? m.lo[k] : m.y[k] - (m.err ? m.err[k] || 0 : 0);
            var hi = m.kind === "band" ? m.hi[k] : m.y[k] + (m.err ? m.err[k] || 0 : 0);
            if (finite(x) && finite(lo) && finite(hi)) { xs.push(x, x); ys.push(lo, hi); }
          });
          data.push([xs, ys]);
          series.push({ label: m.name, stroke: m.colour, fill: m.colour, paths: function () { return null; }, points: { show: false } });
        });
        if (marks.length === 0) { return; }
        function draw(u) {
          var ctx = u.ctx, dpr = window.devicePixelRatio || 1;
          function px(v) { return u.valToPos(v, "x", true); }
          function py(v) { return u.valToPos(v, "y", true); }
          ctx.save();
          marks.forEach(function (m, i) {
            if (!u.series[i + 1].show) { return; }
            ctx.strokeStyle = m.colour;
            ctx.fillStyle = m.colour;
            if (m.kind === "band") {
              ctx.globalAlpha = m.alpha;
              ctx.beginPath();
              var first = true;
              m.x.forEach(function (x, k) { if (finite(x) && finite(m.hi[k])) { if (first) { ctx.moveTo(px(x), py(m.hi[k])); first = false; } else { ctx.lineTo(px(x), py(m.hi[k])); } } });
              for (var k = m.x.length - 1; k >= 0; k--) { if (finite(m.x[k]) && finite(m.lo[k])) { ctx.lineTo(px(m.x[k]), py(m.lo[k])); } }
              ctx.closePath();
              ctx.fill();
            } else if (m.kind === "line") {
              ctx.globalAlpha = 1;
              lineStyle(ctx, m.index, dpr);
              ctx.beginPath();
              var open = false;
              m.x.forEach(function (x, k) {
                if (finite(x) && finite(m.y[k])) { if (open) { ctx.lineTo(px(x), py(m.y[k])); } else { ctx.moveTo(px(x), py(m.y[k])); open = true; } } else { open = false; }
              });
              ctx.stroke();
              ctx.setLineDash([]);
            } else {
              ctx.globalAlpha = 0.8;
              ctx.lineWidth = 1 * dpr;
              m.x.forEach(function (x, k) {
                if (!finite(x) || !finite(m.y[k])) { return; }
                if (m.err && m.err[k] > 0) {
                  ctx.beginPath();
                  ctx.moveTo(px(x), py(m.y[k] - m.err[k]));
                  ctx.lineTo(px(x), py(m.y[k] + m.err[k]));
                  ctx.stroke();
                }
                ctx.beginPath();
                ctx.arc(px(x), py(m.y[k]), 3.5 * dpr, 0, 2 * Math.PI);
                ctx.fill();
              });
            }
          });
          ctx.restore();
        }
        var figure = document.createElement("figure");
        figure.className = "chart";
        figure.setAttribute("data-figure", fi + "-" + pi);
        holder.appendChild(figure);
        new uPlot({
          mode: 2, width: Math.max(340, Math.min(540, holder.clientWidth / 2 - 44 || 520)), height: 300,
          scales: { x: { time: false } },
          axes: [{ label: fig.xLabel }, { label: panel.yLabel }],
          legend: { live: false },
          cursor: { drag: { x: false, y: false } },
          hooks: { draw: [draw] },
          series: series
        }, data, figure);
        var caption = document.createElement("figcaption");
        caption.textContent = fig.title + (fig.panels.length > 1 ? " — " + panel.yLabel : "") + (fig.caption ? ". " + fig.caption : "");
        figure.appendChild(caption);
        figure.setAttribute("data-drawn", "true");
      });
    });
  }

  // The job page follows its job: progress while it runs, then the page again once it has ended.
  function followJob(holder) {
    var id = holder.getAttribute("data-job");
    var state = holder.getAttribute("data-state");
    if (state !== "queued" && state !== "running") { return; }
    var bar = document.getElementById("job-progress");
    var phase = document.getElementById("job-phase");
    var label = document.getElementById("job-state");
    function poll() {
      fetch("/api/jobs/" + id, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          if (j.state !== "queued" && j.state !== "running") { window.location.reload(); return; }
          if (label) { label.textContent = j.state + (j.cancel_requested ? " (cancelling)" : ""); }
          if (bar && j.total > 0) { bar.max = j.total; bar.value = j.done; }
          if (phase) { phase.textContent = j.phase ? j.phase + (j.total > 0 ? ": " + j.done + " of " + j.total : "") : "waiting for a free worker"; }
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-job]").forEach(followJob);
    document.querySelectorAll('[data-chart="figures"]').forEach(function (h) { if (typeof uPlot !== "undefined") { figureCharts(h); } });
    document.querySelectorAll('[data-chart="scatter"]').forEach(function (h) { if (typeof uPlot !== "undefined") { scatterChart(h); } });
    if (typeof uPlot === "undefined") { return; }
    document.querySelectorAll('[data-chart="trajectory"]').forEach(trajectoryCharts);
    document.querySelectorAll('[data-chart="comparison"]').forEach(comparisonCharts);
  });
})();
