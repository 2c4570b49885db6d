/* Tracks: series of linked meetings, each with its route. */
(function () {
  "use strict";
  var C = window.C, el = C.el, d = C.data;
  C.view.appendChild(C.filterForm([{ name: "q", label: "Name" }, { name: "actor", label: "Actor code" },
    { name: "since", label: "From", type: "date" }, { name: "until", label: "Until", type: "date" }]));
  C.view.appendChild(C.pager(d.total, d.limit, d.offset));
  if (!d.items.length) C.view.appendChild(el("p", null, "No tracks: no linked meetings match."));
  d.items.forEach(function (t) {
    C.view.appendChild(el("h2", null, el("a", { href: "/?track=" + encodeURIComponent(t.id) }, t.name)));
    C.view.appendChild(el("p", null, (t.first_day || "?") + " to " + (t.last_day || "?") + " · " + t.size +
      " meetings" + (t.route.length ? " · " + t.route.join(" → ") : ""), " ",
      el("a", { href: "/api/tracks/" + encodeURIComponent(t.id) }, "JSON")));
    C.view.appendChild(el("ol", null, t.events.map(function (id) { return el("li", null, el("a", { href: C.eventHref(id) }, id)); })));
  });
})();
