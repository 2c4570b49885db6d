"""The DuckDB store: one transaction per article with its events; idempotent by content ids.

Writing the same article twice changes nothing. A copy of an earlier article (exact or near)
is stored with ``duplicate_of`` and no events of its own. Every new event is fused with the
events already stored (see ``communique.fuse``) in the same transaction.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

import duckdb

from ..errors import StoreError
from ..fuse.dedup import DuplicateIndex, signature, signature_bytes, signature_from_bytes, text_hash
from ..fuse.fusion import FuseSettings, FusionIndex
from ..fuse.model import Report
from ..fuse.reports import reports_from_record
from ..model import Record, Skip, content_id
from ..serialize import article_to_dict, entity_to_dict
from .read import StoreReader
from .reports import named_meeting_json
from .rows import EVENT_COLUMNS, event_to_row
from .schema import SCHEMA_VERSION, ensure_schema


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What ``write_record`` did: ``created`` is False when the article was already stored."""

    article_id: str
    created: bool
    duplicate_of: str | None = None
    events: int = 0
    fused: tuple[str, ...] = ()


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (or create) a store at ``path``; ``":memory:"`` gives a throw-away store."""
    target = str(path)
    try:
        if target != ":memory:" and not read_only:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(target, read_only=read_only)
        if not read_only:
            ensure_schema(con)
    except (duckdb.Error, OSError) as err:
        raise StoreError(f"{target}: cannot open the store ({_first_line(err)})") from err
    return Store(con, target)


class Store(StoreReader):
    """A communique store. Use as a context manager, or call ``close``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        super().__init__(con)
        self.path = path
        self.fuse_settings = FuseSettings()
        self._dups: DuplicateIndex | None = None
        self._fusion: FusionIndex | None = None
        row = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
        self._seq = int(row[0]) if row else 0

    # --- context ---------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- writing ---------------------------------------------------------------------------

    def has_input(self, key: str) -> bool:
        """True when an input item with this key was already handled (stored or rejected)."""
        return self.con.execute("SELECT 1 FROM inputs WHERE key = ?", [key]).fetchone() is not None

    def mark_input(self, key: str, origin: str | None, outcome: str, *, batch: str = "") -> None:
        """Note an input item as handled (e.g. a feed expanded into its entries)."""
        self._in_transaction(lambda: self._mark_input(key, origin, None, outcome, batch))

    def write_record(
        self,
        record: Record,
        *,
        origin: str | None = None,
        input_key: str | None = None,
        batch: str = "",
    ) -> WriteResult:
        """Store one article with its entities, events and links, in one transaction."""
        article_id = record.article.id
        where = record.article.url or origin or record.article.origin
        stored_at = self._article_location(article_id)
        if stored_at is not None:
            copy_id = str(content_id("art", article_id, where))
            if stored_at == where or self._article_location(copy_id) is not None:
                if input_key:
                    self._in_transaction(
                        lambda: self._mark_input(input_key, origin, article_id, "stored", batch)
                    )
                return WriteResult(article_id, created=False)
            # The same text at another address: a syndicated copy, stored under its own id.
            record = replace(record, article=replace(record.article, id=copy_id))
            article_id = copy_id
        dups, fusion = self._indexes()
        digest = text_hash(record.article.text)
        mh = signature(record.article.text)
        copy = dups.find(digest, mh)
        reports = () if copy else reports_from_record(record)
        try:
            fused = fusion.assign_article(reports)
            self._seq += 1
            self._in_transaction(
                lambda: self._insert(
                    record, origin, batch, digest, mh, copy, reports, fused, input_key
                )
            )
        except BaseException:
            self._dups = self._fusion = None  # rebuilt from the store on next use
            raise
        if copy is None:
            dups.add(article_id, digest, mh)
        return WriteResult(article_id, True, copy.canonical if copy else None, len(reports), fused)

    def record_skip(
        self, skip: Skip, *, stage: str = "ingest", input_key: str | None = None, batch: str = ""
    ) -> None:
        """Record an item that yielded no article, with its stage and reason."""
        self.record_rejection(
            skip.origin, stage, skip.reason.value, skip.detail, input_key=input_key, batch=batch
        )

    def record_rejection(
        self,
        origin: str,
        stage: str,
        reason: str,
        detail: str,
        *,
        input_key: str | None = None,
        batch: str = "",
    ) -> None:
        rid = content_id("rej", origin, stage, reason)

        def write() -> None:
            self.con.execute(
                "INSERT OR IGNORE INTO rejections (id, origin, stage, reason, detail, batch)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [rid, origin, stage, reason, detail[:500], batch],
            )
            if input_key:
                self._mark_input(input_key, origin, None, f"rejected:{reason}", batch)

        self._in_transaction(write)

    # --- internals -------------------------------------------------------------------------

    def _article_location(self, article_id: str) -> str | None:
        """The URL (else origin) of a stored article, or None when it is not stored."""
        sql = "SELECT coalesce(url, origin, '') FROM articles WHERE id = ?"
        row = self.con.execute(sql, [article_id]).fetchone()
        return str(row[0]) if row is not None else None

    def _in_transaction(self, work: Callable[[], None]) -> None:
        try:
            self.con.begin()
            work()
            self.con.commit()
        except duckdb.Error as err:
            self._rollback()
            raise StoreError(f"{self.path}: write failed ({_first_line(err)})") from err
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        with contextlib.suppress(duckdb.Error):
            self.con.rollback()

    def _mark_input(
        self, key: str, origin: str | None, article_id: str | None, outcome: str, batch: str
    ) -> None:
        self.con.execute(
            "INSERT OR IGNORE INTO inputs VALUES (?, ?, ?, ?, ?)",
            [key, origin, article_id, outcome, batch],
        )

    def _insert(
        self,
        record: Record,
        origin: str | None,
        batch: str,
        digest: str,
        mh: object,
        copy: object,
        reports: tuple[Report, ...],
        fused: tuple[str, ...],
        input_key: str | None,
    ) -> None:
        from ..fuse.dedup import Duplicate

        a = record.article
        dup = copy if isinstance(copy, Duplicate) else None
        self.con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                a.id,
                a.url,
                a.title.value if a.title else None,
                a.site.value if a.site else None,
                a.published,
                a.published_source,
                a.language,
                digest,
                dup.canonical if dup else None,
                dup.similarity if dup else None,
                origin or a.origin,
                batch,
                record.producer,
                SCHEMA_VERSION,
                self._seq,
                json.dumps(article_to_dict(a)),
            ],
        )
        if input_key:
            self._mark_input(input_key, origin or a.origin, a.id, "stored", batch)
        if dup is not None:
            return
        if mh is not None:
            self.con.execute("INSERT INTO minhashes VALUES (?, ?)", [a.id, signature_bytes(mh)])
        self._insert_facts(record, reports, fused)

    def _insert_facts(
        self, record: Record, reports: tuple[Report, ...], fused: tuple[str, ...]
    ) -> None:
        a = record.article
        if record.entities:
            self.con.executemany(
                "INSERT OR IGNORE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    [a.id, e.id, e.name, e.kind, e.code, e.country, json.dumps(entity_to_dict(e))]
                    for e in record.entities
                ],
            )
        marks = ", ".join("?" for _ in range(len(EVENT_COLUMNS) + 7))
        names = ", ".join(
            (
                "article_id",
                *EVENT_COLUMNS,
                "participants",
                "names",
                "meeting_named",
                "producer",
                "schema_version",
                "seq",
            )
        )
        rows = [
            [
                a.id,
                *event_to_row(ev),
                list(r.participants),
                list(r.names),
                named_meeting_json(r.meeting),
                record.producer,
                SCHEMA_VERSION,
                self._seq,
            ]
            for ev, r in zip(record.events, reports, strict=True)
        ]
        if rows:
            self.con.executemany(f"INSERT OR IGNORE INTO events ({names}) VALUES ({marks})", rows)
            members = [[f, a.id, r.event_id] for f, r in zip(fused, reports, strict=True)]
            self.con.executemany("INSERT OR IGNORE INTO fused_members VALUES (?, ?, ?)", members)
        if record.links:
            self.con.executemany(
                "INSERT OR IGNORE INTO links VALUES (?, ?, ?, ?)",
                [[a.id, k.source, k.target, k.relation] for k in record.links],
            )

    def _indexes(self) -> tuple[DuplicateIndex, FusionIndex]:
        if self._dups is None or self._fusion is None:
            self._dups = self._load_duplicates()
            self._fusion = self._load_fusion()
        return self._dups, self._fusion

    def _load_duplicates(self) -> DuplicateIndex:
        index = DuplicateIndex()
        rows = self.con.execute(
            "SELECT a.id, a.text_hash, m.signature FROM articles a"
            " LEFT JOIN minhashes m ON m.article_id = a.id"
            " WHERE a.duplicate_of IS NULL ORDER BY a.seq"
        ).fetchall()
        for article_id, digest, sig in rows:
            index.add(article_id, digest, signature_from_bytes(sig) if sig is not None else None)
        return index

    def _load_fusion(self) -> FusionIndex:
        index = FusionIndex(self.fuse_settings)
        for fused_id, report in self.stored_reports():
            index.add(fused_id, report)
        return index


def _first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
