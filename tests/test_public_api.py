"""The public API: one __init__, a complete sorted __all__, imported on first use."""

from __future__ import annotations

import subprocess
import sys

import communique


def test_public_api_all_is_sorted_and_complete() -> None:
    assert communique.__all__ == sorted(communique.__all__)
    for name in communique.__all__:
        assert hasattr(communique, name), name
    public = {
        n for n in dir(communique) if not n.startswith("_") and callable(getattr(communique, n))
    }
    assert {"extract_article", "open_store", "load_resources", "run", "record_to_dict"} <= public
    assert set(communique.__all__) <= set(dir(communique))


def test_public_api_names_are_the_modules_objects() -> None:
    from communique import model, pipeline, serialize, settings, store

    assert communique.load_resources is pipeline.load_resources
    assert communique.run is pipeline.run and communique.run_many is pipeline.run_many
    assert communique.Record is model.Record and communique.SCHEMA is model.SCHEMA
    assert communique.record_to_dict is serialize.record_to_dict
    assert communique.Settings is settings.Settings
    assert communique.Store is store.Store


def test_public_api_unknown_name_is_an_attribute_error() -> None:
    assert not hasattr(communique, "no_such_name")
    try:
        from communique import no_such_name  # type: ignore[attr-defined]  # noqa: F401
    except ImportError as err:
        assert "no_such_name" in str(err)
    else:
        raise AssertionError("imported a name that does not exist")


def _fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip()


def test_public_api_import_is_light_and_names_load_on_use() -> None:
    heavy = ("communique.pipeline", "communique.store", "duckdb", "numpy", "spacy", "trafilatura")
    code = (
        "import sys, communique, communique.cli, communique.api, communique.fuse\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
        "from communique import Settings, extract_article, load_resources, Store\n"
        "print(callable(extract_article), load_resources.__module__, Store.__module__,"
        " Settings.__module__)\n"
    )
    before, after = _fresh(code).splitlines()
    assert before == "[]"
    assert after == "True communique.pipeline communique.store.store communique.settings"
