"""Start-up: the cached place index (rebuilt when an input changes or the file is damaged, never
a crash) and store-only commands that never import spaCy."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from communique import cachefile
from communique.actors import load as actor_load
from communique.actors import office
from communique.api.synthetic import write_synthetic_store
from communique.place import cache, gazetteer
from communique.place.gazetteer import Candidate, Gazetteer, Place, name_key
from communique.store import open_store


def _tiny() -> Gazetteer:
    geneva = Place("Geneva", "CHE", 46.2022, 6.1457, "city", 183_981, "GE", 2660646, 40)
    swiss = Place("Switzerland", "CHE", 47.0, 8.0, "country", 8_508_898, None, 2658434)
    palais = Place("Geneva", "CHE", 46.2266, 6.1405, "city", 0)
    return Gazetteer(
        index={
            "geneva": (Candidate(geneva, True),),
            "geneve": (Candidate(geneva, False),),
            "ch": (Candidate(swiss, True, acronym=True), Candidate(geneva, False)),
        },
        countries={"CHE": swiss},
        demonyms={"swiss": swiss},
        venues={name_key("Palais des Nations"): palais},
        venue_pattern=re.compile(r"\b(?:Palais des Nations)\b"),
        capitals={"CHE": geneva},
    )


class Builds:
    """Stands in for the seconds-long build of the real index; counts the builds."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, min_population: int = 1000) -> Gazetteer:
        self.count += 1
        return _tiny()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Builds:
    fake = Builds()
    monkeypatch.setattr(gazetteer, "build_gazetteer", fake)
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(tmp_path / "cache"))
    return fake


def _load() -> Gazetteer:
    return gazetteer._load.__wrapped__(1000)  # past the per-process memo


def _cached_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("gazetteer-*.bin"))


def test_startup_cache_is_written_then_read(builds: Builds, tmp_path: Path) -> None:
    first = _load()
    second = _load()
    assert builds.count == 1
    assert len(_cached_files(tmp_path)) == 1
    assert second.candidates("Genève") == first.candidates("Genève") == _tiny().index["geneve"]
    assert second.candidates("CH")[0].acronym and not second.candidates("CH")[1].primary
    assert dict(second.countries) == dict(_tiny().countries)
    assert second.demonym("Swiss") == _tiny().countries["CHE"]
    assert second.venue_pattern.search("at the Palais des Nations")
    assert "geneva" in second.index and "bern" not in second.index
    assert len(second.index) == 3 and set(second.index) == {"geneva", "geneve", "ch"}


def test_startup_cache_changed_input_is_rebuilt(
    builds: Builds, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load()
    old = _cached_files(tmp_path)
    real = cache.package_bytes

    def edited(name: str) -> bytes:
        data = real(name)
        return data + b"Palais Wilson,Geneva,CHE,46.21,6.15,test\n" if "venues" in name else data

    monkeypatch.setattr(cache, "package_bytes", edited)
    _load()
    assert builds.count == 2
    new = _cached_files(tmp_path)
    assert len(new) == 1 and new != old  # the stale file is gone
    _load()
    assert builds.count == 2


def test_startup_cache_key_follows_each_input(monkeypatch: pytest.MonkeyPatch) -> None:
    base = cache.cache_key(1000)
    assert cache.cache_key(1000) == base
    assert cache.cache_key(15000) != base
    real = cache.package_bytes
    for changed in ("gazetteer.py", "data/admin.csv", "data/aliases.csv"):
        monkeypatch.setattr(cache, "package_bytes", lambda n, c=changed: real(n) + b"x" * (n == c))
        assert cache.cache_key(1000) != base, changed
    monkeypatch.setattr(cache, "package_bytes", real)
    monkeypatch.setattr("communique.__version__", "99.0")
    assert cache.cache_key(1000) != base


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b[:-10] + bytes(10),  # bytes changed: the checksum does not match
        lambda b: b"not a cache",
        lambda b: b"",
    ],
)
def test_startup_cache_corrupt_is_rebuilt(builds: Builds, tmp_path: Path, damage: object) -> None:
    _load()
    (path,) = _cached_files(tmp_path)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    again = _load()
    assert builds.count == 2
    assert again.candidates("Geneva") == _tiny().index["geneva"]
    assert cache.read_cached(path) is not None  # written anew


