"""The JSON API over a store (FastAPI), read-only. ``communique serve`` runs it with uvicorn.

snapshot.py  the store copied into memory, with the API's tables (fused events, actors,
             tracks) built once
tracks.py    links carried onto fused events: series of linked meetings across articles
queries.py   events and articles;  views.py  actors, tracks, network, places, timeline
errors.py    one error shape, security headers
app.py       the routes
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
    from .snapshot import Snapshot, load_snapshot
    from .tracks import Track, build_tracks

# Imported on first use: registering ``communique serve`` on the command line, or importing
# ``communique.api.synthetic``, does not load the snapshot code and what it needs.
_LAZY = {
    "Snapshot": "snapshot",
    "load_snapshot": "snapshot",
    "Track": "tracks",
    "build_tracks": "tracks",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())


__all__ = ["Snapshot", "Track", "build_tracks", "load_snapshot"]
