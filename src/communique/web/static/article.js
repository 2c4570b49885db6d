/* One article: its cleaned text with the evidence of every event coded from it. */
(function () {
  "use strict";
  var C = window.C, el = C.el, a = C.data;
  C.view.appendChild(el("p", { "class": "muted" }, [a.published || "no date", a.source].filter(Boolean).join(" · "), " ",
    a.url && C.safeHref(a.url) ? el("a", { href: a.url, rel: "noopener noreferrer nofollow" }, "original") : null));
  var spans = a.spans.slice().sort(function (x, y) { return x.start - y.start || y.end - x.end; });
  var pos = 0, box = el("div", { "class": "article-text" });
  spans.forEach(function (s) {
    if (s.start < pos) return;
    box.appendChild(document.createTextNode(a.text.slice(pos, s.start)));
    box.appendChild(el("a", { href: C.eventHref(s.event), title: s.type + " (" + s.status + ")" },
      el("mark", { "class": "evidence" }, a.text.slice(s.start, s.end))));
    pos = s.end;
  });
  box.appendChild(document.createTextNode(a.text.slice(pos)));
  C.view.appendChild(box);
  var seen = {};
  C.view.appendChild(el("h2", null, "Events coded from this article"));
  C.view.appendChild(el("ul", null, a.spans.filter(function (s) {
    if (seen[s.event]) return false; seen[s.event] = true; return true;
  }).map(function (s) {
    return el("li", null, C.typeChip(s.type), C.statusTag(s.status), " ", el("a", { href: C.eventHref(s.event) }, s.event));
  })));
})();
