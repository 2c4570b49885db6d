"""A readable summary of a record for a person (``--format text``), rendered with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Event, Record


def render_record_text(record: Record, console: Console | None = None) -> None:
    console = console or Console()
    a = record.article
    names = {e.id: e.name for e in record.entities}
    title = a.title.value if a.title else "(untitled)"
    console.print(f"[bold]{title}[/bold]")
    meta = [
        f"published {a.published} ({a.published_source})" if a.published else "no publication date"
    ]
    if a.section:
        meta.append(f"section {a.section.value}")
    if a.byline:
        meta.append(f"by {a.byline.value}")
    console.print(" · ".join(meta), style="dim")
    if a.removed:
        console.print(
            f"removed {len(a.removed)} line(s) of site chrome: " + "; ".join(a.removed), style="dim"
        )
    table = Table(show_lines=True)
    for col in ("type", "status", "who", "when", "where", "details"):
        table.add_column(col)
    for ev in record.events:
        table.add_row(
            f"{ev.type}\n[dim]{ev.mode or ''}[/dim]",
            ev.status,
            _who(ev, names),
            (ev.when.start + (" (year inferred)" if ev.when.year_inferred else ""))
            if ev.when
            else "",
            ", ".join(
                x
                for x in ((ev.where.venue, ev.where.name, ev.where.country) if ev.where else ())
                if x
            ),
            _details(ev, names),
        )
    console.print(table)
    by_id = {e.id: e for e in record.events}
    for link in record.links:
        src, dst = by_id.get(link.source), by_id.get(link.target)
        if src and dst:
            console.print(
                f"  {_label(src, names)} [italic]{link.relation}[/italic] {_label(dst, names)}"
            )


def _who(ev: Event, names: dict[str, str]) -> str:
    who = ", ".join(names.get(i, i) for i in ev.actors)
    if ev.recipients:
        who += " → " + ", ".join(names.get(i, i) for i in ev.recipients)
    return who


def _details(ev: Event, names: dict[str, str]) -> str:
    parts = []
    if ev.meeting:
        m = ev.meeting
        if m.forum:
            parts.append(f"forum: {m.forum}")
        if m.chair:
            parts.append("chair: " + ", ".join(names.get(c, c) for c in m.chair))
        for d in m.delegations:
            parts.append(
                f"delegation {names.get(d.party, d.party)}"
                + (f" headed by {names.get(d.head, d.head)}" if d.head else "")
            )
        if m.agenda:
            parts.append("agenda: " + "; ".join(m.agenda))
    if ev.items:
        parts.append("items: " + "; ".join(ev.items))
    if ev.evidence:
        parts.append(f"[dim]“{ev.evidence[0].text[:160]}”[/dim]")
    return "\n".join(parts)


def _label(ev: Event, names: dict[str, str]) -> str:
    who = "/".join(names.get(i, i) for i in ev.actors[:3])
    return f"{ev.type}({who}{', ' + ev.when.start if ev.when else ''})"


def render_left_out_text(record: Record, console: Console | None = None) -> None:
    """The candidates the emission step did not report (``extract --explain``)."""
    console = console or Console()
    if not record.left_out:
        console.print("no candidate events were left out", style="dim")
        return
    table = Table(title="left out", show_lines=True)
    for col in ("type", "status", "reason", "rules", "sentence"):
        table.add_column(col)
    for x in record.left_out:
        ev = x.event
        table.add_row(
            f"{ev.type}\n[dim]{ev.mode or ''}[/dim]",
            ev.status,
            x.reason,
            "\n".join(ev.rules),
            ev.evidence[0].text if ev.evidence else "",
        )
    console.print(table)
