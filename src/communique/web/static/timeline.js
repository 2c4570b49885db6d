/* Timeline: one lane per track (then the meetings in no track, then other events), a mark per
   event coloured by type; zoom by date with the buttons or the date filters. */
(function () {
  "use strict";
  var C = window.C, d = C.data, el = C.el, svg = C.svg;
  var DAY = 86400000;
  var events = d.events;
  C.view.appendChild(C.filterForm([
    { name: "since", label: "From", type: "date" }, { name: "until", label: "Until", type: "date" },
    { name: "actor", label: "Actor code", placeholder: "e.g. FRA" },
    { name: "type", label: "Type", placeholder: "e.g. CONSULT" },
    { name: "q", label: "Words in evidence" }]));
  if (!events.length) { C.view.appendChild(el("p", null, "No dated events match.")); return; }
  if (d.truncated) {
    C.view.appendChild(el("p", { "class": "muted" }, "Showing the first " + events.length + " of " +
      d.total + " events; narrow the dates to see the rest."));
  }
  var lanes = d.tracks.map(function (t) { return { key: t.id, label: t.name, items: [] }; });
  var byKey = {};
  lanes.forEach(function (l) { byKey[l.key] = l; });
  var meet = { key: "meet", label: "Meetings in no track", items: [] };
  var other = { key: "other", label: "Positions and other events", items: [] };
  events.forEach(function (e) {
    (e.track && byKey[e.track] ? byKey[e.track] : (e.type === "CONSULT" ? meet : other)).items.push(e);
  });
  lanes = lanes.concat([meet, other]).filter(function (l) { return l.items.length; });
  function ms(day) { return Date.parse(day + "T00:00:00Z"); }
  var full = [ms(events[0].when.first_day), Math.max.apply(null, events.map(function (e) { return ms(e.when.last_day); })) + DAY];
  if (full[1] - full[0] < 30 * DAY) { full = [full[0] - 15 * DAY, full[1] + 15 * DAY]; }
  var domain = full.slice();
  var tools = el("div", { "class": "pager" },
    el("button", { type: "button", id: "zoom-in" }, "Zoom in"),
    el("button", { type: "button", id: "zoom-out" }, "Zoom out"),
    el("button", { type: "button", id: "zoom-reset" }, "Whole period"),
    el("button", { type: "button", id: "pan-left" }, "← Earlier"),
    el("button", { type: "button", id: "pan-right" }, "Later →"));
  var types = [];
  events.forEach(function (e) { if (types.indexOf(e.type) < 0) types.push(e.type); });
  var chart = el("div", { id: "chart" });
  C.view.appendChild(tools);
  C.view.appendChild(C.legend(types.sort()));
  C.view.appendChild(chart);
  function draw() {
    var W = 1100, left = 230, laneH = 34, top = 24, H = top + lanes.length * laneH + 10;
    var span = domain[1] - domain[0];
    function x(t) { return left + (t - domain[0]) / span * (W - left - 10); }
    var g = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img",
      "aria-label": "Timeline of events" });
    var ticks = 6;
    for (var i = 0; i <= ticks; i++) {
      var t = domain[0] + span * i / ticks;
      g.appendChild(svg("line", { x1: x(t), x2: x(t), y1: top - 6, y2: H, "class": "axis" }));
      g.appendChild(svg("text", { x: x(t) + 2, y: 14 }, new Date(t).toISOString().slice(0, 10)));
    }
    lanes.forEach(function (lane, li) {
      var y = top + li * laneH + laneH / 2;
      g.appendChild(svg("text", { x: 4, y: y + 4, "class": "lane-label" },
        lane.label.length > 34 ? lane.label.slice(0, 33) + "…" : lane.label));
      lane.items.forEach(function (e) {
        var a = ms(e.when.first_day), b = ms(e.when.last_day) + DAY;
        if (b < domain[0] || a > domain[1]) return;
        var mark = (b - a) > DAY * 2
          ? svg("rect", { x: x(a), y: y - 6, width: Math.max(4, x(b) - x(a)), height: 12, rx: 3,
            fill: C.colour(e.type), "fill-opacity": 0.75 })
          : svg("circle", { cx: x(a), cy: y, r: 7, fill: C.colour(e.type),
            "fill-opacity": e.status === "occurred" ? 1 : 0.45 });
        var link = svg("a", { href: C.eventHref(e.id), "class": "tl-event", "data-id": e.id }, mark,
          svg("title", null, e.type + " (" + e.status + "): " + e.participants.join(", ") + " — " +
            C.whenText(e) + (e.where ? " — " + C.whereText(e) : "")));
        g.appendChild(link);
      });
    });
    chart.replaceChildren(g);
  }
  function zoom(f) {
    var mid = (domain[0] + domain[1]) / 2, half = (domain[1] - domain[0]) * f / 2;
    domain = [mid - Math.max(half, DAY), mid + Math.max(half, DAY)]; draw();
  }
  function pan(f) { var s = (domain[1] - domain[0]) * f; domain = [domain[0] + s, domain[1] + s]; draw(); }
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(0.5); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(2); });
  document.getElementById("zoom-reset").addEventListener("click", function () { domain = full.slice(); draw(); });
  document.getElementById("pan-left").addEventListener("click", function () { pan(-0.4); });
  document.getElementById("pan-right").addEventListener("click", function () { pan(0.4); });
  draw();
  lanes.forEach(function (lane) {
    var head = lane.key.indexOf("trk_") === 0
      ? el("a", { href: "/api/tracks/" + encodeURIComponent(lane.key) }, lane.label) : lane.label;
    C.view.appendChild(el("h2", null, head));
    C.view.appendChild(C.eventsTable(lane.items));
  });
})();
