"""Pages for people. Each page is its JSON twin (the ``/api`` route it names) embedded in a
small HTML shell and drawn by a static script; nothing on a page is inline script or markup
built from stored text: scripts put stored text into the page as text nodes only.

    /                 timeline            /api/timeline
    /map              map of meetings     /api/places (+ /static/countries-110m.json)
    /network          who meets whom      /api/network
    /events           search and list     /api/events
    /events/{id}      one event           /api/events/{id} (+ /api/articles/{id} of its sources)
    /actors           actors              /api/actors
    /actors/{code}    one actor           /api/actors/{code}
    /tracks           tracks              /api/tracks
    /articles/{id}    one article         /api/articles/{id}
    /docs             the API's own docs  /openapi.json
"""

from __future__ import annotations

import html
import json
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..api import app as api
from ..api.errors import CSP

NAV = (
    ("/", "Timeline"),
    ("/map", "Map"),
    ("/network", "Network"),
    ("/tracks", "Tracks"),
    ("/actors", "Actors"),
    ("/events", "Events"),
    ("/docs", "API"),
)
MAX_ARTICLES = 3  # source articles whose text an event page shows
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def embed_json(data: Any) -> str:
    """JSON that is safe inside a <script type="application/json"> element: no character of it
    can close the element or open a comment or markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


SCRIPTS = {"map": ("topojson-client.min.js",)}  # third-party scripts a page needs first


def render_page(request: Request, name: str, title: str, twin: str, data: Any) -> HTMLResponse:
    query = request.url.query
    twin_url = twin + (f"?{query}" if query else "")
    nav = "".join(f'<a href="{href}">{label}</a>' for href, label in NAV)
    q = html.escape(request.query_params.get("q", "") if name == "events" else "")
    scripts = "".join(
        f'<script src="/static/{js}"></script>' for js in ("common.js", *SCRIPTS.get(name, ()))
    )
    body = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · communique</title>
<link rel="stylesheet" href="/static/app.css"></head>
<body data-page="{name}">
<header><a class="brand" href="/">communique</a><nav>{nav}</nav>
<form class="search" action="/events" method="get" role="search">
<input type="search" name="q" maxlength="200" placeholder="Search the evidence" value="{q}"
 aria-label="Search the evidence"><button type="submit">Search</button></form></header>
<main><h1 id="title">{html.escape(title)}</h1>
<p class="twin">The same data as JSON: <a id="twin" href="{html.escape(twin_url)}">{
        html.escape(twin_url)
    }</a></p>
<div id="view"><noscript>This page draws its data with JavaScript; the JSON above has it all.
</noscript></div></main>
<script type="application/json" id="page-data">{embed_json(data)}</script>
{scripts}<script src="/static/{name}.js"></script>
</body></html>"""
    return HTMLResponse(body)


def install_pages(app: FastAPI) -> None:
    folder = resources.files("communique.web") / "static"
    app.mount("/static", StaticFiles(directory=str(folder)), name="static")
    _install_html_errors(app)

    @app.get("/", include_in_schema=False)
    def timeline_page(
        request: Request, data: Annotated[dict[str, Any], Depends(api.get_timeline)]
    ) -> HTMLResponse:
        return render_page(request, "timeline", "Timeline", "/api/timeline", data)

    @app.get("/map", include_in_schema=False)
    def map_page(
        request: Request, data: Annotated[dict[str, Any], Depends(api.get_places)]
    ) -> HTMLResponse:
        return render_page(request, "map", "Where meetings took place", "/api/places", data)

    @app.get("/network", include_in_schema=False)
    def network_page(
        request: Request, data: Annotated[dict[str, Any], Depends(api.get_network)]
    ) -> HTMLResponse:
        return render_page(request, "network", "Who meets whom", "/api/network", data)

    @app.get("/events", include_in_schema=False)
    def events_page(
        request: Request, data: Annotated[dict[str, Any], Depends(api.get_events)]
    ) -> HTMLResponse:
        return render_page(request, "events", "Events", "/api/events", data)

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(
        request: Request, event: Annotated[dict[str, Any], Depends(api.get_event)]
    ) -> HTMLResponse:
        snap = request.app.state.snapshot
        articles = []
        for source in event["articles"][:MAX_ARTICLES]:
            try:
                articles.append(api.get_article(snap, source["id"]))
            except HTTPException:
                continue
        title = f"{event['type'].title()}: {', '.join(event['participants']) or 'unknown parties'}"
        data = {"event": event, "articles": articles}
        return render_page(request, "event", title, f"/api/events/{event['id']}", data)

    @app.get("/actors", include_in_schema=False)
    def actors_page(
        request: Request, data: Annotated[dict[str, Any], Depends(api.get_actors)]
    ) -> HTMLResponse:
        return render_page(request, "actors", "Actors", "/api/actors", data)

    @app.get("/actors/{code}", include_in_schema=False)
    def actor_page(
        request: Request, data: Annotated[dict[str, Any], Depends(api.get_actor)]
    ) -> HTMLResponse:
        a = data["actor"]
        title = f"{a['name']} ({a['code']})"
        return render_page(request, "actor", title, f"/api/actors/{a['code']}", data)

    @app.get("/tracks", include_in_schema=False)
    def tracks_page(
        request: Request, data: Annotated[dict[str, Any], Depends(api.get_tracks)]
    ) -> HTMLResponse:
        return render_page(request, "tracks", "Negotiation tracks", "/api/tracks", data)

    @app.get("/articles/{article_id}", include_in_schema=False)
    def article_page(
        request: Request, data: Annotated[dict[str, Any], Depends(api.get_article)]
    ) -> HTMLResponse:
        title = data["title"] or data["id"]
        return render_page(request, "article", title, f"/api/articles/{data['id']}", data)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> HTMLResponse:
        body = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>communique API</title><link rel="stylesheet" href="/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/static/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>"""
        return HTMLResponse(body, headers={"Content-Security-Policy": DOCS_CSP})


def _install_html_errors(app: FastAPI) -> None:
    """Errors on pages are small HTML pages; errors under /api keep the JSON error shape."""
    json_handler = app.exception_handlers[StarletteHTTPException]
    json_invalid = app.exception_handlers[RequestValidationError]

    async def http_error(request: Request, err: Exception) -> Response:
        if _wants_json(request):
            response: Response = await json_handler(request, err)  # type: ignore[misc]
            return response
        status = getattr(err, "status_code", 500)
        return _error_page(status, str(getattr(err, "detail", "error")))

    async def invalid(request: Request, err: Exception) -> Response:
        response: Response = await json_invalid(request, err)  # type: ignore[misc]
        if _wants_json(request) or not isinstance(response, JSONResponse):
            return response
        message = json.loads(bytes(response.body))["error"]["message"]
        return _error_page(422, message)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(("/api/", "/openapi", "/static/"))


def _error_page(status: int, message: str) -> HTMLResponse:
    body = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error</title>'
        '<link rel="stylesheet" href="/static/app.css"></head><body><main>'
        f"<h1>{status}</h1><p class=error>{html.escape(message)}</p>"
        '<p><a href="/">Back to the timeline</a></p></main></body></html>'
    )
    return HTMLResponse(body, status_code=status)


__all__ = ["embed_json", "install_pages", "render_page"]
