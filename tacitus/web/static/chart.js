/* Tacitus dyad timeline: SVG drawn with DOM calls only (createElementNS, textContent), no library.
 * TacitusChart.dyad(container, rows, options) where rows are
 *   {period, label, from, to, cooperation, conflict, goldstein}
 * draws cooperation and conflict counts as paired bars per period (left axis) and the mean
 * Goldstein score as a line (right axis, -10..10). options.onBar(row, kind) is called on a click. */
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const W = 900, H = 320, M = { top: 16, right: 48, bottom: 46, left: 44 };

  function svg(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function niceMax(value) {
    if (value <= 5) return 5;
    const step = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
    return 10 * step;
  }

  function dyad(container, rows, options) {
    const opts = options || {};
    while (container.firstChild) container.removeChild(container.firstChild);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": opts.title || "dyad timeline" });
    root.appendChild(svg("title", {}, opts.title || "dyad timeline"));
    const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
    const plot = svg("g", { transform: `translate(${M.left},${M.top})` });
    root.appendChild(plot);
    const top = niceMax(Math.max(1, ...rows.map((r) => Math.max(r.cooperation, r.conflict))));
    const y = (v) => ih - (v / top) * ih;
    const g = (v) => ih / 2 - (v / 10) * (ih / 2);
    const axis = svg("g", { class: "axis" });
    for (let i = 0; i <= 5; i++) {
      const v = (top / 5) * i;
      plot.appendChild(svg("line", { class: "grid", x1: 0, x2: iw, y1: y(v), y2: y(v) }));
      axis.appendChild(svg("text", { x: -6, y: y(v) + 4, "text-anchor": "end" }, String(Math.round(v * 10) / 10)));
    }
    for (const v of [-10, -5, 0, 5, 10]) {
      axis.appendChild(svg("text", { x: iw + 6, y: g(v) + 4 }, String(v)));
    }
    axis.appendChild(svg("line", { x1: 0, x2: iw, y1: ih, y2: ih }));
    axis.appendChild(svg("text", { x: -M.left + 2, y: -4 }, "events"));
    axis.appendChild(svg("text", { x: iw + M.right - 2, y: -4, "text-anchor": "end" }, "Goldstein"));
    plot.appendChild(svg("line", { class: "zero", x1: 0, x2: iw, y1: g(0), y2: g(0) }));
    plot.appendChild(axis);
    if (!rows.length) {
      plot.appendChild(svg("text", { x: iw / 2, y: ih / 2, "text-anchor": "middle" }, "no events for this dyad"));
      container.appendChild(root);
      return root;
    }
    const band = iw / rows.length;
    const bw = Math.max(2, Math.min(28, band * 0.38));
    const every = Math.max(1, Math.ceil(rows.length / 14));
    const points = [];
    rows.forEach((row, i) => {
      const cx = band * i + band / 2;
      for (const [kind, value, dx] of [["coop", row.cooperation, -bw], ["conf", row.conflict, 0]]) {
        const bar = svg("rect", {
          class: `bar ${kind}`, x: cx + dx, y: y(value), width: bw, height: Math.max(0, ih - y(value)),
          "data-period": row.period, "data-kind": kind, "data-count": value,
        });
        bar.appendChild(svg("title", {}, `${row.label}: ${value} ${kind === "coop" ? "cooperation" : "conflict"} event(s)`));
        if (opts.onBar) bar.addEventListener("click", () => opts.onBar(row, kind));
        plot.appendChild(bar);
      }
      if (i % every === 0) {
        plot.appendChild(svg("text", { x: cx, y: ih + 16, "text-anchor": "middle" }, row.label));
      }
      if (row.goldstein !== null && row.goldstein !== undefined) points.push([cx, g(row.goldstein), row]);
    });
    if (points.length) {
      plot.appendChild(svg("polyline", { class: "goldstein", points: points.map((p) => `${p[0]},${p[1]}`).join(" ") }));
      for (const [px, py, row] of points) {
        const dot = svg("circle", { class: "goldstein-dot", cx: px, cy: py, r: 3 });
        dot.appendChild(svg("title", {}, `${row.label}: mean Goldstein ${row.goldstein.toFixed(2)}`));
        plot.appendChild(dot);
      }
    }
    container.appendChild(root);
    return root;
  }

  window.TacitusChart = { dyad };
})();
