"""``communique ingest``: many sources into a store, durably and resumably.

1. expand the sources into items (articles, skips, URLs to fetch)
2. drop items an earlier run already handled (each has a stable key)
3. fetch URLs (feeds found at a URL are expanded into their entries)
4. run the pipeline on each article (in worker processes with ``workers`` > 1)
5. store each result in its own transaction, with its input key: a record with its events, or
   a rejection with stage and reason

Killing the process at any moment and running the same command again loses nothing and stores
nothing twice: committed items are skipped by key, and records are upserted by content id.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import StoreError
from ..ingest.feeds import looks_like_feed
from ..ingest.files import decode_item, detect_kind
from ..ingest.urls import Fetcher, FetchSettings
from ..model import InputKind, RawArticle, Record, Skip, SkipReason
from ..settings import IngestSettings
from ..store import Store
from .progress import IngestProgress
from .sources import Item, Pending, feed_items, item_key, iter_items
from .summary import IngestSummary, is_failure, skip_cause
from .work import Failure, Outcome, Process, run_ordered


@dataclass(frozen=True, slots=True)
class IngestOptions:
    workers: int = 1
    batch: str = ""
    ingest: IngestSettings = field(default_factory=IngestSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    progress: bool = False


def ingest_sources(
    sources: Sequence[str],
    store: Store,
    options: IngestOptions | None = None,
    process: Process | None = None,
) -> IngestSummary:
    """Ingest every source into the store; return the counts. ``process`` replaces the full
    pipeline (it must be a module-level function when ``workers`` > 1)."""
    options = options or IngestOptions()
    summary = IngestSummary()
    started = time.monotonic()
    with Fetcher(options.fetch) as fetcher, IngestProgress(options.progress) as progress:
        run = _Run(store, options, summary, fetcher, progress)
        todo = (
            ((key, raw.origin), raw)
            for key, raw in run.raw_articles(iter_items(sources, options.ingest))
        )
        for (key, origin), outcome in run_ordered(todo, process, options.workers):
            run.store_outcome(key, origin, outcome)
    summary.seconds = time.monotonic() - started
    return summary


class _Run:
    def __init__(
        self,
        store: Store,
        options: IngestOptions,
        summary: IngestSummary,
        fetcher: Fetcher,
        progress: IngestProgress,
    ) -> None:
        self.store, self.options, self.summary = store, options, summary
        self.fetcher, self.progress = fetcher, progress

    def raw_articles(self, items: Iterator[Item]) -> Iterator[tuple[str, RawArticle]]:
        """Steps 1-3: the articles still to process, with their input keys."""
        for item in items:
            self.summary.read += 1
            key = item_key(item)
            if self.store.has_input(key):
                self.summary.unchanged += 1
                self.progress.update(self.summary)
                continue
            if isinstance(item, Pending):
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
