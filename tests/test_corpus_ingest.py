"""Corpus ingest: sources of every kind, typed rejections, copies, and resume after a crash."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pytest

from communique.corpus import IngestOptions, ingest_sources
from communique.model import (
    CleanArticle,
    Entity,
    Event,
    Field,
    RawArticle,
    Record,
    Skip,
    SkipReason,
    Span,
    When,
    content_id,
)
from communique.store import open_store

WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
    "uniform",
    "victor",
    "whiskey",
    "xray",
]


def story(n: int, codes: str = "NOR SUD", day: str = "2024-03-05") -> str:
    """A distinct article text; ``n`` changes every word order so texts are not copies."""
    words = [WORDS[(i * (n + 3) + n) % len(WORDS)] for i in range(60)]
    return f"Ministers of {codes} met on {day}. " + " ".join(words) + "."


def fake_process(raw: RawArticle) -> Record | Skip:
    """A stand-in pipeline: one meeting per article between the three-letter codes it names."""
    text = re.sub(r"<[^>]+>", " ", raw.content).strip()
    if len(text) < 40:
        return Skip(SkipReason.NO_ARTICLE, "too short", raw.origin)
    aid = content_id("art", text)
    codes = sorted(set(re.findall(r"\b[A-Z]{3}\b", text)))
    day = re.search(r"\d{4}-\d\d-\d\d", text)
    entities = tuple(Entity(f"{aid}:{c}", c, "state", c, c, (), ()) for c in codes)
    event = Event(
        content_id("ev", aid, "0"),
        "CONSULT",
        "meet",
        "occurred",
        tuple(e.id for e in entities[:1]),
        tuple(e.id for e in entities[1:]),
        When(day.group(0), None, "day", day.group(0)) if day else None,
        None,
        None,
        (),
        (Span(0, 10, text[:10]),),
        0.7,
    )
    article = CleanArticle(
        aid,
        text,
        Field("t", "metadata"),
        None,
        None,
        None,
        raw.url,
        raw.published,
        "none",
        "en",
        (),
    )
    return Record(article, entities, (event,) if codes else (), ())


def write_jsonl(path: Path, texts: list[str], extra: tuple[str, ...] = ()) -> Path:
    lines = [
        json.dumps({"text": t, "url": f"https://example.org/{n}"}) for n, t in enumerate(texts)
    ]
    path.write_text("\n".join(lines + list(extra)) + "\n", encoding="utf-8")
    return path


def test_corpus_ingest_jsonl_counts_copies_and_skips(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [story(1), story(2), story(1)], ("{not json",))
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources([str(src)], store, IngestOptions(), process=fake_process)
        counts = store.counts()
        (event,) = store.fused_events()
    assert (summary.read, summary.stored, summary.copies) == (4, 2, 1)
    assert summary.skipped == {"bad_json": 1}
    assert counts.articles == 3 and counts.duplicates == 1
    assert event.source_count == 3  # two reports fused, plus the copy


def test_corpus_ingest_resumes_after_a_crash_without_loss_or_duplicates(tmp_path: Path) -> None:
    texts = [story(i, day=f"2024-03-{i + 1:02d}") for i in range(6)]
    src = write_jsonl(tmp_path / "a.jsonl", texts)
    calls = {"n": 0}

    def crashing(raw: RawArticle) -> Record | Skip:
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt  # like a kill: not a per-item failure
        return fake_process(raw)

    with open_store(tmp_path / "crash.duckdb") as store, pytest.raises(KeyboardInterrupt):
        ingest_sources([str(src)], store, IngestOptions(), process=crashing)
    with open_store(tmp_path / "crash.duckdb") as store:
        again = ingest_sources([str(src)], store, IngestOptions(), process=fake_process)
        resumed = store.counts()
    with open_store(tmp_path / "clean.duckdb") as store:
        ingest_sources([str(src)], store, IngestOptions(), process=fake_process)
        clean = store.counts()
    assert again.unchanged == 3 and again.stored == 3
    assert resumed == clean


def test_corpus_ingest_records_pipeline_errors_and_goes_on(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [story(1), "BOOM " + story(2), story(3)])

    def flaky(raw: RawArticle) -> Record | Skip:
        if raw.content.startswith("BOOM"):
            raise ValueError("the parser fell over")
        return fake_process(raw)

    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources([str(src)], store, IngestOptions(), process=flaky)
        rejections = store.rejections()
    assert summary.stored == 2 and summary.failed == {"ValueError": 1}
    assert rejections[0][1:3] == ("pipeline", "ValueError")


def _warc(records: list[tuple[str, int, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, status, ctype, body in records:
        headers = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buf.getvalue()


def test_corpus_ingest_warc_keeps_html_responses_and_reports_truncation(tmp_path: Path) -> None:
    page = "<html><body><p>{}</p></body></html>"
    data = _warc(
        [
            ("https://a.example/1", 200, "text/html", page.format(story(1)).encode()),
            ("https://a.example/img", 200, "image/png", b"\x89PNG"),
            ("https://a.example/2", 404, "text/html", b"<html>gone</html>"),
            (
                "https://a.example/3",
                200,
                "text/html; charset=utf-8",
                page.format(story(3)).encode(),
            ),
            ("https://a.example/4", 200, "text/html", page.format(story(4)).encode()),
        ]
    )
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources([str(cut)], store, IngestOptions(), process=fake_process)
    assert summary.stored == 2
    assert summary.failed == {"http_404": 1, "truncated": 1}


def test_corpus_ingest_feed_with_broken_entries(tmp_path: Path) -> None:
    body = "<p>" + story(5) + " " + story(6) + "</p>"
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>one</title><description><![CDATA[{body}]]></description>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        "<item><title>broken</title></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources([str(feed)], store, IngestOptions(), process=fake_process)
    assert summary.stored == 1 and summary.skipped == {"no_article": 1}


def test_corpus_ingest_jsonl_gz_and_directory(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = json.dumps({"text": story(7)}) + "\n"
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (folder / "c.txt").write_text(story(8), encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources([str(folder)], store, IngestOptions(), process=fake_process)
    assert summary.stored == 2


def test_corpus_ingest_two_workers_store_what_one_worker_stores(tmp_path: Path) -> None:
    texts = [story(i, day=f"2024-03-{i % 3 + 1:02d}") for i in range(8)] + [story(2) + " "]
    src = write_jsonl(tmp_path / "a.jsonl", texts)
    results = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.duckdb") as store:
            ingest_sources([str(src)], store, IngestOptions(workers=workers), process=fake_process)
            results.append((store.counts(), [e.sources for e in store.fused_events()]))
    assert results[0] == results[1]
    assert results[0][0].duplicates == 1