def test_startup_cache_refuses_objects_other_than_data(builds: Builds, tmp_path: Path) -> None:
    """A file with a valid checksum that names a callable is not unpickled."""
    import hashlib
    import pickle

    _load()
    (path,) = _cached_files(tmp_path)
    body = pickle.dumps({"format": cache.FORMAT, "places": os.system})
    path.write_bytes(cache._MAGIC + hashlib.sha256(body).digest() + body)
    assert cache.read_cached(path) is None
    _load()
    assert builds.count == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_startup_cache_unwritable_folder_builds(builds: Builds, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert _load().candidates("Geneva")
        assert _load().candidates("Geneva")
    finally:
        folder.chmod(stat.S_IRWXU)
    assert builds.count == 2


def test_startup_cache_unwritable_path_builds(
    builds: Builds, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(blocker / "cache"))  # under a file: cannot be
    assert _load().candidates("Geneva") and _load().candidates("Geneva")
    assert builds.count == 2


def test_startup_cache_folder_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_CACHE", "/somewhere/cache")
    assert cache.cache_dir() == Path("/somewhere/cache")
    monkeypatch.setenv("COMMUNIQUE_CACHE", "off")
    assert cache.cache_dir() is None and cache.cache_path(1000) is None
    monkeypatch.delenv("COMMUNIQUE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert cache.cache_dir() == Path("/xdg/communique")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == Path.home() / ".cache" / "communique"


# --- the derived office-holder table, cached -------------------------------------------------


class CountedReads:
    """Counts the parses of the derived table (each some tenths of a second)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *args: Any) -> Any:
        self.count += 1
        return office.read_office_table(*args)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CountedReads:
    counted = CountedReads()
    monkeypatch.setattr(actor_load, "read_office_table", counted)
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(tmp_path / "cache"))
    return counted


def _title_words() -> dict[str, str]:
    return {r["word"]: r["kind"] for r, _ in actor_load._rows("title_words.csv")}


def _plain(t: office.OfficeTable) -> tuple[Any, ...]:
    return t._names, t._rows, t._surnames, t._sources


def test_startup_office_table_read_back_equals_parsed(
    reads: CountedReads, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = _title_words()
    first = actor_load._derived(words)
    second = actor_load._derived(words)
    assert reads.count == 1
    assert len(list((tmp_path / "cache").glob("office-holders-*.bin"))) == 1
    assert _plain(second) == _plain(first) and len(second) > 10_000
    monkeypatch.setenv("COMMUNIQUE_CACHE", "off")
    parsed = actor_load._derived(words)
    assert reads.count == 2 and _plain(parsed) == _plain(second)
    key = next(iter(second._rows))
    assert second.person(key) == parsed.person(key) is not None


def test_startup_office_table_damaged_or_changed_is_parsed_again(
    reads: CountedReads, tmp_path: Path
) -> None:
    words = _title_words()
    actor_load._derived(words)
    (path,) = (tmp_path / "cache").glob("office-holders-*.bin")
    path.write_bytes(path.read_bytes()[:-100])
    again = actor_load._derived(words)
    assert reads.count == 2 and len(again) > 10_000
    assert cachefile.read_data(path, actor_load._MAGIC) is not None  # written anew
    fewer = dict(list(words.items())[1:])  # another input: another file, the old one removed
    actor_load._derived(fewer)
    assert reads.count == 3
    assert [p.name for p in (tmp_path / "cache").glob("office-holders-*.bin")] != [path.name]


def test_startup_cachefile_refuses_objects_other_than_data(tmp_path: Path) -> None:
    import pickle

    path = tmp_path / "x-1.bin"
    assert cachefile.write_data(path, b"magic\n", {"a": [1, (2, "3")], "b": b"x"})
    assert cachefile.read_data(path, b"magic\n") == {"a": [1, (2, "3")], "b": b"x"}
    assert cachefile.read_data(path, b"other\n") is None
    body = pickle.dumps({"f": os.system})
    path.write_bytes(b"magic\n" + hashlib.sha256(body).digest() + body)
    assert cachefile.read_data(path, b"magic\n") is None
    assert cachefile.read_data(tmp_path / "missing.bin", b"magic\n") is None


# --- store-only commands ------------------------------------------------------------------------

PROBE = (
    "import sys\n"
    "from communique.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stderr.write('SPACY=%s\\n' % ('spacy' in sys.modules))\n"
    "raise SystemExit(code)\n"
)


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "s.duckdb"
    write_synthetic_store(path, 80)
    open_store(path).close()  # a writer makes the fused rows
    return path


def test_startup_store_only_commands_do_not_import_spacy(store_path: Path, tmp_path: Path) -> None:
    listed = _run("events", "--db", str(store_path), "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    first = json.loads(listed.stdout.splitlines()[0])
    runs = [
        listed,
        _run("events", "--db", str(store_path), "--actor", "usa", "--format", "text"),
        _run("show", first["id"], "--db", str(store_path)),
        _run("export", "--db", str(store_path), "--format", "csv", "--out", str(tmp_path / "x")),
        _run("export", "--db", str(store_path), "--format", "jsonl"),
        _run("examples"),
    ]
    for done in runs:
        assert done.returncode == 0, done.stderr
        assert done.stderr.strip().splitlines()[-1] == "SPACY=False", done.args
    assert first["id"] in runs[2].stdout


LIGHT_PROBE = (
    "import sys\n"
    "from communique.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "heavy = ('spacy', 'numpy', 'trafilatura', 'charset_normalizer', 'rich', 'httpx',"
    " 'communique.pipeline', 'communique.fuse.dedup', 'communique.corpus.ingest')\n"
    "sys.stderr.write('HEAVY=%s\\n' % ','.join(m for m in heavy if m in sys.modules))\n"
    "raise SystemExit(code)\n"
)


@pytest.mark.parametrize(
    "argv",
    [
        ["events", "--format", "text"],
        ["events", "--format", "csv", "--actor", "usa"],
        ["events", "--format", "jsonl"],
        ["examples"],
    ],
)
def test_startup_listing_imports_no_pipeline_numpy_or_fetching(
    store_path: Path, argv: list[str]
) -> None:
    """What a listing needs is the store and DuckDB: not the pipeline, de-duplication (numpy),
    the HTML or fetching libraries, nor rich."""
    args = [*argv, "--db", str(store_path)] if argv[0] == "events" else argv
    done = subprocess.run(
        [sys.executable, "-c", LIGHT_PROBE, *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "HEAVY=", done.stderr
    assert done.stdout.strip()


def test_startup_extract_still_imports_spacy() -> None:
    """The probe can tell: a command that loads the model shows spaCy imported."""
    done = _run("extract", "--example", "no-such-example")
    assert done.returncode == 2
    probe = (
        "import sys\nfrom communique.nlp import load_nlp\nfrom communique.settings import "
        "NlpSettings\nload_nlp(NlpSettings(), [])\nprint('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True"
