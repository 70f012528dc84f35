"""The crawl's delivery records: the site's ledger, and an outcome for every URL it fetched."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals

from ..extraction.urls import url_identity
from ..redaction import redact_text, redact_url
from .ledger import Ledger, SqliteLedger

logger = logging.getLogger(__name__)

# Failures that will not go away by asking again: remembered, and not fetched by later runs.
PERMANENT_FAILURES = frozenset({
    "http_400", "http_401", "http_403", "http_404", "http_410", "http_451", "redirect_loop", "redirect_offsite",
    "robots_disallowed", "too_large", "not_html",
})
# Drops that are not about the URL: an unchanged article is still a delivered one.
NOT_REMEMBERED_DROPS = frozenset({"unchanged", "store_unavailable"})


def is_snapshot(settings) -> bool:
    """Does this crawl write everything it finds (-O, or INCREMENTAL_FULL), not only what is new?"""
    if settings.getbool("INCREMENTAL_FULL", False):
        return True
    return any(options.get("overwrite") for options in settings.getdict("FEEDS").values())


def request_url_keys(request) -> set[str]:
    """The URL a request was made for and every URL it was redirected through."""
    return {url_identity(u) for u in (*request.meta.get("redirect_urls", ()), request.url)}


class DeliveryRecords:
    """Owns the site's ledger (STATE_DIR/<site>.sqlite; INCREMENTAL_ENABLED=False: none) for the
    other delivery components, which reach it with `crawler.get_extension(DeliveryRecords)`.

    Records what became of the URLs that were not delivered: a page dropped by the pipelines
    (`dropped`, with its reason) and a fetch that failed (`failed`, with its reason and the number
    of runs it failed in). Reruns do not fetch them again (see IncrementalFetchMiddleware).
    Failures also go to `<output>.failures.jsonl` (url, reason, detail, attempts, time).
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.enabled = crawler.settings.getbool("INCREMENTAL_ENABLED", True)
        self.snapshot = is_snapshot(crawler.settings)
        self._ledger: Ledger | None = None
        self._failures = None
        self.failures_path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler):
        records = cls(crawler)
        crawler.signals.connect(records.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(records.engine_stopped, signal=signals.engine_stopped)
        return records

    @property
    def ledger(self) -> Ledger | None:
        """Opened on first use (the spider must exist: the file is named after it)."""
        if self._ledger is None and self.enabled:
            from ..distributed.crawl import DistributedCrawl
            from ..distributed.ledger import RedisLedger

            spider = self.crawler.spider
            shared = self.crawler.get_extension(DistributedCrawl)
            if shared is not None:
                self._ledger, where = RedisLedger(shared), f"{shared.url} {shared.keys.ledger}"
            else:
                name = getattr(spider, "state_name", None) or spider.name
                path = Path(self.crawler.settings.get("STATE_DIR", "state")) / f"{name}.sqlite"
                self._ledger, where = SqliteLedger(path), str(path)
            logger.info("Delivery ledger: %s (%d articles delivered before)", where, self._ledger.count(),
                        extra={"spider": spider})
        return self._ledger

    def item_dropped(self, item, response, exception, spider=None):
        reason = getattr(exception, "reason", None)
        if not reason or reason in NOT_REMEMBERED_DROPS or response is None or self.ledger is None:
            return
        self.ledger.record_outcome(request_url_keys(response.request) | {url_identity(response.url)}, "dropped", reason)

    def failed(self, request, reason: str, detail: str) -> None:
        """A fetch the crawl gave up on: remembered, and written to the failures file."""
        attempts = request.meta.get("retry_times", 0) + 1
        if self.ledger is not None:
            self.ledger.record_outcome(request_url_keys(request), "failed", reason)
        origin = (request.meta.get("redirect_urls") or [request.url])[0]  # the URL the crawl decided to fetch
        record = {"url": redact_url(origin), "reason": reason, "detail": redact_text(detail), "attempts": attempts,
                  "time": datetime.now(UTC).isoformat(timespec="seconds")}
        try:
            if self._failures is None:
                self.failures_path = self.side_file(".failures.jsonl")
                self.failures_path.parent.mkdir(parents=True, exist_ok=True)
                self._failures = self.failures_path.open("a", encoding="utf-8")
            self._failures.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._failures.flush()
        except OSError as exc:
            logger.warning("Could not write the failures file %s: %s", self.failures_path, exc,
                           extra={"spider": self.crawler.spider})

    def side_file(self, suffix: str) -> Path:
        """A file beside this crawl's output: `<stem><suffix>` (see output_stem)."""
        stem = self.output_stem()
        return stem.with_name(stem.name + suffix)

    def output_stem(self) -> Path:
        """Where this crawl's side files go: beside its first local output file (without
        `.jsonl.part`/`.jsonl`), else OUTPUT_DIR/<site>/<start time>."""
        from .feeds import DeliveringFeedExporter, local_path

        feeds = self.crawler.get_extension(DeliveringFeedExporter)
        for slot in getattr(feeds, "slots", ()):
            path = local_path(slot)
            if path:
                return Path(path.removesuffix(".part").removesuffix(".jsonl"))
        stats = self.crawler.stats.get_value("start_time") or datetime.now(UTC)
        stamp = stats.replace(microsecond=0).isoformat().replace(":", "-")
        folder = self.crawler.settings.get("OUTPUT_DIR") or "output"
        return Path(folder, self.crawler.spider.name, stamp)

    def engine_stopped(self):
        if self._failures is not None:
            self._failures.close()
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None
