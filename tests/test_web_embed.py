"""JSON embedded in pages cannot close its script element or open markup."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")

from communique.web.pages import embed_json


@pytest.mark.parametrize(
    "text",
    ["</script><script>alert(1)</script>", "<!-- x", "a & b", "<b>bold</b>", "line\u2028sep"],
)
def test_web_embed_json_keeps_hostile_text_inert(text: str) -> None:
    out = embed_json({"title": text})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == {"title": text}
