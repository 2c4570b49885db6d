"""Pages for people over the JSON API: timeline, map, network, events, actors, tracks,
articles. Static assets (scripts, styles, country outlines) ship in ``static/``."""

from .pages import embed_json, install_pages, render_page

__all__ = ["embed_json", "install_pages", "render_page"]
