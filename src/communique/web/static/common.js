/* Shared helpers. Stored text only ever reaches the page as text nodes (textContent). */
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var COLOURS = {
    CONSULT: "#1f5fbf", AGREE: "#2e8b57", SUPPORT: "#3aa17e", COOPERATE: "#4a9d3b", AID: "#7aa33a",
    REQUEST: "#8a6fbf", RETREAT: "#8c8c3a", REJECT: "#c0392b", ACCUSE: "#d35400", THREATEN: "#b03a7a",
    PROTEST: "#a0522d", SANCTION: "#7f3c8d", MOBILIZE: "#8b4513", COERCE: "#6b2e2e", ASSAULT: "#4b0f0f",
    STATEMENT: "#7b8794"
  };
  function safeHref(url) {
    if (typeof url !== "string") return null;
    if (url.charAt(0) === "/" && url.charAt(1) !== "/") return url;
    try {
      var u = new URL(url, window.location.href);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }
  function append(node, kids) {
    kids.forEach(function (k) {
      if (k === null || k === undefined || k === false) return;
      if (Array.isArray(k)) { append(node, k); return; }
      node.appendChild(typeof k === "object" ? k : document.createTextNode(String(k)));
    });
    return node;
  }
  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (name) {
      var v = attrs[name];
      if (v === null || v === undefined) return;
      if (name === "href") { v = safeHref(v); if (!v) return; }
      if (name.slice(0, 2) === "on") return; /* never event-handler attributes */
      node.setAttribute(name, String(v));
    });
    return node;
  }
  function el(tag, attrs) {
    return append(setAttrs(document.createElement(tag), attrs), [].slice.call(arguments, 2));
  }
  function svg(tag, attrs) {
    return append(setAttrs(document.createElementNS(SVGNS, tag), attrs), [].slice.call(arguments, 2));
  }
  function colour(type) { return COLOURS[type] || "#555"; }
  function typeChip(type) {
    var chip = el("span", { "class": "chip", "data-type": type }, type);
    chip.style.backgroundColor = colour(type); /* CSSOM, allowed by the page's CSP */
    return chip;
  }
  function statusTag(status) { return el("span", { "class": "status status-" + status }, status); }
  function eventHref(id) { return "/events/" + encodeURIComponent(id); }
  function actorLinks(codes) {
    var out = [];
    (codes || []).forEach(function (c, i) {
      if (i) out.push(", ");
      out.push(el("a", { href: "/actors/" + encodeURIComponent(c) }, c));
    });
    return out.length ? out : [el("span", { "class": "muted" }, "unknown")];
  }
  function whenText(e) {
    if (!e.when) return "date unknown";
    var w = e.when;
    var day = w.first_day === w.last_day ? w.first_day : (w.first_day + " – " + w.last_day);
    return day ? day + (w.text ? " (" + w.text + ")" : "") : (w.text || w.start);
  }
  function whereText(e) {
    if (!e.where) return "";
    return [e.where.name, e.where.country].filter(Boolean).join(", ");
  }
  function eventsTable(items) {
    var rows = items.map(function (e) {
      return el("tr", null,
        el("td", null, whenText(e)),
        el("td", null, typeChip(e.type), statusTag(e.status)),
        el("td", null, actorLinks(e.participants)),
        el("td", null, whereText(e)),
        el("td", null, el("a", { href: eventHref(e.id), "class": "event-link" }, e.title || e.id)),
        el("td", null, String(e.source_count)));
    });
    var head = el("tr", null, ["When", "What", "Who", "Where", "Event (first source)", "Sources"].map(
      function (h) { return el("th", null, h); }));
    return el("table", { "class": "events" }, el("thead", null, head), el("tbody", null, rows));
  }
  function pager(total, limit, offset) {
    var params = new URLSearchParams(window.location.search);
    function link(off, label) {
      params.set("offset", String(off));
      return el("a", { href: "?" + params.toString() }, label);
    }
    var shown = total ? (offset + 1) + "–" + Math.min(total, offset + limit) : "0";
    return el("div", { "class": "pager" },
      offset > 0 ? link(Math.max(0, offset - limit), "← previous") : null,
      el("span", null, shown + " of " + total),
      offset + limit < total ? link(offset + limit, "next →") : null);
  }
  function filterForm(fields) {
    var params = new URLSearchParams(window.location.search);
    var form = el("form", { "class": "filters", method: "get" });
    fields.forEach(function (f) {
      var input;
      if (f.options) {
        input = el("select", { name: f.name }, f.options.map(function (o) {
          var opt = el("option", { value: o }, o || "any");
          if ((params.get(f.name) || "") === o) opt.selected = true;
          return opt;
        }));
      } else {
        input = el("input", { name: f.name, type: f.type || "text", placeholder: f.placeholder || "",
          maxlength: "200" });
        input.value = params.get(f.name) || "";
      }
      form.appendChild(el("label", null, f.label, input));
    });
    form.appendChild(el("button", { type: "submit" }, "Apply"));
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (x) { if (x.name && !x.value) x.disabled = true; });
    });
    return form;
  }
  function legend(types) {
    var box = el("div", { "class": "legend" }, types.map(typeChip));
    return box;
  }
  var node = document.getElementById("page-data");
  window.C = {
    data: node ? JSON.parse(node.textContent) : null,
    view: document.getElementById("view"),
    el: el, svg: svg, colour: colour, typeChip: typeChip, statusTag: statusTag,
    eventHref: eventHref, actorLinks: actorLinks, whenText: whenText, whereText: whereText,
    eventsTable: eventsTable, pager: pager, filterForm: filterForm, legend: legend, safeHref: safeHref,
    STATUSES: ["", "occurred", "planned", "ongoing", "cancelled", "hypothetical", "negated"]
  };
})();
