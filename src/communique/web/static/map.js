/* Map of meeting places over the shipped Natural Earth 1:110m outlines (no tile server). */
(function () {
  "use strict";
  var C = window.C, el = C.el, svg = C.svg, d = C.data;
  var W = 1000, H = 500;
  function x(lon) { return (lon + 180) / 360 * W; }
  function y(lat) { return (90 - lat) / 180 * H; }
  C.view.appendChild(C.filterForm([
    { name: "since", label: "From", type: "date" }, { name: "until", label: "Until", type: "date" },
    { name: "actor", label: "Actor code" }, { name: "type", label: "Type", placeholder: "CONSULT" }]));
  var map = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, id: "map", role: "img",
    "aria-label": "Map of meeting places" });
  var countries = svg("g", { id: "countries" });
  var marks = svg("g", { id: "places" });
  map.appendChild(countries);
  map.appendChild(marks);
  C.view.appendChild(map);
  var most = Math.max.apply(null, [1].concat(d.places.map(function (p) { return p.events; })));
  d.places.forEach(function (p) {
    var r = 3 + 12 * Math.sqrt(p.events / most);
    marks.appendChild(svg("a", { href: p.sample.length ? C.eventHref(p.sample[0]) : null, "class": "place-link" },
      svg("circle", { cx: x(p.lon), cy: y(p.lat), r: r, "class": "place" }),
      svg("title", null, (p.name || "?") + (p.country ? ", " + p.country : "") + ": " + p.events + " events")));
  });
  fetch("/static/countries-110m.json").then(function (r) { return r.json(); }).then(function (topo) {
    var geo = window.topojson.feature(topo, topo.objects.countries);
    geo.features.forEach(function (f) {
      var g = f.geometry; if (!g) return;
      var polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      var dpath = polys.map(function (poly) {
        return poly.map(function (ring) {
          var out = "", prev = null;   /* a jump across the antimeridian starts a new piece */
          ring.forEach(function (pt) {
            out += (prev === null || Math.abs(pt[0] - prev) > 180 ? "M" : "L") + x(pt[0]).toFixed(1) + "," + y(pt[1]).toFixed(1);
            prev = pt[0];
          });
          return out + "Z";
        }).join("");
      }).join("");
      countries.appendChild(svg("path", { d: dpath, "class": "country" },
        svg("title", null, (f.properties && f.properties.name) || "")));
    });
    map.setAttribute("data-ready", "1");
  });
  if (d.truncated) C.view.appendChild(el("p", { "class": "muted" }, "Showing the busiest " + d.places.length + " places."));
  C.view.appendChild(el("h2", null, d.places.length + " places"));
  C.view.appendChild(el("table", null,
    el("thead", null, el("tr", null, ["Place", "Country", "Events", "Some of them"].map(function (h) { return el("th", null, h); }))),
    el("tbody", null, d.places.map(function (p) {
      return el("tr", null, el("td", null, p.name || ""),
        el("td", null, p.country ? el("a", { href: "/events?country=" + encodeURIComponent(p.country) }, p.country) : ""),
        el("td", null, String(p.events)),
        el("td", null, p.sample.map(function (id, i) { return [i ? ", " : "", el("a", { href: C.eventHref(id) }, id)]; })));
    }))));
})();
