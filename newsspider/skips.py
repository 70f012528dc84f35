"""Requests the crawl decides not to make: not failures, and never logged as such."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class SkippedRequest(IgnoreRequest):
    """A request left out on purpose; `reason` names why (counted as newsspider/skipped/<reason>)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
