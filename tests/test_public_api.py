"""The public API: one __init__, a complete sorted __all__."""

from __future__ import annotations

import communique


def test_public_api_all_is_sorted_and_complete() -> None:
    assert communique.__all__ == sorted(communique.__all__)
    for name in communique.__all__:
        assert hasattr(communique, name), name
    public = {
        n for n in vars(communique) if not n.startswith("_") and callable(getattr(communique, n))
    }
    assert {"extract_article", "open_store", "load_resources", "run", "record_to_dict"} <= public
