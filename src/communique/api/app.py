"""The JSON API: read-only routes over a store snapshot, each with validated parameters,
``limit``/``offset`` paging, a stable sort (ties broken by id) and one error shape."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.middleware.trustedhost import TrustedHostMiddleware

from .errors import ERROR_RESPONSES, SecurityHeaders, install_error_handlers
from .queries import (
    EventFilter,
    article_spans,
    article_text,
    articles_of,
    event_detail,
    event_links,
    event_summary,
    list_events,
)
from .snapshot import Snapshot
from .views import (
    actor,
    actor_events,
    list_actors,
    list_tracks,
    network,
    partners,
    places,
    timeline,
    track,
)

MAX_PAGE = 500
MAX_OFFSET = 100_000
MAX_TIMELINE = 2000
CODE = r"^[A-Za-z0-9_.\-]{1,32}$"
ID = r"^[a-z]{2,4}_[0-9a-f]{6,64}$"
Status = Literal["occurred", "planned", "ongoing", "cancelled", "hypothetical", "negated"]

ActorQ = Annotated[
    str | None, Query(pattern=CODE, description="a participant code, e.g. a state's ISO alpha-3")
]
TypeQ = Annotated[
    str | None, Query(pattern=r"^[A-Za-z_]{2,24}$", description="event type (PLOVER)")
]
ModeQ = Annotated[str | None, Query(pattern=r"^[a-z_]{1,32}$", description="event mode")]
CountryQ = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="country of the place (alpha-3)")
]
SinceQ = Annotated[date | None, Query(description="events ending on or after this day")]
UntilQ = Annotated[date | None, Query(description="events starting on or before this day")]
TextQ = Annotated[
    str | None,
    Query(min_length=1, max_length=200, description="words in the evidence (case-insensitive)"),
]
LimitQ = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
OffsetQ = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]


def event_filter(
    actor: ActorQ = None,
    type: TypeQ = None,
    status: Status | None = None,
    mode: ModeQ = None,
    country: CountryQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    q: TextQ = None,
    track: Annotated[str | None, Query(pattern=ID, description="a track id")] = None,
) -> EventFilter:
    if since and until and since > until:
        raise HTTPException(400, "since: must not be after until")
    return EventFilter(actor, type, status, mode, country, since, until, q, track)


Filter = Annotated[EventFilter, Depends(event_filter)]


def snapshot(request: Request) -> Snapshot:
    snap: Snapshot = request.app.state.snapshot
    return snap


Snap = Annotated[Snapshot, Depends(snapshot)]


def page(total: int, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    nxt = offset + limit if offset + limit < total else None
    return {"total": total, "limit": limit, "offset": offset, "next_offset": nxt, "items": items}


router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


@router.get("/events", summary="Fused events, filtered and paged")
def get_events(
    snap: Snap,
    f: Filter,
    sort: Literal["date", "-date", "sources"] = "date",
    limit: LimitQ = 50,
    offset: OffsetQ = 0,
) -> dict[str, Any]:
    total, items = list_events(snap.cursor(), f, sort, limit, offset)
    return page(total, items, limit, offset)


@router.get("/events/{event_id}", summary="One fused event: sources, evidence spans, links")
def get_event(snap: Snap, event_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    return event_page_data(snap, event_id)


def event_page_data(snap: Snapshot, event_id: str) -> dict[str, Any]:
    cur = snap.cursor()
    summary = event_summary(cur, event_id)
    out = event_detail(cur, event_id) if summary else None
    if summary is None or out is None:
        raise HTTPException(404, "no event with this id")
    out.pop("record", None)
    out.update(
        forum=summary["forum"],
        track=summary["track"],
        day=summary["when"],
        articles=articles_of(cur, list(out["sources"])),
        links=event_links(cur, event_id),
    )
    return out


@router.get("/actors", summary="Actors (participant codes) with their event counts")
def get_actors(
    snap: Snap,
    q: TextQ = None,
    kind: Annotated[str | None, Query(pattern=r"^[a-z_]{1,24}$")] = None,
    limit: LimitQ = 50,
    offset: OffsetQ = 0,
) -> dict[str, Any]:
    total, items = list_actors(snap.cursor(), q, kind, limit, offset)
    return page(total, items, limit, offset)


@router.get("/actors/{code}", summary="One actor: meetings and positions over time, partners")
def get_actor(
    snap: Snap,
    code: Annotated[str, Path(pattern=CODE)],
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> dict[str, Any]:
    cur = snap.cursor()
    found = actor(cur, code)
    if found is None:
        raise HTTPException(404, "no actor with this code")
    c = found["code"]
    tracks = list_tracks(cur, c, None, None, None, MAX_PAGE, 0)[1]
    return {
        "actor": found,
        "meetings": actor_events(cur, c, True, limit, offset),
        "positions": actor_events(cur, c, False, limit, offset),
        "partners": partners(cur, c, 50),
        "tracks": [{"id": t["id"], "name": t["name"], "size": t["size"]} for t in tracks],
        "limit": limit,
        "offset": offset,
    }


@router.get("/tracks", summary="Series of linked meetings across articles")
def get_tracks(
    snap: Snap,
    actor: ActorQ = None,
    q: TextQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    limit: LimitQ = 50,
    offset: OffsetQ = 0,
) -> dict[str, Any]:
    total, items = list_tracks(snap.cursor(), actor, q, since, until, limit, offset)
    return page(total, items, limit, offset)


@router.get("/tracks/{track_id}", summary="One track with its meetings in order")
def get_track(snap: Snap, track_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    found = track(snap.cursor(), track_id)
    if found is None:
        raise HTTPException(404, "no track with this id")
    return found


@router.get("/articles/{article_id}", summary="Cleaned article text with every event's spans")
def get_article(snap: Snap, article_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    cur = snap.cursor()
    meta = articles_of(cur, [article_id])
    text = article_text(cur, article_id) if meta else None
    if not meta or text is None:
        raise HTTPException(404, "no article with this id")
    return {**meta[0], "text": text, "spans": article_spans(cur, article_id)}


@router.get("/timeline", summary="Dated events in order, with their tracks (the timeline page)")
def get_timeline(
    snap: Snap, f: Filter, limit: Annotated[int, Query(ge=1, le=MAX_TIMELINE)] = 1000
) -> dict[str, Any]:
    dated = EventFilter(**{**_fields(f), "dated": True})
    return timeline(snap.cursor(), dated, limit)


@router.get("/network", summary="Who meets whom: meeting counts per pair of parties")
def get_network(
    snap: Snap,
    f: Filter,
    min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_TIMELINE)] = 300,
) -> dict[str, Any]:
    meetings = EventFilter(**{**_fields(f), "type": f.type or "CONSULT"})
    return network(snap.cursor(), meetings, min_weight, limit)


@router.get("/places", summary="Meeting places with coordinates (the map page)")
def get_places(
    snap: Snap, f: Filter, limit: Annotated[int, Query(ge=1, le=MAX_TIMELINE)] = 1000
) -> dict[str, Any]:
    meetings = EventFilter(**{**_fields(f), "type": f.type or "CONSULT"})
    return places(snap.cursor(), meetings, limit)


@router.get("/status", summary="What the server reads and whether the store changed since")
def get_status(snap: Snap) -> dict[str, Any]:
    cur = snap.cursor()
    counts = {
        name: int(cur.execute(f"SELECT count(*) FROM {name}").fetchone()[0])  # type: ignore[index]
        for name in ("api_events", "api_actors", "api_tracks", "articles")
    }
    return {"counts": counts, "stale": snap.stale}


def _fields(f: EventFilter) -> dict[str, Any]:
    return {name: getattr(f, name) for name in EventFilter.__slots__}


def create_app(snap: Snapshot, *, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The application: API routes, pages, static files, error shape and security headers."""
    from ..web.pages import install_pages

    app = FastAPI(
        title="communique",
        summary="Read-only JSON API over a communique store: events, actors, tracks, articles.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.snapshot = snap
    install_error_handlers(app)
    app.include_router(router)
    install_pages(app)
    app.add_middleware(
        TrustedHostMiddleware,
        allowed_hosts=allowed_hosts or ["127.0.0.1", "localhost", "[::1]", "::1"],
    )
    app.add_middleware(SecurityHeaders)
    return app
