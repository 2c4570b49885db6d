/* Events: search results and filtered lists, paged on the server. */
(function () {
  "use strict";
  var C = window.C, d = C.data;
  C.view.appendChild(C.filterForm([
    { name: "q", label: "Words in evidence" }, { name: "actor", label: "Actor code" },
    { name: "type", label: "Type" }, { name: "status", label: "Status", options: C.STATUSES },
    { name: "country", label: "Country of place" },
    { name: "since", label: "From", type: "date" }, { name: "until", label: "Until", type: "date" },
    { name: "sort", label: "Order", options: ["date", "-date", "sources"] }]));
  C.view.appendChild(C.pager(d.total, d.limit, d.offset));
  C.view.appendChild(d.items.length ? C.eventsTable(d.items) : C.el("p", null, "No events match."));
  if (d.items.length) C.view.appendChild(C.pager(d.total, d.limit, d.offset));
})();
