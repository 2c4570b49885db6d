/* Who meets whom: a force layout of parties, edges weighted by the meetings they share. */
(function () {
  "use strict";
  var C = window.C, el = C.el, svg = C.svg, d = C.data;
  C.view.appendChild(C.filterForm([
    { name: "since", label: "From", type: "date" }, { name: "until", label: "Until", type: "date" },
    { name: "actor", label: "Around actor" }, { name: "min_weight", label: "Min. meetings", type: "number" }]));
  if (!d.nodes.length) { C.view.appendChild(el("p", null, "No meetings with two or more parties match.")); return; }
  var W = 1000, H = 620, n = d.nodes.length, idx = {};
  var nodes = d.nodes.map(function (v, i) {
    idx[v.code] = i;
    var a = 2 * Math.PI * i / n;
    return { v: v, x: W / 2 + 250 * Math.cos(a), y: H / 2 + 250 * Math.sin(a), dx: 0, dy: 0 };
  });
  var edges = d.edges.map(function (e) { return { a: idx[e.source], b: idx[e.target], w: e.weight }; });
  var k = Math.sqrt(W * H / Math.max(n, 1)) * 0.35;
  for (var it = 0; it < 250; it++) {           /* Fruchterman-Reingold, deterministic start */
    var temp = 40 * (1 - it / 250) + 1;
    nodes.forEach(function (p) { p.dx = 0; p.dy = 0; });
    for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
      var dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y, dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
      var f = k * k / dist / dist;
      nodes[i].dx += dx * f; nodes[i].dy += dy * f; nodes[j].dx -= dx * f; nodes[j].dy -= dy * f;
    }
    edges.forEach(function (e) {
      var p = nodes[e.a], q = nodes[e.b], dx = p.x - q.x, dy = p.y - q.y, dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
      var f = dist / k * (1 + Math.log(e.w));  /* attraction dist^2/k, heavier for more meetings */
      p.dx -= dx * f; p.dy -= dy * f; q.dx += dx * f; q.dy += dy * f;
    });
    nodes.forEach(function (p) {   /* gravity keeps separate groups near the middle */
      p.dx += (W / 2 - p.x) * 0.25; p.dy += (H / 2 - p.y) * 0.25;
    });
    nodes.forEach(function (p) {
      var len = Math.sqrt(p.dx * p.dx + p.dy * p.dy) || 1;
      p.x = Math.min(W - 40, Math.max(40, p.x + p.dx / len * Math.min(len, temp)));
      p.y = Math.min(H - 20, Math.max(20, p.y + p.dy / len * Math.min(len, temp)));
    });
  }
  var g = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, id: "network", role: "img",
    "aria-label": "Network of who meets whom" });
  edges.forEach(function (e) {
    g.appendChild(svg("line", { x1: nodes[e.a].x, y1: nodes[e.a].y, x2: nodes[e.b].x, y2: nodes[e.b].y,
      "class": "edge", "stroke-width": 1 + 2 * Math.log(e.w) },
      svg("title", null, d.nodes[e.a].code + " – " + d.nodes[e.b].code + ": " + e.w + " meetings")));
  });
  nodes.forEach(function (p) {
    var r = 5 + 3 * Math.log(1 + p.v.meetings);
    g.appendChild(svg("a", { href: "/actors/" + encodeURIComponent(p.v.code), "class": "node-link" },
      svg("circle", { cx: p.x, cy: p.y, r: r, "class": p.v.kind === "igo" ? "node node-igo" : "node" }),
      svg("text", { x: p.x + r + 2, y: p.y + 4 }, p.v.code),
      svg("title", null, p.v.name + ": " + p.v.meetings + " meetings")));
  });
  C.view.appendChild(g);
  if (d.truncated) C.view.appendChild(el("p", { "class": "muted" }, "Showing the strongest " + d.edges.length + " pairs."));
  C.view.appendChild(el("h2", null, "Pairs by meetings"));
  C.view.appendChild(el("table", null,
    el("thead", null, el("tr", null, ["Pair", "Meetings", ""].map(function (h) { return el("th", null, h); }))),
    el("tbody", null, d.edges.map(function (e) {
      return el("tr", null, el("td", null, C.actorLinks([e.source, e.target])), el("td", null, String(e.weight)),
        el("td", null, el("a", { href: "/events?type=CONSULT&actor=" + encodeURIComponent(e.source) + "" }, "meetings of " + e.source)));
    }))));
})();
