"""The JSON API over a store (FastAPI), read-only. ``communique serve`` runs it with uvicorn.

snapshot.py  the store copied into memory, with the API's tables (fused events, actors,
             tracks) built once
tracks.py    links carried onto fused events: series of linked meetings across articles
queries.py   events and articles;  views.py  actors, tracks, network, places, timeline
errors.py    one error shape, security headers
app.py       the routes
"""

from .snapshot import Snapshot, load_snapshot
from .tracks import Track, build_tracks

__all__ = ["Snapshot", "Track", "build_tracks", "load_snapshot"]
