"""``communique ingest``: many sources into a store, durably and resumably.

1. expand the sources into items (articles, skips, URLs to fetch)
2. drop items an earlier run already handled (each has a stable key)
3. fetch URLs (feeds found at a URL are expanded into their entries)
4. run the pipeline on each article (in worker processes with ``workers`` > 1)
5. store each result in its own transaction, with its input key: a record with its events, or
   a rejection with stage and reason

Killing the process at any moment and running the same command again loses nothing and stores
nothing twice: committed items are skipped by key, and records are upserted by content id.
SIGINT or SIGTERM stops a run cleanly (see ``interrupt``): the item in hand is finished (or,
after a short grace, abandoned unstored), the store is checkpointed, and ``IngestInterrupted``
carries the counts of what was done.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import StoreError
from ..ingest.feeds import looks_like_feed
from ..ingest.files import decode_item, detect_kind, long_line_skip
from ..ingest.limits import ITEM_SECONDS
from ..ingest.urls import Fetcher, FetchSettings
from ..model import InputKind, RawArticle, Record, Skip, SkipReason
from ..settings import IngestSettings
from ..store import Store
from .interrupt import StopRequest
from .progress import IngestProgress
from .sources import InputMeter, Item, Pending, feed_items, item_key, iter_items
from .summary import IngestSummary, is_failure, skip_cause
from .work import ITEM_CLOCK, Abandoned, Failure, Outcome, Process, run_ordered


@dataclass(frozen=True, slots=True)
class IngestOptions:
    workers: int = 1
    batch: str = ""
    ingest: IngestSettings = field(default_factory=IngestSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    progress: bool = False
    item_seconds: float | None = ITEM_SECONDS  # one item's time limit (None: no limit)
    grace: float = 5.0  # seconds the items in hand may still take after a stop signal
    stop_on_signal: bool = True  # SIGINT/SIGTERM stop the run cleanly (main thread only)


class IngestInterrupted(KeyboardInterrupt):
    """The run stopped on a signal after committing what was done; ``summary`` counts it."""

    def __init__(self, summary: IngestSummary, signal_name: str) -> None:
        super().__init__(signal_name)
        self.summary = summary
        self.signal_name = signal_name


def ingest_sources(
    sources: Sequence[str],
    store: Store,
    options: IngestOptions | None = None,
    process: Process | None = None,
) -> IngestSummary:
    """Ingest every source into the store; return the counts. ``process`` replaces the full
    pipeline (it must be a module-level function when ``workers`` > 1). Raises
    ``IngestInterrupted`` (a ``KeyboardInterrupt``) when SIGINT/SIGTERM stopped the run."""
    options = options or IngestOptions()
    summary = IngestSummary()
    started = time.monotonic()
    meter = InputMeter()
    with (
        Fetcher(options.fetch) as fetcher,
        IngestProgress(options.progress, meter) as progress,
        StopRequest(options.grace, progress.note, install=options.stop_on_signal) as stop,
    ):
        run = _Run(store, options, summary, fetcher, progress, stop)
        todo = (
            ((key, raw.origin), raw)
            for key, raw in run.raw_articles(iter_items(sources, options.ingest, meter))
        )
        outcomes = run_ordered(
            todo, process, options.workers, seconds=options.item_seconds, stop=stop
        )
        try:
            with contextlib.closing(outcomes):  # an error ends the worker pool at once
                for (key, origin), outcome in outcomes:  # after a stop: the items in hand
                    run.store_outcome(key, origin, outcome)
        except Abandoned:
            pass  # the items in hand were not stored: the next run does them
        finally:
            _checkpoint(store)
    summary.seconds = time.monotonic() - started
    if stop.requested:
        raise IngestInterrupted(summary, stop.signal_name or "signal")
    return summary


def _checkpoint(store: Store) -> None:
    """Everything committed goes into the store's main file (when the store can say so)."""
    checkpoint = getattr(store, "checkpoint", None)
    if callable(checkpoint):
        checkpoint()


class _Run:
    def __init__(
        self,
        store: Store,
        options: IngestOptions,
        summary: IngestSummary,
        fetcher: Fetcher,
        progress: IngestProgress,
        stop: StopRequest,
    ) -> None:
        self.store, self.options, self.summary = store, options, summary
        self.fetcher, self.progress, self.stop = fetcher, progress, stop

    def raw_articles(self, items: Iterator[Item]) -> Iterator[tuple[str, RawArticle]]:
        """Steps 1-3: the articles still to process, with their input keys."""
        for item in items:
            if self.stop.requested:
                return
            self.summary.read += 1
            key = item_key(item)
            if self.store.has_input(key):
                self.summary.unchanged += 1
                self.progress.update(self.summary)
                continue
            if isinstance(item, Pending):
                with ITEM_CLOCK.limit(None):  # a stop gives a slow fetch the same grace
                    fetched = self._fetch(item)
                if isinstance(fetched, list):  # a feed: not marked done, its entries are
                    yield from self.raw_articles(iter(fetched))
                elif isinstance(fetched, Skip):
                    self._reject(key, fetched, "fetch")
                else:
                    yield key, fetched
            elif isinstance(item, Skip):
                self._reject(key, item, "ingest")
            else:
                yield key, item

    def _fetch(self, pending: Pending) -> RawArticle | Skip | list[Item]:
        """Step 3: a fetched page as an article, a skip, or a feed's entries."""
        try:
            page = self.fetcher.fetch(pending.url)
        except Exception as err:  # FetchError, and anything odd from the network stack
            return Skip(SkipReason.FETCH_FAILED, str(err), pending.url)
        if pending.feed_ok and looks_like_feed(page.body):
            return list(feed_items(page.body, pending.url))
        text = decode_item(page.body, self.options.ingest, pending.url)
        if isinstance(text, Skip):
            return text
        kind: InputKind = "html" if detect_kind(text) == "html" else "text"
        overlong = long_line_skip(text, pending.url) if kind == "text" else None
        if overlong is not None:
            return overlong
        return RawArticle(text, kind, url=page.url, published=pending.published, origin=pending.url)

    def store_outcome(self, key: str, origin: str, outcome: Outcome) -> None:
        """Step 5: one transaction per item."""
        if isinstance(outcome, Record):
            try:
                result = self.store.write_record(
                    outcome, origin=origin, input_key=key, batch=self.options.batch
                )
            except StoreError as err:  # this item only: recorded, and the batch goes on
                self._fail(key, Failure(origin, "store", "write_failed", str(err)))
                return
            if not result.created:
                self.summary.unchanged += 1
            elif result.duplicate_of:
                self.summary.copies += 1
            else:
                self.summary.stored += 1
                self.summary.events += result.events
        elif isinstance(outcome, Skip):
            self._reject(key, outcome, "pipeline")
        else:
            self._fail(key, outcome)
        self.progress.update(self.summary)

    def _reject(self, key: str, skip: Skip, stage: str) -> None:
        cause = skip_cause(skip)
        failed = is_failure(skip)
        if failed:
            stage = "fetch" if skip.reason is SkipReason.FETCH_FAILED else stage
        self.store.record_rejection(
            skip.origin, stage, cause, skip.detail, input_key=key, batch=self.options.batch
        )
        (self.summary.failed if failed else self.summary.skipped)[cause] += 1
        self.progress.update(self.summary)

    def _fail(self, key: str, failure: Failure) -> None:
        self.store.record_rejection(
            failure.origin,
            failure.stage,
            failure.reason,
            failure.detail,
            input_key=key,
            batch=self.options.batch,
        )
        self.summary.failed[failure.reason] += 1
