"""Crawl summary: where the articles went and why pages were dropped, printed when a crawl ends."""

from __future__ import annotations

import logging
import os

from scrapy import signals

logger = logging.getLogger(__name__)


class CrawlSummary:
    """At spider close, logs and prints one line per output file (`N articles → path`), the
    drop reasons counted by the pipelines (`newsspider/dropped/<reason>`) and how many articles
    were new, updated, unchanged or not fetched again since the last crawl."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.outputs: list[tuple[str, int]] = []

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def feed_slot_closed(self, slot):
        uri = slot.uri
        if uri.endswith(".part") and "://" not in uri and os.path.exists(uri):
            os.replace(uri, uri[: -len(".part")])  # finished: now readers may take it
            uri = uri[: -len(".part")]
        self.outputs.append((uri, slot.itemcount))

    def engine_stopped(self):
        stats = self.crawler.stats.get_stats()
        prefix = "newsspider/dropped/"
        dropped = {k[len(prefix):]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}
        lines = [f"{count} articles → {uri}" for uri, count in self.outputs] or ["0 articles written (no output file)"]
        if dropped:
            lines.append("dropped: " + ", ".join(f"{reason} {n}" for reason, n in dropped.items()))
        incremental = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("newsspider/incremental/")}
        if incremental:
            lines.append("since the last crawl: " + ", ".join(
                f"{incremental.get(key, 0)} {key.replace('_', ' ')}" for key in ("new", "updated", "unchanged", "not_refetched")))
        for line in lines:
            logger.info(line)
            print(f"newsspider: {line}", flush=True)
