"""What every stage pipeline shares: run one stage on a `Page`, drop it with a counted reason."""

from __future__ import annotations

import logging

from scrapy.exceptions import DropItem

from ..items import Page

logger = logging.getLogger(__name__)


def drop(stats, reason: str, url: str, detail: str = "") -> DropItem:
    """Count the reason in the crawl stats (newsspider/dropped/<reason>) and make the DropItem."""
    if stats is not None:
        stats.inc_value(f"newsspider/dropped/{reason}")
    return DropItem(f"{reason}: {url}" + (f" ({detail})" if detail else ""), log_level="INFO")


class StagePipeline:
    """Runs `stage` (a function of a Page returning a drop reason or None) on each Page."""

    stage = None  # set by subclasses: a function from newsspider.extraction.stages

    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(stats=crawler.stats)

    def process_item(self, item):
        if not isinstance(item, Page):
            return item
        reason = type(self).stage(item)
        if reason:
            raise drop(self.stats, reason, item.url, "; ".join(item.notes))
        return item
