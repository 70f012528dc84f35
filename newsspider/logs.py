"""Logs a person can read: one short line per drop, no item dumps, site names in multi-site runs,
a progress line that names the site, and no line longer than MAX_LOG_LINE characters."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.logformatter import LogFormatter
from scrapy.utils.asyncio import create_looping_call

from .redaction import redact_text

logger = logging.getLogger(__name__)

# Longer lines are cut (with the number of characters left out): a page's HTML or a huge URL in a
# message must not turn a log into megabytes.
MAX_LOG_LINE = 2000


def item_label(item) -> str:
    """What to name an item by in a log line: its URL, not its contents."""
    return str(getattr(item, "url", None) or type(item).__name__)


class ReadableLogFormatter(LogFormatter):
    """Scrapy's log formatter without item dumps: Scrapy prints the whole item (for a page: its
    bytes, HTML and parse trees) on every drop. Here a drop is `Dropped <reason>: <url> (<detail>)`."""

    def dropped(self, item, exception, response, spider):
        entry = super().dropped(item, exception, response, spider)
        return {**entry, "msg": "Dropped %(exception)s", "args": {"exception": exception}}

    def item_error(self, item, exception, response, spider):
        entry = super().item_error(item, exception, response, spider)
        return {**entry, "msg": "Error processing %(item)s", "args": {"item": item_label(item)}}

    def scraped(self, item, response, spider):
        entry = super().scraped(item, response, spider)
        return {**entry, "msg": "Scraped %(item)s", "args": {"item": item_label(item)}}


class ShortLinesFormatter(logging.Formatter):
    """Masks secrets (newsspider.redaction) and cuts each line of a record to MAX_LOG_LINE
    characters; with `site_names`, starts each record that belongs to a crawl with `[site]`
    (several sites log into one stream)."""

    def __init__(self, fmt=None, datefmt=None, *, site_names: bool = False):
        super().__init__(fmt, datefmt)
        self.site_names = site_names

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if self.site_names:
            spider = getattr(record, "spider", None)
            if spider is not None and getattr(spider, "name", None):
                text = f"[{spider.name}] {text}"
        return "\n".join(cut_line(line) for line in redact_text(text).split("\n"))


def cut_line(line: str, limit: int = MAX_LOG_LINE) -> str:
    if len(line) <= limit:
        return line
    return f"{line[: limit - 40]}… ({len(line) - limit + 40} more characters)"


def install_readable_handlers(settings) -> None:
    """Give the handlers Scrapy installed on the root logger our formatter (idempotent)."""
    site_names = settings.getbool("LOG_SITE_NAMES", False)
    for handler in logging.root.handlers:
        if isinstance(handler.formatter, ShortLinesFormatter):
            handler.formatter.site_names = handler.formatter.site_names or site_names
            continue
        fmt = settings.get("LOG_FORMAT")
        handler.setFormatter(ShortLinesFormatter(fmt, settings.get("LOG_DATEFORMAT"), site_names=site_names))


class CrawlProgress:
    """Every PROGRESS_INTERVAL seconds (default 60; 0 turns it off), one line that names the site:
    `demo: 120 articles so far, 310 pages (95 pages/min), 42 queued`. Also puts the readable
    formatter on Scrapy's log handlers (it replaces Scrapy's LogStats, which names no site)."""

    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.task: Any = None  # a looping call (asyncio or Twisted)
        self.last_pages = 0

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler, crawler.settings.getfloat("PROGRESS_INTERVAL", 60))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider) -> None:
        # Not in from_crawler: Scrapy installs a new root handler after building the extensions.
        install_readable_handlers(self.crawler.settings)
        if self.interval > 0:
            self.task = create_looping_call(self.log_progress)
            self.task.start(self.interval, now=False)

    def log_progress(self) -> None:
        stats = self.crawler.stats
        spider = self.crawler.spider
        pages = stats.get_value("response_received_count", 0)
        rate = (pages - self.last_pages) * 60.0 / self.interval
        self.last_pages = pages
        engine = self.crawler.engine
        scheduler = engine.scheduler if engine else None
        queued = len(scheduler) if scheduler is not None and hasattr(scheduler, "__len__") else 0
        queued += len(engine.downloader.active) if engine else 0  # waiting for their host's slot
        logger.info(
            "%(site)s: %(articles)d articles so far, %(pages)d pages (%(rate)d pages/min), %(queued)d queued",
            {"site": spider.name, "articles": stats.get_value("item_scraped_count", 0), "pages": pages,
             "rate": rate, "queued": queued},
            extra={"spider": spider},
        )

    def spider_closed(self, spider, reason) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
