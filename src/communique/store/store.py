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
from typing import TYPE_CHECKING

import duckdb

from ..errors import StoreError
from ..fuse.fusion import FuseSettings, FusionIndex
from ..fuse.model import Report
from ..fuse.reports import reports_from_record
from ..model import Record, Skip, content_id
from ..serialize import article_to_dict, entity_to_dict
from . import fused as fused_rows
from .read import StoreReader
from .reports import named_meeting_json, parties_json
from .rows import EVENT_COLUMNS, event_to_row
from .schema import SCHEMA_VERSION, check_schema, ensure_schema
from .shared import SharedConnection, first_line

if TYPE_CHECKING:  # de-duplication (numpy) is imported by the first write: readers never need it
    from ..fuse.dedup import DuplicateIndex


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What ``write_record`` did: ``created`` is False when the article was already stored."""

    article_id: str
    created: bool
    duplicate_of: str | None = None
    events: int = 0
    fused: tuple[str, ...] = ()


DEFAULT_WAIT = 60.0  # seconds a store waits for another process to let the file go
DEFAULT_IDLE = 2.0  # seconds without use after which a store lets its file go


def open_store(
    path: str | Path,
    *,
    read_only: bool = False,
    wait: float = DEFAULT_WAIT,
    idle: float = DEFAULT_IDLE,
) -> Store:
    """Open (or create) a store at ``path``; ``":memory:"`` gives a throw-away store. The file
    is held only while the store works on it, so other processes read it meanwhile (see
    ``communique.store.shared``); ``wait`` bounds how long to wait for another holder."""
    return Store(path, read_only=read_only, wait=wait, idle=idle)


class Store(StoreReader):
    """A communique store (a DuckDB file). Use as a context manager, or call ``close``.

    ``Store(path)`` opens or creates it; ``read_only=True`` opens an existing store for
    reading. Closing checkpoints, so the ``.duckdb`` file alone then holds the whole store."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        wait: float = DEFAULT_WAIT,
        idle: float = DEFAULT_IDLE,
    ) -> None:
        target = str(path)
        self.path = target
        self.read_only = read_only
        self.fuse_settings = FuseSettings()
        self._dups: DuplicateIndex | None = None
        self._fusion: FusionIndex | None = None
        self._seq = 0
        self._state: tuple[int, ...] | None = None  # what this store last saw of the tables
        if read_only and target != ":memory:" and not Path(target).exists():
            raise StoreError(f"{target}: no such store")
        shared = SharedConnection(
            target,
            read_only=read_only,
            wait=wait,
            idle=idle,
            on_open=self._on_open,
            on_release=self._on_release,
        )
        super().__init__(shared)
        try:
            if target != ":memory:" and not read_only:
                Path(target).parent.mkdir(parents=True, exist_ok=True)
            with shared.use():
                if not read_only:
                    fused_rows.refresh(self)  # a store from before the fused rows: made once
        except (duckdb.Error, OSError) as err:
            raise StoreError(f"{target}: cannot open the store ({first_line(err)})") from err
        except StoreError as err:
            raise StoreError(f"{target}: {err}") from err

    # --- context ---------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Checkpoint (everything written goes into the ``.duckdb`` file) and close."""
        self.shared.close()

    def checkpoint(self) -> None:
        """Write everything in the write-ahead log into the ``.duckdb`` file now."""
        if self.read_only:
            return
        with self.shared.use() as con:
            con.execute("CHECKPOINT")

    def _on_open(self, con: duckdb.DuckDBPyConnection, first: bool) -> None:
        """Each (re)opening of the file: the schema the first time; for a writer, caches
        dropped when another process wrote since this store last held the file."""
        if self.read_only:
            if first:
                check_schema(con)
            return
        if first:
            ensure_schema(con)
        state = _table_state(con)
        if state != self._state:
            self._dups = self._fusion = None
            self._seq = state[0]
            self._state = state

    def _on_release(self, con: duckdb.DuckDBPyConnection) -> None:
        if not self.read_only:
            self._state = _table_state(con)

    # --- writing ---------------------------------------------------------------------------

    def has_input(self, key: str) -> bool:
        """True when an input item with this key was already handled (stored or rejected)."""
        with self.shared.use() as con:
            return con.execute("SELECT 1 FROM inputs WHERE key = ?", [key]).fetchone() is not None

    def mark_input(self, key: str, origin: str | None, outcome: str, *, batch: str = "") -> None:
        """Note an input item as handled (e.g. a feed expanded into its entries)."""
        with self.shared.use():
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
        with self.shared.use():
            return self._write_record(record, origin, input_key, batch)

    def _write_record(
        self, record: Record, origin: str | None, input_key: str | None, batch: str
    ) -> WriteResult:
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
        from ..fuse.dedup import signature, text_hash

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
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")

        def write() -> None:
            self.con.execute(
                "INSERT OR IGNORE INTO rejections (id, origin, stage, reason, detail, batch)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [rid, origin, stage, reason, detail[:500], batch],
            )
            if input_key:
                self._mark_input(input_key, origin, None, f"rejected:{reason}", batch)

        with self.shared.use():
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
            raise StoreError(f"{self.path}: write failed ({first_line(err)})") from err
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
        fused_ids: tuple[str, ...],
        input_key: str | None,
    ) -> None:
        from ..fuse.dedup import Duplicate, signature_bytes

        a = record.article
        dup = copy if isinstance(copy, Duplicate) else None
        current = fused_rows.is_current(self.con)
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
        if dup is None:
            if mh is not None:
                self.con.execute("INSERT INTO minhashes VALUES (?, ?)", [a.id, signature_bytes(mh)])
            self._insert_facts(record, reports, fused_ids)
        fused_rows.keep(self, self.con, current, a.id)  # the fused rows this article changes

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
        marks = ", ".join("?" for _ in range(len(EVENT_COLUMNS) + 8))
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
                "parties",
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
                parties_json(r),
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
        from ..fuse.dedup import DuplicateIndex, signature_from_bytes

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


def _table_state(con: duckdb.DuckDBPyConnection) -> tuple[int, ...]:
    """What changes whenever anything is written: the last article number and the counts of
    handled inputs and rejections."""
    row = con.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM articles), (SELECT count(*) FROM inputs),"
        " (SELECT count(*) FROM rejections)"
    ).fetchone()
    return tuple(int(v) for v in row) if row else (0, 0, 0)
