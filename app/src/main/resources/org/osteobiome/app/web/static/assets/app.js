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

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof uPlot === "undefined") { return; }
    document.querySelectorAll('[data-chart="trajectory"]').forEach(trajectoryCharts);
  });
})();
