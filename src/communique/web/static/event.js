/* One event: its facts, its evidence, and each source article with the evidence highlighted. */
(function () {
  "use strict";
  var C = window.C, el = C.el, e = C.data.event;
  function row(label, value) { return [el("dt", null, label), el("dd", null, value)]; }
  var m = e.meeting || {};
  var facts = el("dl", { "class": "facts" },
    row("Type", [C.typeChip(e.type), e.mode ? " " + e.mode : ""]),
    row("Status", C.statusTag(e.status)),
    row("Parties", C.actorLinks(e.participants)),
    row("When", e.when ? (e.when.text || e.when.start) + " (" + e.when.start + (e.when.end ? " – " + e.when.end : "") + ")" : "unknown"),
    row("Where", e.where ? [e.where.venue, e.where.name, e.where.country].filter(Boolean).join(", ") : "unknown"),
    m.forum ? row("Forum", m.forum) : null,
    m.chair && m.chair.length ? row("Chair", m.chair.join(", ")) : null,
    m.delegations && m.delegations.length ? row("Delegations", m.delegations.map(function (x) {
      return x.party + (x.head ? " (" + x.head + ")" : ""); }).join("; ")) : null,
    m.agenda && m.agenda.length ? row("Agenda", m.agenda.join("; ")) : null,
    e.track ? row("Track", el("a", { href: "/api/tracks/" + encodeURIComponent(e.track) }, e.track)) : null,
    row("Sources", String(e.source_count)));
  C.view.appendChild(facts);
  Object.keys(e.variants || {}).forEach(function (field) {
    C.view.appendChild(el("p", { "class": "muted" }, "Sources disagree on " + field + ": " +
      e.variants[field].map(function (v) { return v.value + " (" + v.count + ")"; }).join(", ")));
  });
  if (e.links && e.links.length) {
    C.view.appendChild(el("h2", null, "Linked events"));
    C.view.appendChild(el("ul", null, e.links.map(function (l) {
      var other = l.source === e.id ? l.target : l.source;
      var text = l.source === e.id ? "this event " + l.relation.replace("_", " ") : l.relation.replace("_", " ") + " this event";
      return el("li", null, el("a", { href: C.eventHref(other) }, other), " (" + text + ")");
    })));
  }
  C.view.appendChild(el("h2", null, "Evidence"));
  var list = el("ol", { "class": "evidence-list" });
  e.evidence.forEach(function (s, i) {
    list.appendChild(el("li", null, el("a", { href: "#ev-" + i, "class": "evidence-link", "data-ev": String(i) }, s.text)));
  });
  C.view.appendChild(list);
  var texts = {};
  C.data.articles.forEach(function (a) { texts[a.id] = a; });
  e.articles.forEach(function (a) {
    var box = el("section", { "class": "source" });
    box.appendChild(el("h2", null, a.title || a.id));
    box.appendChild(el("p", { "class": "muted" }, [a.published || "no date", a.source, a.duplicate_of ? "copy of " + a.duplicate_of : null].filter(Boolean).join(" · "), " ",
      a.url && C.safeHref(a.url) ? el("a", { href: a.url, rel: "noopener noreferrer nofollow" }, "original") : null, " ",
      el("a", { href: "/articles/" + encodeURIComponent(a.id) }, "all events of this article")));
    var art = texts[a.id];
    if (art) box.appendChild(highlighted(art, e.evidence));
    C.view.appendChild(box);
  });
  function highlighted(art, evidence) {
    var spans = [];
    evidence.forEach(function (s, i) { if (s.article === art.id) spans.push({ start: s.start, end: s.end, i: i }); });
    spans.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var text = art.text, pos = 0, box = el("div", { "class": "article-text" });
    spans.forEach(function (s) {
      if (s.start < pos) return; /* overlaps an earlier span: already marked */
      box.appendChild(document.createTextNode(text.slice(pos, s.start)));
      box.appendChild(el("mark", { "class": "evidence", id: "ev-" + s.i }, text.slice(s.start, s.end)));
      pos = s.end;
    });
    box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }
  document.querySelectorAll("a.evidence-link").forEach(function (link) {
    link.addEventListener("click", function (ev) {
      var mark = document.getElementById("ev-" + link.getAttribute("data-ev"));
      if (!mark) return;
      ev.preventDefault();
      document.querySelectorAll("mark.active").forEach(function (x) { x.classList.remove("active"); });
      mark.classList.add("active");
      mark.scrollIntoView({ block: "center" });
    });
  });
})();
