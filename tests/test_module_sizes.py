"""Every module of the package stays within 600 lines, so a newcomer can read a stage's rules
one concern at a time (the rules layer is split by concern: triggers, mentions, clusters, roles,
emission)."""

from __future__ import annotations

from pathlib import Path

import communique

LIMIT = 600


def test_no_module_over_the_line_limit() -> None:
    root = Path(communique.__file__).resolve().parent
    sizes = {
        str(p.relative_to(root)): len(p.read_text(encoding="utf-8").splitlines())
        for p in root.rglob("*.py")
    }
    assert sizes, "no modules found"
    over = {name: n for name, n in sizes.items() if n > LIMIT}
    assert not over, over
