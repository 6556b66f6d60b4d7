// osteobiome pages: draws the charts whose data a page carries in <script type="application/json"> blocks.
// Loaded from this server only (the Content-Security-Policy allows no inline script).
(function () {
  "use strict";
  var palette = ["#2f6db3", "#d9822b", "#3a9d5d", "#b33a3a", "#7b59b3", "#8c6d31"];

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
        series.push({ label: run.label, stroke: palette[i % palette.length], width: 2, spanGaps: true });
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

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll('[data-chart="scatter"]').forEach(function (h) { if (typeof uPlot !== "undefined") { scatterChart(h); } });
    if (typeof uPlot === "undefined") { return; }
    document.querySelectorAll('[data-chart="trajectory"]').forEach(trajectoryCharts);
    document.querySelectorAll('[data-chart="comparison"]').forEach(comparisonCharts);
  });
})();
