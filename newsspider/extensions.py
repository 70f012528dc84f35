"""Crawl summary: where the articles went, what was dropped, skipped and failed, and which
languages came out — printed when a crawl ends and written beside the output as JSON."""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals

from .delivery.records import DeliveryRecords
from .distributed.crawl import DistributedCrawl
from .items import Article
from .redaction import redact_text, redact_url
from .verdict import pages_fetched, verdict

logger = logging.getLogger(__name__)


def counts(stats: dict, prefix: str) -> dict[str, int]:
    return {k[len(prefix):]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}


class CrawlSummary:
    """At the end of a crawl, prints and logs `SITE: N articles → path`, the drops, skips and
    failed fetches by reason, the article languages and what changed since the last crawl; and
    writes the same as `<output>.summary.json` (for the default output:
    `output/<site>/<time>.summary.json`), which monitors, cron wrappers and `newsspider report`
    read. A site that could not fetch a single page says so in one ERROR line, with the site
    configuration's `unreachable_hint`."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.outputs: list[tuple[str, int]] = []
        self.started = time.monotonic()
        self.started_at = datetime.now(UTC)
        self.article_languages: Counter = Counter()
        self.chrome_languages: Counter = Counter()
        self.mismatches = 0

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        # Not spider_closed: the feed exporter closes its files (feed_slot_closed) after that.
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def item_scraped(self, item, response=None, spider=None):
        if isinstance(item, Article):
            self.article_languages[item.article_language or "unknown"] += 1
            self.chrome_languages[item.chrome_language or "unknown"] += 1
            self.mismatches += item.language_mismatch

    def feed_slot_closed(self, slot):
        from .delivery.feeds import DeliveringFeedExporter

        feeds = self.crawler.get_extension(DeliveringFeedExporter)
        self.outputs.append((slot.uri, feeds.delivered_to(slot) if feeds is not None else slot.itemcount))

    def summary(self, reason: str) -> dict:
        stats = self.crawler.stats.get_stats()
        records = self.crawler.get_extension(DeliveryRecords)
        incremental = counts(stats, "newsspider/incremental/")
        return {
            "site": self.crawler.spider.name,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "elapsed_seconds": round(time.monotonic() - self.started, 1),
            "finish_reason": reason,
            "outputs": [{"uri": redact_url(uri), "articles": n} for uri, n in self.outputs],
            "delivered": sum(n for _, n in self.outputs),
            "new": incremental.get("new", 0),
            "updated": incremental.get("updated", 0),
            "unchanged": incremental.get("unchanged", 0),
            "not_refetched": incremental.get("not_refetched", 0),
            "pages_fetched": pages_fetched(stats),
            "dropped": counts(stats, "newsspider/dropped/"),
            "skipped": counts(stats, "newsspider/skipped/"),
            "failed": counts(stats, "newsspider/fetch_failed/"),
            "article_languages": dict(self.article_languages.most_common()),
            "chrome_languages": dict(self.chrome_languages.most_common()),
            "language_mismatches": self.mismatches,
            "errors": stats.get("log_count/ERROR", 0),
            "delivery_failed": stats.get("newsspider/delivery/failed"),
            "undelivered": stats.get("newsspider/delivery/undelivered", 0),
            "failures_file": str(records.failures_path) if records is not None and records.failures_path else None,
            "verdict": verdict(stats, self.crawler.settings).as_dict(),
            "distributed": shared.summary() if (shared := self.crawler.get_extension(DistributedCrawl)) else None,
        }

    def summary_path(self) -> Path | None:
        records = self.crawler.get_extension(DeliveryRecords)
        if records is None:
            return None
        return records.side_file(".summary.json")

    def engine_stopped(self):
        spider = self.crawler.spider
        summary = self.summary(self.crawler.stats.get_value("finish_reason", "unknown"))
        site = summary["site"]
        lines = [f"{n} articles → {redact_url(uri)}" for uri, n in self.outputs] or ["0 articles written (no output file)"]
        if summary["delivery_failed"]:
            lines.append(f"delivery FAILED ({summary['delivery_failed']}): {summary['undelivered']} articles found "
                         "were not delivered and are left for the next run")
        for label, key in (("dropped", "dropped"), ("skipped", "skipped"), ("failed fetches", "failed")):
            if summary[key]:
                lines.append(f"{label}: " + ", ".join(f"{why} {n}" for why, n in summary[key].items()))
        if summary["distributed"]:
            shared = summary["distributed"]
            if shared["redis_failure"]:
                lines.append(f"worker {shared['worker']} stopped: Redis at {shared['redis']} unavailable")
            else:
                lines.append(f"worker {shared['worker']} of a crawl shared on {shared['redis']}: "
                             f"{shared['delivered_in_total']} articles delivered by "
                             f"{len(shared['delivered_by_worker'])} worker(s) so far"
                             + ("" if shared["drained"] else " (this worker stopped before the end)"))
        if summary["article_languages"]:
            lines.append("article languages: " + ", ".join(f"{lang} {n}" for lang, n in summary["article_languages"].items())
                         + f"; chrome ≠ article on {summary['language_mismatches']}")
        if any(k.startswith("newsspider/incremental/") for k in self.crawler.stats.get_stats()):
            lines.append("since the last crawl: " + ", ".join(
                f"{summary[key]} {key.replace('_', ' ')}" for key in ("new", "updated", "unchanged", "not_refetched")))
        path = self.summary_path()
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                lines.append(f"summary → {path}")
            except OSError as exc:
                logger.error("Could not write the crawl summary %s: %s", path, exc, extra={"spider": spider})
        for line in lines:
            logger.info("%s: %s", site, line, extra={"spider": spider})
            print(redact_text(f"newsspider: {site}: {line}"), flush=True)
        found_before = sum(summary["skipped"].get(k, 0) for k in ("already_delivered", "not_modified")) + summary["unchanged"]
        if summary["pages_fetched"] and not summary["delivered"] and not found_before and not summary["delivery_failed"]:
            logger.warning("%s: the crawl found no article (%d pages fetched; %s). `newsspider sources %s` shows what "
                           "each source yields", site, summary["pages_fetched"],
                           ", ".join(f"dropped {why} {n}" for why, n in summary["dropped"].items()) or "nothing dropped",
                           site, extra={"spider": spider})
        if not summary["pages_fetched"] and summary["failed"]:
            hint = getattr(getattr(spider, "site", None), "unreachable_hint", None)
            logger.error("%s: no page could be fetched (%s)%s", site,
                         ", ".join(f"{why} {n}" for why, n in summary["failed"].items()),
                         f" — {hint}" if hint else "", extra={"spider": spider})


class StatsFile:
    """STATS_FILE=path: the crawl's whole stats as one JSON object when it ends (for monitors and
    tests: Scrapy only dumps them into the log)."""

    def __init__(self, crawler, path: str):
        self.crawler = crawler
        self.path = Path(path)

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy.exceptions import NotConfigured

        path = crawler.settings.get("STATS_FILE")
        if not path:
            raise NotConfigured
        extension = cls(crawler, path)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def engine_stopped(self):
        stats = self.crawler.stats.get_stats()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(stats, default=str, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            logger.error("Could not write the stats file %s: %s", self.path, exc, extra={"spider": self.crawler.spider})
