"""Bounded reading: gzip bombs, over-long JSONL lines, over-long lines of text, cut gzip data and
standard input read as a stream; each time a clear skip and the rest of the input kept."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from pathlib import Path

from communique.ingest import read_path
from communique.ingest.files import long_line_skip, read_stream
from communique.ingest.limits import MAX_LINE_CHARS
from communique.model import RawArticle, Skip, SkipReason
from communique.settings import IngestSettings

S = IngestSettings()


def _line(text: str) -> bytes:
    return json.dumps({"text": text}).encode() + b"\n"


def _zeros_member(mib: int = 1) -> bytes:
    """One gzip member of ``mib`` MiB of zero bytes (about a thousandth of that compressed)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    return squeeze.compress(b"\0" * (mib << 20)) + squeeze.flush()


def _bomb(members: int = 200) -> bytes:
    return _zeros_member() * members  # a multi-member gzip stream: 200 MiB from ~200 KB


def test_ingest_limits_gzip_bomb_after_good_lines_keeps_them(tmp_path: Path) -> None:
    good = gzip.compress(_line("Envoys met in Lima.") + _line("Talks ended in Quito."))
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(good + _bomb())
    items = list(read_path(path, S))
    assert [i.content for i in items[:2] if isinstance(i, RawArticle)] == [
        "Envoys met in Lima.",
        "Talks ended in Quito.",
    ]
    last = items[-1]
    assert isinstance(last, Skip) and last.reason is SkipReason.TOO_LARGE
    assert "decompression bomb" in last.detail and last.origin == str(path)


def test_ingest_limits_gzip_bomb_as_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.txt.gz"
    path.write_bytes(_bomb())
    (item,) = read_path(path, S)
    assert isinstance(item, Skip) and item.reason is SkipReason.TOO_LARGE
    assert "inflates" in item.detail  # refused at the item limit, before the ratio check


def test_ingest_limits_gzip_text_over_the_item_limit(tmp_path: Path) -> None:
    path = tmp_path / "article.txt.gz"
    path.write_bytes(gzip.compress(b"Delegates met in Accra.\n" * 200))
    (item,) = read_path(path, IngestSettings(max_bytes=1000))
    assert isinstance(item, Skip) and item.reason is SkipReason.TOO_LARGE
    assert "inflates to more than" in item.detail
    (ok,) = read_path(path, S)
    assert isinstance(ok, RawArticle) and ok.content.startswith("Delegates met in Accra.")


def test_ingest_limits_overlong_jsonl_line_skipped_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    body = _line("Ministers met in Riga.") + _line("x" * 5000) + _line("Aides met in Vilnius.")
    path.write_bytes(body)
    items = list(read_path(path, IngestSettings(max_bytes=1000)))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Skip", "RawArticle"]
    skip = items[1]
    assert isinstance(skip, Skip) and skip.reason is SkipReason.TOO_LARGE
    assert skip.origin == f"{path}:2" and items[2].origin == f"{path}:3"


def test_ingest_limits_text_line_without_breaks_is_skipped(tmp_path: Path) -> None:
    long_line = "Word " * (MAX_LINE_CHARS // 5 + 10)
    path = tmp_path / "wall.txt"
    path.write_text("A headline\n" + long_line + "\nLast line.\n", encoding="utf-8")
    (item,) = read_path(path, S)
    assert isinstance(item, Skip) and item.reason is SkipReason.TOO_LARGE
    assert item.detail.startswith("line 2 has")
    paragraphs = tmp_path / "paragraphs.txt"
    paragraphs.write_text(long_line.replace("Word Word ", "Word.\n"), encoding="utf-8")
    (fine,) = read_path(paragraphs, S)
    assert isinstance(fine, RawArticle)


def test_ingest_limits_long_line_in_a_jsonl_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(_line("y" * (MAX_LINE_CHARS + 1)) + _line("Envoys met in Bern."))
    first, second = read_path(path, S)
    assert isinstance(first, Skip) and first.detail.startswith("line 1 has")
    assert isinstance(second, RawArticle)


def test_ingest_limits_long_line_check_counts_lines() -> None:
    text = "short\n" * 3 + "z" * 50 + "\nend"
    skip = long_line_skip(text, "here", limit=40)
    assert skip is not None and skip.detail.startswith("line 4 has 50 characters")
    assert long_line_skip("a\n" * 100, "here", limit=40) is None


def test_ingest_limits_cut_gzip_keeps_the_lines_read(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(_line(f"Talks number {n} were held.") for n in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) - 40])
    items = list(read_path(path, S))
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert 0 < len(articles) < 200
    last = items[-1]
    assert isinstance(last, Skip) and last.detail.startswith("truncated:")


def test_ingest_limits_stream_sniffs_gzip_and_jsonl() -> None:
    lines = _line("p" * 70_000) + _line("Envoys met in Oslo.")
    items = list(read_stream(io.BytesIO(gzip.compress(lines)), S, origin="<stdin>"))
    assert [i.origin for i in items] == ["<stdin>:1", "<stdin>:2"]
    (text,) = read_stream(io.BytesIO(b"Leaders met in Rome."), S)
    assert isinstance(text, RawArticle) and text.kind == "text"
    (big,) = read_stream(io.BytesIO(b"b" * 3000), IngestSettings(max_bytes=1000))
    assert isinstance(big, Skip) and big.reason is SkipReason.TOO_LARGE


def _warc_gz(tmp_path: Path, header_pad: int, payload: int) -> Path:
    """A one-record WARC.gz: a padded header line, then ``payload`` zero bytes of body."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = (
        f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://news.example/\r\n"
        f"X-Pad: {'a' * header_pad}\r\nContent-Length: {payload}\r\n\r\n"
    ).encode()
    parts = [squeeze.compress(head)]
    for _ in range(payload >> 20):
        parts.append(squeeze.compress(b"\0" * (1 << 20)))
    parts.append(squeeze.compress(b"\r\n\r\n") + squeeze.flush())
    path = tmp_path / "hostile.warc.gz"
    path.write_bytes(b"".join(parts))
    return path


def test_ingest_limits_warc_long_header_line_and_bomb_stop_the_file(tmp_path: Path) -> None:
    from communique.ingest.warc import read_warc

    (long_line,) = read_warc(_warc_gz(tmp_path, 3 << 20, 0), S)
    assert isinstance(long_line, Skip) and "header line is longer" in long_line.detail
    (bomb,) = read_warc(_warc_gz(tmp_path, 10, 64 << 20), S)
    assert isinstance(bomb, Skip) and "decompression bomb" in bomb.detail


def test_ingest_limits_feed_file_over_the_limit(tmp_path: Path) -> None:
    from communique.corpus.sources import iter_items

    feed = tmp_path / "big.rss"
    feed.write_text('<rss version="2.0"><channel>' + " " * 3000 + "</channel></rss>")
    (item,) = iter_items([str(feed)], IngestSettings(max_bytes=1000))
    assert isinstance(item, Skip) and item.reason is SkipReason.TOO_LARGE
