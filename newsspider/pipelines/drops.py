"""Dropping an item with a counted reason."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class CountedDrop(DropItem):
    """A drop with a reason name (`listing_page`, `duplicate`, …): counted, logged as one short
    line, and remembered for the URL by the delivery records."""

    def __init__(self, reason: str, message: str):
        super().__init__(message, log_level="INFO")
        self.reason = reason


def drop(stats, reason: str, url: str, detail: str = "") -> CountedDrop:
    """Count the reason in the crawl stats (newsspider/dropped/<reason>) and make the drop; its
    message is `reason: url (detail)`."""
    if stats is not None:
        stats.inc_value(f"newsspider/dropped/{reason}")
    return CountedDrop(reason, f"{reason}: {url}" + (f" ({detail})" if detail else ""))
