"""Dropping an item with a counted reason."""

from __future__ import annotations

from scrapy.exceptions import DropItem


def drop(stats, reason: str, url: str, detail: str = "") -> DropItem:
    """Count the reason in the crawl stats (newsspider/dropped/<reason>) and make the DropItem;
    its message is `reason: url (detail)`, which the log formatter shows as one short line."""
    if stats is not None:
        stats.inc_value(f"newsspider/dropped/{reason}")
    return DropItem(f"{reason}: {url}" + (f" ({detail})" if detail else ""), log_level="INFO")
