/* Actors: every participant code with its counts. */
(function () {
  "use strict";
  var C = window.C, el = C.el, d = C.data;
  C.view.appendChild(C.filterForm([{ name: "q", label: "Name or code" },
    { name: "kind", label: "Kind", options: ["", "state", "igo", "organization", "person"] }]));
  C.view.appendChild(C.pager(d.total, d.limit, d.offset));
  C.view.appendChild(el("table", null,
    el("thead", null, el("tr", null, ["Code", "Name", "Kind", "Events", "Meetings", "First", "Last"].map(function (h) { return el("th", null, h); }))),
    el("tbody", null, d.items.map(function (a) {
      return el("tr", null, el("td", null, el("a", { href: "/actors/" + encodeURIComponent(a.code) }, a.code)),
        el("td", null, a.name), el("td", null, a.kind || ""), el("td", null, String(a.events)),
        el("td", null, String(a.meetings)), el("td", null, a.first_day || ""), el("td", null, a.last_day || ""));
    }))));
})();
