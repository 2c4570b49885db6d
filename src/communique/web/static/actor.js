/* One actor: meetings and positions over time, the parties it meets, its tracks. */
(function () {
  "use strict";
  var C = window.C, el = C.el, d = C.data, a = d.actor;
  C.view.appendChild(el("p", null, (a.kind || "actor") + " · " + a.events + " events, " + a.meetings +
    " meetings" + (a.first_day ? " · " + a.first_day + " to " + a.last_day : "")));
  C.view.appendChild(el("p", null, el("a", { href: "/?actor=" + encodeURIComponent(a.code) }, "On the timeline"), " · ",
    el("a", { href: "/network?actor=" + encodeURIComponent(a.code) }, "Its network"), " · ",
    el("a", { href: "/map?actor=" + encodeURIComponent(a.code) }, "Its meeting places")));
  if (d.partners.length) {
    C.view.appendChild(el("h2", null, "Meets most with"));
    C.view.appendChild(el("p", null, d.partners.map(function (p, i) {
      return [i ? ", " : "", el("a", { href: "/actors/" + encodeURIComponent(p.code) }, p.name), " (" + p.meetings + ")"];
    })));
  }
  if (d.tracks.length) {
    C.view.appendChild(el("h2", null, "Tracks"));
    C.view.appendChild(el("ul", null, d.tracks.map(function (t) {
      return el("li", null, el("a", { href: "/?track=" + encodeURIComponent(t.id) }, t.name), " (" + t.size + " meetings)");
    })));
  }
  C.view.appendChild(el("h2", null, "Meetings (" + d.meetings.total + ")"));
  C.view.appendChild(d.meetings.items.length ? C.eventsTable(d.meetings.items) : el("p", null, "None."));
  C.view.appendChild(el("h2", null, "Positions and other events (" + d.positions.total + ")"));
  C.view.appendChild(d.positions.items.length ? C.eventsTable(d.positions.items) : el("p", null, "None."));
  var most = Math.max(d.meetings.total, d.positions.total);
  if (most > d.limit) C.view.appendChild(C.pager(most, d.limit, d.offset));
})();
